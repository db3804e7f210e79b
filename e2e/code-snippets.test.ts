import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeJsonFrame, seed002ChunkCount, seed002PaddedLength } from '@playground/codec';
import { usePlaygrounds } from '@playground/server/testing';
import type { BridgeTestClient } from '@playground/testkit';
import { findPython, freePort } from '@playground/testkit';
import type { ServerBehaviour, TcpServerSpec } from '@playground/web/code';
import { nodeCode, pythonCode } from '@playground/web/code';
import { describe, expect, it } from 'vitest';

const hasPython = () => findPython('the generated-Python tests') !== undefined;

let files = 0;
function run(program: 'python3' | 'node', code: string): Promise<string> {
  const file = join(tmpdir(), `snippet-${process.pid}-${files++}.${program === 'node' ? 'cjs' : 'py'}`);
  writeFileSync(file, code);
  return new Promise((resolve, reject) => {
    execFile(program, [file], { timeout: 10_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}\n${code}`)) : resolve(stdout),
    );
  });
}
const runPython = (code: string) => run('python3', code);

const MESSAGE = new TextEncoder().encode('hola mundo, this is a message longer than sixteen bytes');

describe.skipIf(!hasPython())('the "show me the code" Python runs as shown against the playground', () => {
  const pg = usePlaygrounds();

  /**
   * Runs the Python server snippet for `spec` on a free port, connects a playground client to it
   * (as many as `clients`), hands them to `check`, and stops the script.
   */
  async function againstPythonServer(
    spec: Partial<TcpServerSpec>,
    check: (c: BridgeTestClient, ids: string[]) => Promise<void>,
    clients = 1,
  ): Promise<string> {
    const port = await freePort();
    const code = pythonCode({ kind: 'tcp-server', host: '127.0.0.1', port, backlog: 5, recvSize: 16, ...spec });
    const file = join(tmpdir(), `server-${process.pid}-${files++}.py`);
    writeFileSync(file, code);
    const proc = spawn('python3', [file], { stdio: 'ignore' });
    try {
      const c = await pg.client(await pg.start());
      const ids: string[] = [];
      for (let i = 0; i < clients; i++) ids.push(await connectWhenUp(c, port));
      await check(c, ids);
    } finally {
      proc.kill();
    }
    return code;
  }

  it('the TCP client snippet talks to a playground echo server', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
    const code = pythonCode({
      kind: 'tcp-client',
      host: '127.0.0.1',
      port: server.local!.port,
      recvSize: 16,
      message: MESSAGE,
    });
    const out = await runPython(code);
    expect(out.replace(/b'|'\n/g, '')).toContain('hola mundo');
    expect(c.events.some((e) => e.type === 'accept')).toBe(true);
  });

  it('the UDP client snippet gets its datagram echoed', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const echo = (await c.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const code = pythonCode({
      kind: 'udp-client',
      host: '127.0.0.1',
      port: echo.local!.port,
      recvSize: 1024,
      message: MESSAGE,
    });
    expect(await runPython(code)).toContain('hola mundo');
  });

  it('the concurrent (thread per client) server snippet serves two playground clients at once', async () => {
    const code = await againstPythonServer(
      { concurrency: 'concurrent' },
      async (c, [first, second]) => {
        // The first client stays connected and silent: a one-at-a-time server would never answer the second.
        await c.ok({ type: 'socket.send', socketId: second as string, data: { encoding: 'text', value: 'hola' } });
        await c.waitFor(() => c.eventsOf(second as string, 'recv').length > 0, 5000, 'echo to the second client');
        expect(c.eventsOf(first as string, 'recv')).toEqual([]);
      },
      2,
    );
    expect(code).toContain('threading.Thread(target=serve');
  });

  it('the TCP server snippet echoes what a playground client sends', async () => {
    await againstPythonServer({}, async (c, [id]) => {
      await c.ok({ type: 'socket.send', socketId: id as string, data: { encoding: 'text', value: 'hola' } });
      await c.waitFor(() => c.eventsOf(id as string, 'recv').length > 0, 5000, 'echo from the Python server');
    });
  });

  /** What a client of each behaviour prints: the script ends on its own, whatever the server does. */
  const CLIENT_OUTPUT: Record<ServerBehaviour, RegExp> = {
    echo: /hola mundo/,
    upper: /HOLA MUNDO/,
    none: /never answers/,
    discard: /never answers/,
    qotd: /--|—|\w/,
    daytime: /UTC/,
    chargen: /!"#\$%&/,
    'framed-json': /Respuesta asociada al mensaje \{'nombre': 'Margot'\}/,
  };
  const BEHAVIOURS = Object.keys(CLIENT_OUTPUT) as ServerBehaviour[];
  const JSON_MESSAGE = new TextEncoder().encode('{"nombre": "Margot"}');

  it.each(BEHAVIOURS)(
    'the TCP client fits a %s server: Python and Node.js end on their own with its answer',
    async (behaviour) => {
      const p = await pg.start();
      const c = await pg.client(p);
      const server = (
        await c.ok({
          type: 'tcp.listen',
          host: '127.0.0.1',
          port: 0,
          recvSize: 16,
          behaviour,
          framing: seed002PaddedLength,
        })
      ).socket!;
      const spec = {
        kind: 'tcp-client' as const,
        host: '127.0.0.1',
        port: server.local!.port,
        recvSize: 1024,
        message: behaviour === 'framed-json' ? JSON_MESSAGE : MESSAGE,
        server: behaviour,
        framing: seed002PaddedLength,
      };
      expect(await runPython(pythonCode(spec))).toMatch(CLIENT_OUTPUT[behaviour]);
      const node = await run('node', nodeCode(spec));
      if (behaviour !== 'none' && behaviour !== 'discard') expect(node).toMatch(/\w/);
    },
  );

  it.each(BEHAVIOURS)('the UDP client fits a %s server: it waits only for an answer that comes', async (behaviour) => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour, framing: seed002ChunkCount }))
      .socket!;
    const spec = {
      kind: 'udp-client' as const,
      host: '127.0.0.1',
      port: server.local!.port,
      recvSize: 1024,
      message: behaviour === 'framed-json' ? JSON_MESSAGE : MESSAGE,
      server: behaviour,
      framing: seed002ChunkCount,
    };
    const started = Date.now();
    const out = await runPython(pythonCode(spec));
    expect(out).not.toMatch(/No answer/);
    if (behaviour === 'none' || behaviour === 'discard') expect(Date.now() - started).toBeLessThan(4000);
    if (behaviour === 'framed-json') expect(out).toMatch(CLIENT_OUTPUT[behaviour]);
    expect(await run('node', nodeCode(spec))).not.toMatch(/No answer/);
  });

  it('the Framed JSON server snippet (Python) answers a playground client in seed 002’s framing', async () => {
    const spec = {
      concurrency: 'concurrent' as const,
      behaviour: 'framed-json' as const,
      framing: seed002PaddedLength,
    };
    await againstPythonServer(spec, async (c, [id]) => {
      const socketId = id as string;
      const data = { encoding: 'text' as const, value: '{"nombre": "Margot"}' };
      await c.ok({ type: 'socket.send', socketId, data, framing: seed002PaddedLength });
      const expected = encodeJsonFrame(seed002PaddedLength, "Respuesta asociada al mensaje {'nombre': 'Margot'}");
      const received = () => c.eventsOf(socketId, 'recv').reduce((n, e) => n + e.size, 0);
      await c.waitFor(() => received() >= expected.length, 5000, 'the framed answer');
      const got = Buffer.concat(c.eventsOf(socketId, 'recv').map((e) => Buffer.from(e.data, 'base64')));
      expect(got.equals(Buffer.from(expected))).toBe(true);
    });
  });

  it('the quote-of-the-day server snippet (Python) speaks first and closes', async () => {
    await againstPythonServer({ behaviour: 'qotd' }, async (c, [id]) => {
      await c.waitFor(() => c.eventsOf(id as string, 'fin-received').length > 0, 5000, 'the quote, then FIN');
      expect(c.eventsOf(id as string, 'recv').length).toBeGreaterThan(0);
    });
  });
});

/** Connects to a Python server that may still be starting. */
async function connectWhenUp(c: BridgeTestClient, port: number): Promise<string> {
  const deadline = Date.now() + 5000;
  let reply = await c.request({ type: 'tcp.connect', host: '127.0.0.1', port });
  while (!reply.ok && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    reply = await c.request({ type: 'tcp.connect', host: '127.0.0.1', port });
  }
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result.socket!.id;
}
