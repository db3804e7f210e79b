import { createServer } from 'node:net';
import { findPython } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';
import { hints, lineOf, MISTAKES, programCalls, trace, waitForProgram } from './support/trace.ts';

const python = findPython('the traced mistakes');
const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

/** A loopback port nothing listens on (it did a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!python)('hints for the classic mistakes, pointing at the line', () => {
  const pg = usePlaygrounds();

  it('one recv() taken for a message: 16 of a 55-byte send were read, the rest left unread', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const file = `${MISTAKES}one_recv_server.py`;
    const run = await trace(p, c, ['python3', file, '0']);
    let port = 0;
    await c.waitFor(() => {
      const e = c.events.find((x) => x.type === 'listening' && x.witness === 'program');
      port = e?.type === 'listening' ? e.local.port : 0;
      return port > 0;
    }, 15_000);
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port })).socket!;
    await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: MESSAGE } });
    expect((await run.exited).code).toBe(0);
    await waitForProgram(c, 'exited');
    expect(hints(c)).toEqual([
      expect.objectContaining({
        code: 'recv-not-message',
        line: lineOf(file, 'conn.recv(16)'),
        params: { got: 16, asked: 16, more: MESSAGE.length - 16, write: MESSAGE.length },
      }),
    ]);
  });

  it("recv() again after b'': one hint at the loop’s line, and the run counted sparingly but exactly", async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const echo = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const file = `${MISTAKES}recv_after_eof.py`;
    const run = await trace(p, c, ['python3', file, String(echo.local!.port)]);
    expect((await run.exited).code).toBe(0);
    await waitForProgram(c, 'exited');
    const line = lineOf(file, 'data = s.recv(1024)');
    expect(hints(c)).toEqual([expect.objectContaining({ code: 'recv-after-eof', line, params: { count: 2 } })]);
    // 100 calls: bytes once, b'' 99 times, reported as the 1st, 2nd, 4th… 64th b'' and the 99th.
    const recvs = programCalls(c).filter((x) => x.fn === 'recv');
    expect(recvs.map((x) => x.call.repeat ?? (x.type === 'recv' ? 'bytes' : 'fin'))).toEqual([
      'bytes',
      'fin',
      2,
      4,
      8,
      16,
      32,
      64,
      99,
    ]);
  });

  it('send() that sent only part, with nothing sending the rest', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const file = `${MISTAKES}send_partial.py`;
    const run = await trace(p, c, ['python3', file]);
    const out = await run.exited;
    expect(out.code).toBe(0);
    await waitForProgram(c, 'exited');
    const sent = Number(/sent (\d+) of/.exec(out.stdout)?.[1]);
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(16_000_000);
    expect(hints(c)).toEqual([
      expect.objectContaining({
        code: 'send-partial',
        line: lineOf(file, 'sent = s.send('),
        params: { asked: 16_000_000, sent },
      }),
    ]);
  });

  it('a socket never closed: pointed at where it was made', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const echo = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const file = `${MISTAKES}never_closed.py`;
    const run = await trace(p, c, ['python3', file, String(echo.local!.port)]);
    expect((await run.exited).code).toBe(0);
    await waitForProgram(c, 'exited');
    expect(hints(c)).toEqual([
      expect.objectContaining({
        code: 'never-closed',
        line: lineOf(file, 'socket.create_connection('),
        params: { gc: 0 },
      }),
    ]);
    const closed = c.events.find((e) => e.type === 'closed' && e.witness === 'program');
    expect(closed?.call?.fn).toBe('exit');
  });

  it('a privileged port: refused with EACCES, or allowed only because the program is root', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const file = `${MISTAKES}privileged_port.py`;
    const out = await (await trace(p, c, ['python3', file])).exited;
    await waitForProgram(c, 'exited');
    const denied = out.stdout.includes('Permission denied') ? 1 : 0;
    // An unprivileged user is refused, unless the system lowered the privileged range.
    if (!out.stdout.includes('bound') && !denied) throw new Error(`unexpected: ${out.stdout} ${out.stderr}`);
    expect(hints(c)).toEqual([
      expect.objectContaining({ code: 'privileged-port', line: lineOf(file, 's.bind('), params: { port: 81, denied } }),
    ]);
    if (denied) expect(c.events.find((e) => e.type === 'error')).toMatchObject({ error: { code: 'EACCES' } });
  });

  it('a refused connect: the error in the learner’s words, and a hint at the line', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const port = await closedPort();
    const file = `${MISTAKES}refused.py`;
    const out = await (await trace(p, c, ['python3', file, String(port)])).exited;
    expect(out.stdout).toContain('refused:');
    await waitForProgram(c, 'exited');
    const error = c.events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ error: { code: 'ECONNREFUSED', params: { port } }, call: { fn: 'connect' } });
    expect(hints(c)).toEqual([
      expect.objectContaining({
        code: 'connect-refused',
        line: lineOf(file, 's.connect('),
        params: { host: '127.0.0.1', port },
      }),
    ]);
  });
});
