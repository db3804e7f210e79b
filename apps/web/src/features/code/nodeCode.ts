import { seed002PaddedLength } from '@playground/codec';
import { indent, nodeFraming } from './framingCode.ts';
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

const jsBytes = (bytes: Uint8Array) =>
  `Buffer.from('${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}', 'hex')`;
const host = (h: string) => `'${h}'`;
const udpType = (h: string) => `'${h.includes(':') ? 'udp6' : 'udp4'}'`;

const QUOTES = `const QUOTES = [
  'Caminante, no hay camino, se hace camino al andar.\\r\\n  -- Antonio Machado\\r\\n',
  'TCP is a stream of bytes; messages are your business.\\r\\n  -- Socket Playground\\r\\n',
];
const quote = () => QUOTES[Math.floor(Math.random() * QUOTES.length)];`;
const DAYTIME = `function daytime() {
  const d = new Date();
  const date = d.toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  return \`\${date} \${d.toISOString().slice(11, 19)}-UTC\\r\\n\`;
}`;
const CHARGEN = `const line = (n) =>
  Buffer.from(Array.from({ length: 72 }, (_, i) => 32 + ((n + i) % 95)).concat([13, 10]));`;
const ANSWER = `const answer = (message) => {
  let value = '';
  try {
    value = JSON.parse(message.toString('utf8'));
  } catch {}
  // Close to Python's str() of the value, as seed 002's server prints it: {'nombre': 'Margot'}.
  const text = typeof value === 'string' ? value : JSON.stringify(value).replace(/"/g, "'").replace(/([:,])/g, '$1 ');
  return frame(Buffer.from(JSON.stringify(\`Respuesta asociada al mensaje \${text}\`)));
};`;

