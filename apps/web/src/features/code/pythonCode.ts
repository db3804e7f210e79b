import { seed002PaddedLength, toPythonBytes } from '@playground/codec';
import { indent, pythonFraming } from './framingCode.ts';
import {
  ANSWER_TIMEOUT_S,
  CHARGEN_READS,
  clientPlan,
  type ServerBehaviour,
  type SnippetSpec,
  type TcpClientSpec,
  type TcpServerSpec,
  type UdpClientSpec,
  type UdpServerSpec,
  udpClientPlan,
} from './snippets.ts';

const family = (host: string) => (host.includes(':') ? 'socket.AF_INET6' : 'socket.AF_INET');
const pyHost = (host: string) => `'${host === '0.0.0.0' || host === '::' ? '' : host}'`;

/** Two of the quote service's sayings: enough to show what it sends. */
const QUOTES = `QUOTES = [
    'Caminante, no hay camino, se hace camino al andar.\\r\\n  -- Antonio Machado\\r\\n',
    'TCP is a stream of bytes; messages are your business.\\r\\n  -- Socket Playground\\r\\n',
]`;
const DAYTIME = `datetime.datetime.now(datetime.timezone.utc).strftime('%A, %B %d, %Y %H:%M:%S-UTC\\r\\n')`;
const CHARGEN_LINE = `bytes(32 + (n + i) % 95 for i in range(72)) + b'\\r\\n'`;

export function pythonCode(spec: SnippetSpec): string {
  switch (spec.kind) {
    case 'tcp-server':
      return tcpServer(spec);
    case 'tcp-client':
      return tcpClient(spec);
    case 'udp-server':
      return udpServer(spec);
    case 'udp-client':
      return udpClient(spec);
  }
}

function imports(names: string[]): string {
  return [...new Set(['socket', ...names])]
    .sort()
    .map((n) => `import ${n}`)
    .join('\n');
}

/** What `serve(connection)` does with one client, for each behaviour. */
function serveBody(behaviour: ServerBehaviour, recvSize: number): { body: string; needs: string[]; top: string } {
  const loop = (each: string, end = 'break') => `while True:
    data = connection.recv(${recvSize})
    if not data:
        ${end}
${indent(each, '    ')}`;
  switch (behaviour) {
    case 'echo':
      return { body: loop('connection.sendall(data)'), needs: [], top: '' };
    case 'upper':
      return { body: loop('connection.sendall(data.upper())'), needs: [], top: '' };
    case 'none':
      return {
        body: `${loop('print(data)  # only read: this server never answers', "break  # the client is done (the playground's server keeps its side open instead)")}`,
        needs: [],
        top: '',
      };
    case 'discard':
      return { body: loop('pass  # RFC 863: read everything, answer nothing'), needs: [], top: '' };
    case 'qotd':
      return { body: `connection.sendall(random.choice(QUOTES).encode('utf-8'))`, needs: ['random'], top: QUOTES };
    case 'daytime':
      return { body: `connection.sendall(${DAYTIME}.encode('ascii'))`, needs: ['datetime'], top: '' };
    case 'chargen':
      return {
        body: `n = 0
while True:
    # 10 lines every 100 ms, until the client ends (FIN: recv() returns b'').
    readable, _, _ = select.select([connection], [], [], 0.1)
    if readable and not connection.recv(${recvSize}):
        break
    for _ in range(10):
        connection.sendall(${CHARGEN_LINE})
        n += 1`,
        needs: ['select'],
        top: '',
      };
    case 'framed-json':
      return {
        body: `frames = Frames(connection)
while True:
    try:
        message = frames.next()
    except ConnectionError:
        break
    try:
        value = json.loads(message)
    except ValueError:
        value = ''
    answer = json.dumps(f'Respuesta asociada al mensaje {value}')
    connection.sendall(frame(answer.encode('utf-8')))`,
        needs: ['json'],
        top: '',
      };
  }
}

function tcpServer(spec: TcpServerSpec): string {
  const behaviour = spec.behaviour ?? 'echo';
  const { body, needs, top } = serveBody(behaviour, spec.recvSize);
  const threaded = spec.concurrency === 'concurrent';
  const framing = behaviour === 'framed-json' ? pythonFraming(spec.framing ?? seed002PaddedLength, spec.recvSize) : '';
  const helpers = [top, framing].filter(Boolean).join('\n\n\n');
  return `${imports(threaded ? [...needs, 'threading'] : needs)}

HOST = ${pyHost(spec.host)}  # '' means every interface
PORT = ${spec.port}
${helpers ? `\n${helpers}\n` : ''}

def serve(connection, address):
    with connection:
        print('Connected by', address)
${indent(body, '        ')}


with socket.socket(${family(spec.host)}, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((HOST, PORT))
    s.listen(${spec.backlog})
    while True:
        connection, address = s.accept()
        ${threaded ? 'threading.Thread(target=serve, args=(connection, address), daemon=True).start()' : 'serve(connection, address)  # one client at a time: the next waits in the queue'}
`;
}

