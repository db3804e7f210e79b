import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findPython } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';

const examples = fileURLToPath(new URL('../../../docs/examples/python/', import.meta.url));

const python = findPython('the seed Python client tests');

function run(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(python as string, [examples + script, ...args], { timeout: 10_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${script} failed: ${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

describe.skipIf(!python)('the seeds’ own Python clients against playground servers', () => {
  const pg = usePlaygrounds();

  it('seed 000: the recv(16) client gets its echo, and its connection shows up like any other', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
    const out = await run('seed000_echo_client.py', [MESSAGE, String(server.local!.port)]);
    expect(out.trim().split('\n').length).toBeGreaterThanOrEqual(4);
    const accept = c.events.find((e) => e.type === 'accept');
    if (accept?.type !== 'accept') throw new Error('the Python connection was not seen');
    expect(accept.remote.address).toBe('127.0.0.1');
    await c.waitFor(() => c.eventsOf(accept.connId, 'closed').length === 1, 5000, 'python connection closed');
    const pieces = c.eventsOf(accept.connId, 'recv');
    expect(pieces.map((e) => e.size).reduce((a, b) => a + b, 0)).toBe(MESSAGE.length);
    expect(pieces.every((e) => e.size <= 16)).toBe(true);
    expect(c.eventsOf(accept.connId, 'fin-received')).toHaveLength(1);
  });

  it('seed 001: the recv(1024) client prints what the echo server sent back', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 1024 })).socket!;
    const out = await run('seed001_echo_client.py', [String(server.local!.port)]);
    expect(out).toContain("Data received by the server: b'Hello world! This is an echo server made with python'");
  });

  it('seed 003: a UDP datagram from Python is echoed, one datagram event with its source', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const echo = (await c.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const out = await run('seed003_udp_client.py', [String(echo.local!.port)]);
    expect(out.trim()).toBe("b'Hola, mundo!'");
    const [dgram] = c.eventsOf(echo.id, 'datagram-in');
    expect(dgram).toMatchObject({ size: 12, lost: 0, from: { address: '127.0.0.1' } });
  });
});
