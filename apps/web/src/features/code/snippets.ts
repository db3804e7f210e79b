import { toPythonBytes } from '@playground/codec';

/**
 * The equivalent of a playground socket as a learner would write it: Python 3 in the seeds' style
 * (socket, bind, listen, accept, recv(N), sendall) and plain Node.js. Filled in with the socket's
 * own host, port, buffer size and message, and meant to run as shown against the playground.
 */
export interface TcpServerSpec {
  kind: 'tcp-server';
  host: string;
  port: number;
  backlog: number;
  recvSize: number;
  /** `one-at-a-time` (default) is the seeds' accept() loop; `concurrent` serves each client in its own thread. */
  concurrency?: 'concurrent' | 'one-at-a-time';
}

export interface TcpClientSpec {
  kind: 'tcp-client';
  host: string;
  port: number;
  recvSize: number;
  message: Uint8Array;
}

export interface UdpServerSpec {
  kind: 'udp-server';
  host: string;
  port: number;
  recvSize: number;
}

export interface UdpClientSpec {
  kind: 'udp-client';
  host: string;
  port: number;
  recvSize: number;
  message: Uint8Array;
}

export type SnippetSpec = TcpServerSpec | TcpClientSpec | UdpServerSpec | UdpClientSpec;

const family = (host: string) => (host.includes(':') ? 'socket.AF_INET6' : 'socket.AF_INET');
const pyHost = (host: string) => `'${host === '0.0.0.0' || host === '::' ? '' : host}'`;

export function pythonSnippet(spec: SnippetSpec): string {
  switch (spec.kind) {
    case 'tcp-server':
      if (spec.concurrency === 'concurrent') return pythonThreadedServer(spec);
      return `import socket

HOST = ${pyHost(spec.host)}  # '' means every interface
PORT = ${spec.port}

with socket.socket(${family(spec.host)}, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((HOST, PORT))
    s.listen(${spec.backlog})
    while True:
        connection, address = s.accept()
        with connection:
            print('Connected by', address)
            while True:
                data = connection.recv(${spec.recvSize})
                if not data:
                    break
                connection.sendall(data)
`;
    case 'tcp-client':
      return `import socket

HOST = '${spec.host}'
PORT = ${spec.port}
message = ${toPythonBytes(spec.message)}

with socket.socket(${family(spec.host)}, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall(message)
    received = 0
    while received < len(message):
        data = s.recv(${spec.recvSize})
        if not data:
            break
        print(data)
        received += len(data)
`;
    case 'udp-server':
      return `import socket

HOST = ${pyHost(spec.host)}
PORT = ${spec.port}

with socket.socket(${family(spec.host)}, socket.SOCK_DGRAM) as s:
    s.bind((HOST, PORT))
    while True:
        data, address = s.recvfrom(${spec.recvSize})
        print(address, data)
        s.sendto(data, address)
`;
    case 'udp-client':
      return `import socket

HOST = '${spec.host}'
PORT = ${spec.port}
message = ${toPythonBytes(spec.message)}

with socket.socket(${family(spec.host)}, socket.SOCK_DGRAM) as s:
    s.settimeout(5)
    s.sendto(message, (HOST, PORT))
    data, address = s.recvfrom(${spec.recvSize})
    print(address, data)
`;
  }
}

/** Seed 002's "one thread per client": every client is served at once. */
function pythonThreadedServer(spec: TcpServerSpec): string {
  return `import socket
import threading

HOST = ${pyHost(spec.host)}  # '' means every interface
PORT = ${spec.port}


def serve(connection, address):
    with connection:
        print('Connected by', address)
        while True:
            data = connection.recv(${spec.recvSize})
            if not data:
                break
            connection.sendall(data)


with socket.socket(${family(spec.host)}, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((HOST, PORT))
    s.listen(${spec.backlog})
    while True:
        connection, address = s.accept()
        threading.Thread(target=serve, args=(connection, address), daemon=True).start()
`;
}

const jsBytes = (bytes: Uint8Array) =>
  `Buffer.from('${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}', 'hex')`;
const nodeHost = (host: string) => `'${host}'`;

export function nodeSnippet(spec: SnippetSpec): string {
  switch (spec.kind) {
    case 'tcp-server':
      if (spec.concurrency === 'one-at-a-time') return nodeOneAtATimeServer(spec);
      return `const net = require('node:net');

// Node reads whatever has arrived; recv(${spec.recvSize}) would return it in pieces of ${spec.recvSize} bytes.
const server = net.createServer({ allowHalfOpen: true }, (connection) => {
  console.log('Connected by', connection.remoteAddress, connection.remotePort);
  connection.on('data', (data) => connection.write(data));
  connection.on('end', () => connection.end());
});
server.listen({ host: ${nodeHost(spec.host)}, port: ${spec.port}, backlog: ${spec.backlog} });
`;
    case 'tcp-client':
      return `const net = require('node:net');

const message = ${jsBytes(spec.message)};
let received = 0;
const socket = net.connect({ host: ${nodeHost(spec.host)}, port: ${spec.port} }, () => socket.write(message));
socket.on('data', (data) => {
  console.log(data);
  received += data.length;
  if (received >= message.length) socket.end();
});
`;
    case 'udp-server':
      return `const dgram = require('node:dgram');

const socket = dgram.createSocket('${spec.host.includes(':') ? 'udp6' : 'udp4'}');
socket.on('message', (data, rinfo) => {
  console.log(rinfo.address, rinfo.port, data);
  socket.send(data, rinfo.port, rinfo.address);
});
socket.bind(${spec.port}, ${nodeHost(spec.host)});
`;
    case 'udp-client':
      return `const dgram = require('node:dgram');

const socket = dgram.createSocket('${spec.host.includes(':') ? 'udp6' : 'udp4'}');
socket.on('message', (data, rinfo) => {
  console.log(rinfo.address, rinfo.port, data);
  socket.close();
});
socket.send(${jsBytes(spec.message)}, ${spec.port}, ${nodeHost(spec.host)});
`;
  }
}

/** Node serves every client at once; this keeps the others paused in line, like Python's accept() loop. */
function nodeOneAtATimeServer(spec: TcpServerSpec): string {
  return `const net = require('node:net');

// One client at a time, like Python's accept() loop: the others wait, unread, until the current one closes.
const waiting = [];
let busy = false;

function serve(connection) {
  busy = true;
  console.log('Connected by', connection.remoteAddress, connection.remotePort);
  connection.on('data', (data) => connection.write(data));
  connection.on('end', () => connection.end());
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
server.listen({ host: ${nodeHost(spec.host)}, port: ${spec.port}, backlog: ${spec.backlog} });
`;
}