function tcpClient(spec: TcpClientSpec): string {
  const plan = clientPlan(spec.server);
  const head = (extra: string[] = [], helpers = '') => `${imports(extra)}

HOST = '${spec.host}'
PORT = ${spec.port}
message = ${toPythonBytes(spec.message)}
${helpers ? `\n${helpers}\n\n` : ''}
with socket.socket(${family(spec.host)}, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
`;
  switch (plan) {
    case 'echo':
      return `${head()}    s.sendall(message)
    received = 0
    while received < len(message):  # the server sends every byte back
        data = s.recv(${spec.recvSize})
        if not data:
            break
        print(data)
        received += len(data)
`;
    case 'until-closed':
      return `${head()}    # This server speaks first and then closes: read until recv() returns b''.
    while True:
        data = s.recv(${spec.recvSize})
        if not data:
            break
        print(data)
`;
    case 'some-lines':
      return `${head()}    # This server sends lines until the client ends: read a few, then close.
    for _ in range(${CHARGEN_READS}):
        print(s.recv(${spec.recvSize}))
`;
    case 'no-answer':
      return `${head()}    s.sendall(message)
    print('Sent', len(message), 'bytes; this server never answers, so there is nothing to wait for.')
`;
    case 'one-frame':
      return `${head(['json'], pythonFraming(spec.framing ?? seed002PaddedLength, spec.recvSize))}    s.sendall(frame(message))
    answer = Frames(s).next()  # one whole frame, however recv() cuts it
    print(json.loads(answer))
`;
    case 'one-answer':
      return `${head()}    s.sendall(message)
    s.settimeout(${ANSWER_TIMEOUT_S})
    try:
        print(s.recv(${spec.recvSize}))
    except socket.timeout:
        print('No answer within ${ANSWER_TIMEOUT_S} s.')
`;
  }
}

function udpServer(spec: UdpServerSpec): string {
  const behaviour = spec.behaviour ?? 'echo';
  const answer: Record<ServerBehaviour, string> = {
    echo: 's.sendto(data, address)',
    upper: 's.sendto(data.upper(), address)',
    none: 'pass  # only read: this server never answers',
    discard: 'pass  # RFC 863: read everything, answer nothing',
    qotd: `s.sendto(random.choice(QUOTES).encode('utf-8'), address)`,
    daytime: `s.sendto(${DAYTIME}.encode('ascii'), address)`,
    chargen: `s.sendto(bytes(32 + (n + i) % 95 for i in range(random.randrange(513))), address)`,
    'framed-json': `try:
    value = json.loads(unframe(data))
except ValueError:
    value = ''
s.sendto(frame(json.dumps(f'Respuesta asociada al mensaje {value}').encode('utf-8')), address)`,
  };
  const needs = { qotd: ['random'], daytime: ['datetime'], chargen: ['random'], 'framed-json': ['json'] }[
    behaviour as string
  ];
  const helpers =
    behaviour === 'qotd'
      ? `\n${QUOTES}\n`
      : behaviour === 'framed-json'
        ? `\n${pythonFraming(spec.framing ?? seed002PaddedLength, spec.recvSize, true)}\n`
        : '';
  return `${imports(needs ?? [])}

HOST = ${pyHost(spec.host)}
PORT = ${spec.port}
${helpers}
with socket.socket(${family(spec.host)}, socket.SOCK_DGRAM) as s:
    s.bind((HOST, PORT))${behaviour === 'chargen' ? '\n    n = 0' : ''}
    while True:
        data, address = s.recvfrom(${spec.recvSize})
        print(address, data)
${indent(answer[behaviour], '        ')}${behaviour === 'chargen' ? '\n        n += 1' : ''}
`;
}

function udpClient(spec: UdpClientSpec): string {
  const plan = udpClientPlan(spec.server);
  const framed = plan === 'one-frame';
  return `${imports(framed ? ['json'] : [])}

HOST = '${spec.host}'
PORT = ${spec.port}
message = ${toPythonBytes(spec.message)}
${framed ? `\n${pythonFraming(spec.framing ?? seed002PaddedLength, spec.recvSize, true)}\n\n` : ''}
with socket.socket(${family(spec.host)}, socket.SOCK_DGRAM) as s:
${
  plan === 'no-answer'
    ? `    s.sendto(message, (HOST, PORT))
    print('Sent one datagram of', len(message), 'bytes; this server never answers, so there is nothing to wait for.')
`
    : `    s.settimeout(${ANSWER_TIMEOUT_S})
    s.sendto(${framed ? 'frame(message)' : 'message'}, (HOST, PORT))
    try:
        data, address = s.recvfrom(${spec.recvSize})
        print(address, ${framed ? 'json.loads(unframe(data))' : 'data'})
    except socket.timeout:
        print('No answer within ${ANSWER_TIMEOUT_S} s: a lost datagram is never sent again.')
`
}`;
}
