import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_TRACE } from '../src/config/config.ts';
import { joinToken, openSession } from '../testing/classroom.ts';
import { usePlaygrounds } from '../testing/playground.ts';
import { FakeTracer, programMessages, traceCode } from './support/trace.ts';

const LOCAL = { host: '127.0.0.1' };

describe('attaching a traced program: only with the session’s code or token', () => {
  const pg = usePlaygrounds();

  it('a code attaches to its own session and no other; the program shows there only', async () => {
    const p = await pg.start();
    const a = await pg.client(p);
    const b = await pg.client(p);
    const tracer = await FakeTracer.open(p, `code=${await traceCode(a)}`);
    tracer.hello('mine.py');
    expect(await tracer.attached()).toMatchObject({ type: 'attached', traceId: 'p1' });
    tracer.send({ type: 'started', pid: 4242 });
    tracer.calls([
      { sock: '1', op: 'socket', fn: 'socket', family: 'IPv4', socktype: 'stream', line: 3 },
      {
        sock: '1',
        op: 'connect',
        fn: 'connect',
        remote: { address: '127.0.0.1', port: 9, family: 'IPv4' },
        local: { address: '127.0.0.1', port: 50000, family: 'IPv4' },
        line: 4,
      },
    ]);
    await a.waitFor(() => a.events.some((e) => e.type === 'connected'), 5000, 'the program’s connect');
    const opened = a.events.find((e) => e.type === 'opened');
    expect(opened).toMatchObject({
      witness: 'program',
      socket: { kind: 'tcp-client', program: { name: 'mine.py', pid: 4242 } },
    });
    expect(programMessages(a).at(-1)).toMatchObject({ name: 'mine.py', pid: 4242, status: 'running' });
    expect(b.events).toEqual([]);
    expect(programMessages(b)).toEqual([]);
    tracer.ws.close();
  });

  it('over loopback, a clock that claims to be this computer’s but is not (a proxy’s laptop) maps by hello', async () => {
    const p = await pg.start();
    const a = await pg.client(p);
    const tracer = await FakeTracer.open(p, `code=${await traceCode(a)}`);
    // Another computer's monotonic clock: days away from this one's.
    tracer.hello('laptop.py', { clock: 5_000_000, monotonicOffset: 5_000_000 - 3 * 86_400_000 });
    const attached = await tracer.attached();
    if (attached.type !== 'attached' || attached.clock === undefined)
      throw new Error(`not attached with a clock: ${JSON.stringify(attached)}`);
    // Sent once they are in the past: the bridge never stamps an event later than now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    tracer.calls([
      { sock: '1', op: 'socket', fn: 'socket', family: 'IPv4', socktype: 'stream', t: 5_000_030 },
      {
        sock: '1',
        op: 'connect',
        fn: 'connect',
        remote: { address: '127.0.0.1', port: 9, family: 'IPv4' },
        local: { address: '127.0.0.1', port: 50000, family: 'IPv4' },
        t: 5_000_031,
      },
    ]);
    await a.waitFor(() => a.events.some((e) => e.type === 'opened'), 5000, 'the program’s socket');
    const opened = a.events.find((e) => e.type === 'opened');
    // 30 ms after hello on the tracer's clock is 30 ms after `attached` left on the session's.
    expect(opened?.t).toBeCloseTo(attached.clock + 30, 0);
    tracer.ws.close();
  });

  it('refuses a wrong code (401), then every attempt from an address that keeps guessing (429)', async () => {
    const p = await pg.start({ ...LOCAL, trace: { ...DEFAULT_TRACE, wrongCodes: 3 } });
    await pg.client(p);
    for (let i = 0; i < 3; i++) await expect(FakeTracer.open(p, 'code=AAAA-BBBB')).rejects.toThrow(/HTTP 401/);
    await expect(FakeTracer.open(p, 'code=AAAA-BBBB')).rejects.toThrow(/HTTP 429/);
  });

  it('refuses any page: a browser always sends Origin, and a web page may not attach programs (403)', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const code = await traceCode(c);
    await expect(FakeTracer.open(p, `code=${code}`, { origin: `http://127.0.0.1:${p.port}` })).rejects.toThrow(
      /HTTP 403: A web page may not attach/,
    );
  });

  it('a renewed code replaces the old one, and a code expires unused', async () => {
    const p = await pg.start({ ...LOCAL, trace: { ...DEFAULT_TRACE, codeTtlMs: 300 } });
    const c = await pg.client(p);
    const first = await traceCode(c);
    expect(await traceCode(c)).toBe(first);
    const renewed = (await c.ok({ type: 'trace.code', renew: true })).trace!.code;
    expect(renewed).not.toBe(first);
    await expect(FakeTracer.open(p, `code=${first}`)).rejects.toThrow(/HTTP 401/);
    (await FakeTracer.open(p, `code=${renewed.toLowerCase().replace('-', '')}`)).ws.close();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(FakeTracer.open(p, `code=${renewed}`)).rejects.toThrow(/HTTP 401/);
  });

  it('local mode: the bridge’s token attaches to the page used last; with no page open, 409', async () => {
    const p = await pg.start();
    await expect(FakeTracer.open(p, `token=${p.token}`)).rejects.toThrow(/HTTP 409: No playground page is open/);
    const older = await pg.client(p);
    const newer = await pg.client(p);
    await newer.ok({ type: 'kernel.unwatch' });
    const tracer = await FakeTracer.open(p, `token=${p.token}`);
    tracer.hello();
    await tracer.attached();
    await newer.waitFor(() => programMessages(newer).length > 0, 5000, 'the program on the newer page');
    expect(programMessages(older)).toEqual([]);
    tracer.ws.close();
  });

  it('LAN mode: a student attaches to their own session with its code; the teacher’s token is no key', async () => {
    const p = await pg.start({ mode: 'lan', host: '127.0.0.1' });
    const ana = await openSession(p, await joinToken(p, 'Ana'));
    const ben = await openSession(p, await joinToken(p, 'Ben'));
    try {
      await expect(FakeTracer.open(p, `token=${p.token}`)).rejects.toThrow(/HTTP 401/);
      const tracer = await FakeTracer.open(p, `code=${await traceCode(ana)}`);
      tracer.hello();
      expect(await tracer.attached()).toMatchObject({ where: 'Ana’s page' });
      await ana.waitFor(() => programMessages(ana).length > 0, 5000, 'the program on Ana’s page');
      expect(programMessages(ben)).toEqual([]);
      // A traced server is the learner's own: never a playground server classmates could reach.
      tracer.calls([
        { sock: '1', op: 'socket', fn: 'socket', family: 'IPv4', socktype: 'stream' },
        { sock: '1', op: 'listen', fn: 'listen', local: { address: '127.0.0.1', port: 45999, family: 'IPv4' } },
      ]);
      await ana.waitFor(() => ana.events.some((e) => e.type === 'listening'), 5000, 'the program listening');
      await ben.ok({ type: 'class.allowPeers', allowed: true }).catch(() => undefined);
      const reply = await ben.request({ type: 'tcp.connect', host: '127.0.0.1', port: 45999 });
      expect(reply).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      tracer.ws.close();
    } finally {
      await ana.close();
      await ben.close();
    }
  });

  it('at most maxPrograms at once (429); the page’s commands on a program socket are refused', async () => {
    const p = await pg.start({ ...LOCAL, trace: { ...DEFAULT_TRACE, maxPrograms: 1 } });
    const c = await pg.client(p);
    const code = await traceCode(c);
    const tracer = await FakeTracer.open(p, `code=${code}`);
    tracer.hello();
    await tracer.attached();
    await expect(FakeTracer.open(p, `code=${code}`)).rejects.toThrow(/HTTP 429: .*most allowed/);
    tracer.calls([{ sock: '1', op: 'socket', fn: 'socket', family: 'IPv4', socktype: 'dgram' }]);
    await c.waitFor(() => c.events.some((e) => e.type === 'opened'), 5000, 'the program’s socket');
    const id = c.events.find((e) => e.type === 'opened')!.socketId;
    for (const command of [
      { type: 'socket.close', socketId: id },
      {
        type: 'socket.send',
        socketId: id,
        data: { encoding: 'text', value: 'x' },
        to: { host: '127.0.0.1', port: 5000 },
      },
      { type: 'socket.setRecvSize', socketId: id, recvSize: 16 },
    ] as const) {
      const reply = await c.request(command);
      expect(reply).toMatchObject({ ok: false, error: { code: 'not_allowed', params: { reason: 'programSocket' } } });
    }
    tracer.ws.close();
  });

  it('past the socket quota, tracing stops (the program runs on) and its sockets leave the session', async () => {
    const p = await pg.start({ ...LOCAL, limits: { ...DEFAULT_LIMITS, maxSockets: 2 } });
    const c = await pg.client(p);
    const tracer = await FakeTracer.open(p, `code=${await traceCode(c)}`);
    tracer.hello();
    await tracer.attached();
    tracer.calls(
      ['1', '2', '3'].flatMap((sock) => [
        { sock, op: 'socket' as const, fn: 'socket', family: 'IPv4' as const, socktype: 'dgram' as const },
      ]),
    );
    expect(await tracer.closed).toBe(1000);
    expect(tracer.messages.at(-1)).toMatchObject({ type: 'detached', reason: 'quota' });
    await c.waitFor(() => programMessages(c).some((m) => m.status === 'detached'), 5000, 'detached');
    expect(programMessages(c).at(-1)).toMatchObject({ status: 'detached', reasonCode: 'quota' });
    const closed = c.events.filter((e) => e.type === 'closed');
    expect(closed).toHaveLength(2);
    expect(closed.every((e) => e.type === 'closed' && e.untraced)).toBe(true);
    // The quota is free again for the page's own sockets.
    await c.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0 });
  });

  it('ends tracing on anything that is not a trace, and on a tracer that never says hello', async () => {
    const p = await pg.start({ ...LOCAL, trace: { ...DEFAULT_TRACE, helloTimeoutMs: 200 } });
    const c = await pg.client(p);
    const code = await traceCode(c);
    const bad = await FakeTracer.open(p, `code=${code}`);
    bad.hello();
    await bad.attached();
    bad.send({ type: 'calls', calls: [{ nonsense: true }] });
    expect(await bad.closed).toBe(1000);
    expect(bad.messages.at(-1)).toMatchObject({ type: 'detached', reason: 'invalid' });
    const silent = await FakeTracer.open(p, `code=${code}`);
    expect(await silent.closed).toBe(1000);
    expect(silent.messages).toEqual([expect.objectContaining({ type: 'detached', reason: 'invalid' })]);
  });

  it('the session’s event rate holds the tracer back instead of queueing without end', async () => {
    const p = await pg.start({ ...LOCAL, limits: { ...DEFAULT_LIMITS, eventsPerSecond: 100 } });
    const c = await pg.client(p);
    const tracer = await FakeTracer.open(p, `code=${await traceCode(c)}`);
    tracer.hello();
    await tracer.attached();
    tracer.calls([{ sock: '1', op: 'socket', fn: 'socket', family: 'IPv4', socktype: 'dgram' }]);
    for (let i = 0; i < 50; i++) {
      tracer.calls(
        Array.from({ length: 20 }, () => ({ sock: '1', op: 'option' as const, fn: 'settimeout', args: '1' })),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    const seen = c.events.filter((e) => e.type === 'call').length;
    // A second's burst (100) and 0.6 s more at 100/s, give or take a message of 20 in flight.
    expect(seen).toBeLessThanOrEqual(100 + 60 + 40);
    expect(c.notices.some((m) => m.type === 'notice' && m.code === 'quota')).toBe(true);
    tracer.ws.close();
  });
});