export function nodeCode(spec: SnippetSpec): string {
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

/** What one connection does, for each behaviour, and the helpers it needs. */
function serve(behaviour: ServerBehaviour): { body: string; top: string } {
  switch (behaviour) {
    case 'echo':
      return {
        body: `connection.on('data', (data) => connection.write(data));
connection.on('end', () => connection.end());`,
        top: '',
      };
    case 'upper':
      return {
        body: `connection.on('data', (data) => connection.write(data.toString('latin1').toUpperCase(), 'latin1'));
connection.on('end', () => connection.end());`,
        top: '',
      };
    case 'none':
      return {
        body: `connection.on('data', (data) => console.log(data)); // only read: this server never answers`,
        top: '',
      };
    case 'discard':
      return {
        body: `connection.on('data', () => {}); // RFC 863: read everything, answer nothing
connection.on('end', () => connection.end());`,
        top: '',
      };
    case 'qotd':
      return { body: 'connection.end(quote());', top: QUOTES };
    case 'daytime':
      return { body: 'connection.end(daytime());', top: DAYTIME };
    case 'chargen':
      return {
        body: `let n = 0;
// 10 lines every 100 ms, until the client ends.
const timer = setInterval(() => {
  for (let i = 0; i < 10; i++) connection.write(line(n++));
}, 100);
connection.on('data', () => {});
connection.on('end', () => {
  clearInterval(timer);
  connection.end();
});
connection.on('close', () => clearInterval(timer));`,
        top: CHARGEN,
      };
    case 'framed-json':
      return {
        body: `let rest = Buffer.alloc(0);
connection.on('data', (data) => {
  const { messages, rest: left } = cut(Buffer.concat([rest, data]));
  rest = left;
  for (const message of messages) connection.write(answer(message));
});
connection.on('end', () => connection.end());`,
        top: ANSWER,
      };
  }
}

function tcpServer(spec: TcpServerSpec): string {
  const behaviour = spec.behaviour ?? 'echo';
  const { body, top } = serve(behaviour);
  const framing = behaviour === 'framed-json' ? nodeFraming(spec.framing ?? seed002PaddedLength) : '';
  const helpers = [framing, top].filter(Boolean).join('\n\n');
  const listen = `server.listen({ host: ${host(spec.host)}, port: ${spec.port}, backlog: ${spec.backlog} });`;
  if (spec.concurrency === 'one-at-a-time') {
    return `const net = require('node:net');
${helpers ? `\n${helpers}\n` : ''}
// One client at a time, like Python's accept() loop: the others wait, unread, until the current one closes.
const waiting = [];
let busy = false;

function serve(connection) {
  busy = true;
  console.log('Connected by', connection.remoteAddress, connection.remotePort);
${indent(body, '  ')}
  connection.on('close', () => {
    busy = false;
    const next = waiting.shift();
    if (next) serve(next);
  });
  connection.resume();
}

const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (connection) => {
  connection.on('error', (err) => console.log('Error:', err.code));
  if (busy) waiting.push(connection);
  else serve(connection);
});
${listen}
`;
  }
  return `const net = require('node:net');
${helpers ? `\n${helpers}\n` : ''}
// Node reads whatever has arrived; recv(${spec.recvSize}) would return it in pieces of ${spec.recvSize} bytes.
const server = net.createServer({ allowHalfOpen: true }, (connection) => {
  console.log('Connected by', connection.remoteAddress, connection.remotePort);
  connection.on('error', (err) => console.log('Error:', err.code));
${indent(body, '  ')}
});
${listen}
`;
}

function tcpClient(spec: TcpClientSpec): string {
  const plan = clientPlan(spec.server);
  const connect = (onConnect: string) =>
    `const socket = net.connect({ host: ${host(spec.host)}, port: ${spec.port} }, () => ${onConnect});`;
  switch (plan) {
    case 'echo':
      return `const net = require('node:net');

const message = ${jsBytes(spec.message)};
let received = 0;
${connect('socket.write(message)')}
socket.on('data', (data) => {
  console.log(data);
  received += data.length;
  if (received >= message.length) socket.end(); // the server sent every byte back
});
`;
    case 'until-closed':
      return `const net = require('node:net');

// This server speaks first and then closes.
${connect("console.log('connected')")}
socket.on('data', (data) => console.log(data));
socket.on('end', () => socket.end());
`;
    case 'some-lines':
      return `const net = require('node:net');

// This server sends lines until the client ends: take a few, then end.
let reads = 0;
${connect("console.log('connected')")}
socket.on('data', (data) => {
  console.log(data);
  if (++reads === ${CHARGEN_READS}) socket.destroy();
});
`;
    case 'no-answer':
      return `const net = require('node:net');

const message = ${jsBytes(spec.message)};
// This server never answers (nor closes), so the script sends, ends and lets go.
${connect('socket.end(message, () => socket.destroy())')}
`;
    case 'one-frame':
      return `const net = require('node:net');

${nodeFraming(spec.framing ?? seed002PaddedLength)}

const message = ${jsBytes(spec.message)};
let rest = Buffer.alloc(0);
${connect('socket.write(frame(message))')}
socket.on('data', (data) => {
  const { messages, rest: left } = cut(Buffer.concat([rest, data]));
  rest = left;
  if (messages.length === 0) return;
  console.log(JSON.parse(messages[0].toString('utf8')));
  socket.end();
});
`;
    case 'one-answer':
      return `const net = require('node:net');

const message = ${jsBytes(spec.message)};
${connect('socket.write(message)')}
socket.setTimeout(${ANSWER_TIMEOUT_S * 1000}, () => {
  console.log('No answer within ${ANSWER_TIMEOUT_S} s.');
  socket.destroy();
});
socket.on('data', (data) => {
  console.log(data);
  socket.end();
});
`;
  }
}

function udpServer(spec: UdpServerSpec): string {
  const behaviour = spec.behaviour ?? 'echo';
  const reply: Record<ServerBehaviour, string> = {
    echo: 'socket.send(data, rinfo.port, rinfo.address);',
    upper: "socket.send(data.toString('latin1').toUpperCase(), rinfo.port, rinfo.address);",
    none: '// only read: this server never answers',
    discard: '// RFC 863: read everything, answer nothing',
    qotd: 'socket.send(quote(), rinfo.port, rinfo.address);',
    daytime: 'socket.send(daytime(), rinfo.port, rinfo.address);',
    chargen: 'socket.send(line(n++), rinfo.port, rinfo.address);',
    'framed-json': 'socket.send(answer(cut(data).messages[0] ?? Buffer.alloc(0)), rinfo.port, rinfo.address);',
  };
  const top = { qotd: QUOTES, daytime: DAYTIME, chargen: `${CHARGEN}\nlet n = 0;`, 'framed-json': ANSWER }[
    behaviour as string
  ];
  const framing = behaviour === 'framed-json' ? nodeFraming(spec.framing ?? seed002PaddedLength) : '';
  const helpers = [framing, top].filter(Boolean).join('\n\n');
  return `const dgram = require('node:dgram');
${helpers ? `\n${helpers}\n` : ''}
const socket = dgram.createSocket(${udpType(spec.host)});
socket.on('message', (data, rinfo) => {
  console.log(rinfo.address, rinfo.port, data);
  ${reply[behaviour]}
});
socket.bind(${spec.port}, ${host(spec.host)});
`;
}

function udpClient(spec: UdpClientSpec): string {
  const plan = udpClientPlan(spec.server);
  const send = (what: string) => `socket.send(${what}, ${spec.port}, ${host(spec.host)}`;
  if (plan === 'no-answer') {
    return `const dgram = require('node:dgram');

const socket = dgram.createSocket(${udpType(spec.host)});
// This server never answers, so there is nothing to wait for.
${send(jsBytes(spec.message))}, () => socket.close());
`;
  }
  const framed = plan === 'one-frame';
  return `const dgram = require('node:dgram');
${framed ? `\n${nodeFraming(spec.framing ?? seed002PaddedLength)}\n` : ''}
const socket = dgram.createSocket(${udpType(spec.host)});
const timer = setTimeout(() => {
  console.log('No answer within ${ANSWER_TIMEOUT_S} s: a lost datagram is never sent again.');
  socket.close();
}, ${ANSWER_TIMEOUT_S * 1000});
socket.on('message', (data, rinfo) => {
  console.log(rinfo.address, rinfo.port, ${framed ? "JSON.parse(cut(data).messages[0].toString('utf8'))" : 'data'});
  clearTimeout(timer);
  socket.close();
});
${send(framed ? `frame(${jsBytes(spec.message)})` : jsBytes(spec.message))});
`;
}
