import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';

const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

/**
 * A program in the page (docs/python.md) sends its socket calls as commands that carry the call:
 * the call, with its line, goes on the command's event and through the hint rules a traced
 * program's calls go through. Driven here as the page's Python drives it.
 */
describe('a page program’s calls on its own sockets', () => {
  const pg = usePlaygrounds();

  it('puts each call on its event and hints one recv() taken for a message', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const echo = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
    const port = echo.local!.port;
    const client = (
      await c.ok({
        type: 'tcp.connect',
        host: '127.0.0.1',
        port,
        manual: true,
        call: { fn: 'connect', args: `('127.0.0.1', ${port})`, line: 10 },
      })
    ).socket!;
    const data = { encoding: 'text' as const, value: MESSAGE };
    await c.ok({ type: 'socket.send', socketId: client.id, data, call: { fn: 'sendall', args: "b'hola'", line: 11 } });
    await c.waitFor(() => c.events.some((e) => e.type === 'send' && e.kind === 'tcp-conn'), 5000);
    const got = await c.ok({
      type: 'socket.recv',
      socketId: client.id,
      max: 16,
      timeoutMs: 5000,
      call: { fn: 'recv', args: '16', line: 12 },
    });
    expect(got.received!.size).toBe(16);
    await c.ok({ type: 'socket.close', socketId: client.id, call: { fn: 'close', args: '', line: 13 } });

    const mine = () => c.events.filter((e) => e.socketId === client.id);
    await c.waitFor(() => mine().some((e) => e.type === 'closed'), 5000);
    const calls = mine().flatMap((e) => (e.call ? [`${e.type} ${e.call.line}: ${e.call.fn}(${e.call.args})`] : []));
    expect(calls).toEqual([
      `connected 10: connect(('127.0.0.1', ${port}))`,
      "send 11: sendall(b'hola')",
      'recv 12: recv(16)',
      'closed 13: close()',
    ]);
    const hints = mine().flatMap((e) => (e.type === 'hint' ? [e.hint] : []));
    expect(hints).toEqual([
      expect.objectContaining({
        code: 'recv-not-message',
        line: 12,
        params: expect.objectContaining({ got: 16, more: MESSAGE.length - 16 }),
      }),
    ]);
  });

  it('hints a socket the program left open, at the line that made it, and a refused connect', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const echo = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const port = echo.local!.port;
    const connect = { fn: 'connect', args: `('127.0.0.1', ${port})`, line: 4, made: 3 };
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port, manual: true, call: connect })).socket!;
    await c.ok({ type: 'socket.close', socketId: client.id, call: { fn: 'exit', args: '', ended: true } });
    await c.ok({ type: 'socket.close', socketId: echo.id });
    const refused = await c.request({ type: 'tcp.connect', host: '127.0.0.1', port, manual: true, call: connect });
    expect(refused.ok).toBe(false);

    await c.waitFor(() => c.events.filter((e) => e.type === 'hint').length >= 2, 5000);
    const hints = c.events.flatMap((e) =>
      e.type === 'hint' ? [[e.socketId === client.id, e.hint.code, e.hint.line]] : [],
    );
    expect(hints).toEqual([
      [true, 'never-closed', 3],
      [false, 'connect-refused', 4],
    ]);
  });
});
