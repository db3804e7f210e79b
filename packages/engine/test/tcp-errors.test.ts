import { blackhole, freePort } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../src/index.ts';
import { sleep, tcpPair, text, until, useEngines } from './helpers.ts';

const engines = useEngines();

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

describe('TCP errors', () => {
  it("a reset is seen by the peer as ECONNRESET; the peer's socket stays open until it is closed", async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { behaviour: 'none' });
    engine.reset(connId);
    const error = await rec.next(client.id, 'error');
    expect(error.error).toMatchObject({ code: 'ECONNRESET', params: { host: '127.0.0.1' }, syscall: 'read' });
    expect(error.error.message).toMatch(/reset the connection/);
    expect(rec.types(connId).slice(-3)).toEqual(['reset-sent', 'state:closed', 'closed']);
    expect(rec.of(connId, 'closed')[0]?.hadError).toBe(false);
    // Python's socket is still open after ConnectionResetError: closing it is the program's call.
    await rec.next(client.id, 'state', (e) => e.state === 'reset');
    await sleep(50);
    expect(engine.sockets().map((s) => s.id)).toContain(client.id);
    expect(rec.of(client.id, 'closed')).toEqual([]);
    await expect(engine.send(client.id, text('x'))).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/lost its connection \(ECONNRESET\).*EPIPE/),
    });
    await engine.close(client.id);
    expect(rec.types(client.id).slice(-3)).toEqual(['state:reset', 'state:closed', 'closed']);
    expect(rec.of(client.id, 'closed')[0]?.hadError).toBe(true);
  });

  it('connecting where nobody listens rejects with ECONNREFUSED and a sentence', async () => {
    const { engine, rec } = engines();
    const port = await freePort();
    const err = await rejection(engine.tcpConnect({ host: '127.0.0.1', port }));
    expect(err.code).toBe('ECONNREFUSED');
    expect(err.message).toBe(`Nobody is listening on 127.0.0.1:${port}, so the other side refused the connection.`);
    expect(err.params).toEqual({ host: '127.0.0.1', port });
    expect(err.toInfo()).toEqual({
      code: 'ECONNREFUSED',
      message: err.message,
      params: err.params,
      syscall: 'connect',
    });
    expect(rec.types('s1')).toEqual(['opened', 'state:connecting', 'error', 'state:closed', 'closed']);
    expect(rec.of('s1', 'opened')[0]?.socket.remote).toEqual({ address: '127.0.0.1', port, family: 'IPv4' });
    expect(rec.of('s1', 'closed')[0]?.hadError).toBe(true);
  });

  it('a connect nobody answers rejects with ETIMEDOUT after timeoutMs', async (ctx) => {
    if (process.platform !== 'linux') ctx.skip('relies on Linux dropping SYNs when the accept queue is full');
    // Connects to the kit's blackhole hang, as with a host that does not answer.
    const hole = await blackhole();
    const { port } = hole;
    try {
      const { engine, rec } = engines();
      const started = performance.now();
      const err = await rejection(engine.tcpConnect({ host: '127.0.0.1', port, timeoutMs: 200 }));
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      expect(err.code).toBe('ETIMEDOUT');
      expect(err.message).toBe(
        `Nobody at 127.0.0.1:${port} answered within 200 ms, so the connection attempt was given up.`,
      );
      expect(rec.types('s1')).toEqual(['opened', 'state:connecting', 'error', 'state:closed', 'closed']);
    } finally {
      await hole.release();
    }
  });

  it('listening on a port in use rejects with EADDRINUSE', async () => {
    const { engine, rec } = engines();
    const first = await engine.tcpListen({ host: '127.0.0.1', port: 0 });
    const port = first.local!.port;
    const err = await rejection(engine.tcpListen({ host: '127.0.0.1', port }));
    expect(err.code).toBe('EADDRINUSE');
    expect(err.message).toBe(
      `Port ${port} on 127.0.0.1 is already in use by another socket; pick another port or stop the other server.`,
    );
    expect(err.params).toEqual({ host: '127.0.0.1', port });
    expect(rec.types('s2')).toEqual(['opened', 'error', 'state:closed', 'closed']);
    expect(engine.sockets().map((s) => s.id)).toEqual([first.id]);
  });

  it('writes after the peer reset never escape as uncaught errors', async () => {
    const escaped: unknown[] = [];
    const onEscape = (err: unknown) => escaped.push(err);
    process.on('uncaughtException', onEscape);
    process.on('unhandledRejection', onEscape);
    try {
      const { engine, rec } = engines();
      const { client, connId } = await tcpPair(engine, rec, { behaviour: 'none' });
      engine.reset(connId);
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i++) {
        outcomes.push(
          await engine.send(client.id, text('still there?')).then(
            () => 'sent',
            (e: EngineError) => e.code,
          ),
        );
        await sleep(10);
      }
      expect(outcomes.every((o) => ['sent', 'ECONNRESET', 'EPIPE', 'invalid_state'].includes(o))).toBe(true);
      expect(outcomes.at(-1)).toBe('invalid_state');
      await rec.next(client.id, 'state', (e) => e.state === 'reset');
      await engine.close(client.id);
      await sleep(20);
      expect(escaped).toEqual([]);
    } finally {
      process.off('uncaughtException', onEscape);
      process.off('unhandledRejection', onEscape);
    }
  });
});

describe("the caller's mistakes", () => {
  it('are reported with bridge codes', async () => {
    const { engine, rec } = engines();
    const { server, client, connId } = await tcpPair(engine, rec);
    const udp = await engine.udpBind({ host: '127.0.0.1', port: 0 });

    await expect(engine.send('s99', text('x'))).rejects.toMatchObject({ code: 'unknown_socket' });
    await expect(engine.close('s99')).rejects.toMatchObject({ code: 'unknown_socket' });
    expect(() => engine.end('s99')).toThrow(expect.objectContaining({ code: 'unknown_socket' }));
    expect(() => engine.end(udp.id)).toThrow(expect.objectContaining({ code: 'wrong_socket_kind' }));
    expect(() => engine.reset(server.id)).toThrow(expect.objectContaining({ code: 'wrong_socket_kind' }));
    await expect(engine.send(server.id, text('x'))).rejects.toMatchObject({ code: 'wrong_socket_kind' });
    await expect(engine.send(client.id, text('x'), { host: '127.0.0.1', port: 9 })).rejects.toMatchObject({
      code: 'wrong_socket_kind',
    });
    expect(() => engine.setRecvSize(client.id, 0)).toThrow(expect.objectContaining({ code: 'bad_command' }));

    engine.end(client.id);
    const afterFin = await rejection(engine.send(client.id, text('x')));
    expect(afterFin.code).toBe('invalid_state');
    expect(afterFin.message).toMatch(/already sent FIN/);

    await engine.close(connId);
    await until(
      () => engine.info(client.id) !== undefined && !engine.sockets().some((s) => s.id === client.id),
      'close',
    );
    await expect(engine.send(connId, text('x'))).rejects.toMatchObject({ code: 'invalid_state' });
    expect(() => engine.reset(connId)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    expect(() => engine.setRecvSize(connId, 8)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    await expect(engine.close(connId)).resolves.toBeUndefined();
  });
});
