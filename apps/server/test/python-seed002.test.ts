import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findPython } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';

const script = fileURLToPath(new URL('../../../docs/examples/python/seed002_json_client.py', import.meta.url));

const python = findPython('the seed 002 Python client test');

/**
 * Runs the seed's interactive client: types one line, waits until it prints the server's answer,
 * then stops it (the client itself loops on input() for ever, as in the seed).
 */
function talk(port: number, line: string, until: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(python as string, ['-u', script, String(port)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no "${until}" within 10 s; stdout: ${out}\nstderr: ${err}`));
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(until)) {
        clearTimeout(timer);
        child.kill();
        resolve(out);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.stdin.write(`${line}\n`);
  });
}

describe.skipIf(!python)('seed 002: the Python JSON client (threads, padding) against the framed-JSON server', () => {
  const pg = usePlaygrounds();

  it('sends a padded, length-prefixed JSON message and gets "Respuesta asociada al mensaje …" back', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'framed-json' })).socket!;
    expect(server.framing).toMatchObject({ kind: 'length-prefix', width: 4, endian: 'big', padTo: 60 });
    const out = await talk(server.local!.port, 'hola mundo', 'Mensaje recibido:');
    expect(out).toContain('Enviando mensaje: hola mundo');
    expect(out).toContain('Mensaje recibido: Respuesta asociada al mensaje hola mundo');

    const accept = c.events.find((e) => e.type === 'accept');
    if (accept?.type !== 'accept') throw new Error('the Python connection was not seen');
    // The client's one sendall(): a 4-byte length of 60, then '"hola mundo"' and 48 pad bytes; the answer alike.
    const total = (type: 'recv' | 'send') => c.eventsOf(accept.connId, type).reduce((n, e) => n + e.size, 0);
    await c.waitFor(() => total('recv') === 64 && total('send') === 64, 3000, 'the frame and its answer');
  });
});
