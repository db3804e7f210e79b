import { execFile, spawn } from 'node:child_process';
import { findPython } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';

const python = findPython('the escaped-input Python test');

/** A server that prints, as hex, all one client sent before closing; its port first. */
const SERVER = `
import socket
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()
print(s.getsockname()[1], flush=True)
conn, _ = s.accept()
data = b''
while True:
    chunk = conn.recv(1024)
    if not chunk:
        break
    data += chunk
print(data.hex(), flush=True)
`;

/** What the page's send box gets, typed as is: octal, hex, quotes, a backslash and a line joined. */
const TYPED = `${String.raw`hola\012\101\7 \x00\\ \'\" `}\\\nfin`;

/** The same text between b''' and ''' in a Python client: the seeds' sendall() of a bytes literal. */
const CLIENT = `
import socket, sys
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
s.sendall(b'''${TYPED}''')
s.close()
`;

function received(send: (port: number) => Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = spawn(python as string, ['-c', SERVER]);
    const lines: string[] = [];
    const timer = setTimeout(() => {
      server.kill();
      reject(new Error(`the Python server printed ${JSON.stringify(lines)} within 10 s`));
    }, 10_000);
    server.stdout.setEncoding('utf8').on('data', (text: string) => {
      lines.push(...text.split('\n').filter(Boolean));
      if (lines.length === 1) send(Number(lines[0])).catch(reject);
      if (lines.length === 2) {
        clearTimeout(timer);
        resolve(lines[1] as string);
      }
    });
  });
}

describe.skipIf(!python)('escaped input against a Python peer', () => {
  const pg = usePlaygrounds();

  it('a Python server receives the same bytes from the page’s escaped text as from the same Python bytes literal', async () => {
    const fromPython = await received(
      (port) =>
        new Promise((resolve, reject) =>
          execFile(python as string, ['-c', CLIENT, String(port)], (err) => (err ? reject(err) : resolve())),
        ),
    );
    const p = await pg.start();
    const c = await pg.client(p);
    const fromPlayground = await received(async (port) => {
      const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port })).socket!;
      await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'escaped', value: TYPED } });
      await c.ok({ type: 'socket.close', socketId: client.id });
    });
    expect(fromPlayground).toBe(fromPython);
    expect(Buffer.from(fromPython, 'hex').toString('latin1')).toBe('hola\nA\x07 \x00\\ \'" fin');
  });
});
