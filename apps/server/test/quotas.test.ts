import net from 'node:net';
import type { BridgeTestClient } from '@playground/testkit';
import { sleep, until } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, MiB } from '../src/config/config.ts';
import { ManualClock, usePlaygrounds } from '../testing/index.ts';
import { peerServer } from './support/os.ts';

const text = (value: string) => ({ encoding: 'text' as const, value });

/** A second session proves a quota is per session: it still echoes at once. */
async function stillEchoes(c: BridgeTestClient): Promise<void> {
  const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
  const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
  await c.ok({ type: 'socket.send', socketId: client.id, data: text('ping') });
  await c.waitFor(() => c.eventsOf(client.id, 'recv').length > 0, 3000, 'the other session’s echo');
}

function lastCounters(c: BridgeTestClient, socketId: string) {
  return c.batches.findLast((b) => socketId in b.counters)?.counters[socketId];
}

describe('per-session quotas', () => {
  const pg = usePlaygrounds();

  it('servers, sockets and message size: a quota error names the limit; other sessions are untouched', async () => {
    const p = await pg.start({ limits: { ...DEFAULT_LIMITS, maxServers: 2, maxSockets: 4 } });
    const a = await pg.client(p);
    const b = await pg.client(p);
    const first = (await a.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    await a.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0 });
    for (const cmd of [
      { type: 'tcp.listen', host: '127.0.0.1', port: 0 },
      { type: 'udp.bind', host: '127.0.0.1', port: 0 },
    ] as const) {
      expect(await a.request(cmd)).toMatchObject({
        ok: false,
        error: { code: 'quota', params: { limit: 'maxServers', max: 2 } },
      });
    }
    const client = (await a.ok({ type: 'tcp.connect', host: '127.0.0.1', port: first.local!.port })).socket!;
    await a.waitFor(() => a.events.some((e) => e.type === 'accept'), 3000, 'accept');
    expect(await a.request({ type: 'tcp.connect', host: '127.0.0.1', port: first.local!.port })).toMatchObject({
      ok: false,
      error: { code: 'quota', params: { limit: 'maxSockets', max: 4 } },
    });
    const big = await a.request({ type: 'socket.send', socketId: client.id, data: text('x'.repeat(256 * 1024 + 1)) });
    expect(big).toMatchObject({ ok: false, error: { code: 'quota', params: { limit: 'maxMessageBytes' } } });
    await stillEchoes(b);
  });

  it('connections accepted beyond the socket quota are reset and reported on the server, which keeps listening', async () => {
    const p = await pg.start({ limits: { ...DEFAULT_LIMITS, maxSockets: 3 } });
    const a = await pg.client(p);
    // The echo closes its side when the peer's FIN arrives, so a connection the peer ends frees its slot.
    const server = (await a.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const port = server.local!.port;
    const dial = () => {
      const s = net.connect({ host: '127.0.0.1', port });
      const outcome = new Promise<string>((resolve) => {
        s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
        s.on('close', () => resolve('closed'));
      });
      return { s, outcome };
    };
    const one = dial();
    const two = dial();
    await a.waitFor(() => a.eventsOf(server.id, 'accept').length === 2, 3000, 'two accepts');
    const three = dial();
    expect(await three.outcome).toBe('ECONNRESET');
    await a.waitFor(() => a.eventsOf(server.id, 'error').length === 1, 3000, 'the refusal event');
    const [refusal] = a.eventsOf(server.id, 'error');
    expect(refusal?.error).toMatchObject({ code: 'quota', params: { limit: 'maxSockets', max: 3 } });
    expect(refusal?.error.message).toMatch(/was refused \(reset\): this session already has 3 open sockets/);
    one.s.destroy();
    await a.waitFor(() => a.events.filter((e) => e.type === 'closed').length === 1, 3000, 'first connection closed');
    const four = dial();
    await a.waitFor(() => a.eventsOf(server.id, 'accept').length === 3, 3000, 'a new connection fits again');
    for (const c of [two, four]) c.s.destroy();
    expect(a.eventsOf(server.id, 'closed')).toHaveLength(0);
  });

  it('bytes per second: reading pauses (the peer is slowed by TCP), sends get a quota error; others untouched', async () => {
    const rate = 256 * 1024;
    // The buckets' time stands still: the second's budget does not refill until the test says so.
    const clock = new ManualClock();
    const p = await pg.start({ limits: { ...DEFAULT_LIMITS, bytesPerSecond: rate }, clocks: { quota: clock } });
    const a = await pg.client(p);
    const b = await pg.client(p);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const peer = await peerServer((socket) => {
      const pump = () => {
        while (!socket.destroyed && socket.write(chunk)) {}
      };
      socket.on('drain', pump);
      pump();
    });
    try {
      const client = (await a.ok({ type: 'tcp.connect', host: '127.0.0.1', port: peer.port, recvSize: 65536 })).socket!;
      await a.waitFor(() => a.notices.some((n) => n.type === 'notice' && n.code === 'quota'), 3000, 'quota notice');
      expect(a.notices.find((n) => n.type === 'notice' && n.code === 'quota')).toMatchObject({
        params: { limit: 'bytesPerSecond', max: rate },
      });
      const refused = await a.request({ type: 'socket.send', socketId: client.id, data: text('x'.repeat(64 * 1024)) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'quota', params: { limit: 'bytesPerSecond' } } });
      await stillEchoes(b);
      await sleep(300);
      const bytesIn = lastCounters(a, client.id)?.bytesIn ?? 0;
      // The second's budget and what was already read when it ran out (at most a chunk per read).
      expect(bytesIn).toBeGreaterThan(rate);
      expect(bytesIn).toBeLessThanOrEqual(rate + 2 * chunk.length);
      // A second later its budget is back, and reading goes on.
      clock.advance(1000);
      await a.waitFor(
        () => (lastCounters(a, client.id)?.bytesIn ?? 0) > bytesIn + rate / 2,
        5000,
        'reading again after a second',
      );
    } finally {
      await peer.close();
    }
  });

  it('events per second: the echo is throttled, not dropped, and sends get a quota error meanwhile', async () => {
    const clock = new ManualClock();
    const p = await pg.start({ limits: { ...DEFAULT_LIMITS, eventsPerSecond: 200 }, clocks: { quota: clock } });
    const a = await pg.client(p);
    const b = await pg.client(p);
    const server = (await a.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 1 })).socket!;
    const client = (await a.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    await a.ok({ type: 'socket.send', socketId: client.id, data: text('e'.repeat(300)) });
    await a.waitFor(() => a.notices.some((n) => n.type === 'notice' && n.code === 'quota'), 3000, 'quota notice');
    // The buckets' clock stands still, so the throttle holds however long the machine takes to answer.
    const refused = await a.request({ type: 'socket.send', socketId: client.id, data: text('more') });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'quota', params: { limit: 'eventsPerSecond', max: 200 } },
    });
    await stillEchoes(b);
    // While the session is throttled its meter waits on the clock for the budget to come back; each
    // second the test grants goes to the echo, 200 events at a time, until all of it is back.
    const echoed = () => lastCounters(a, client.id)?.bytesIn ?? 0;
    for (let second = 0; second < 30 && echoed() < 300; second++) {
      await until(() => echoed() === 300 || clock.timers > 0, 'the whole echo, or the throttle again', 5000);
      clock.advance(1000);
    }
    expect(lastCounters(a, client.id)).toMatchObject({ bytesIn: 300, bytesOut: 300 });
  });

  it('caps the commands one session has in progress, but never the ones that free a socket', async () => {
    const p = await pg.start({ limits: { ...DEFAULT_LIMITS, maxPendingCommands: 3, maxSendBufferBytes: 64 * MiB } });
    const a = await pg.client(p);
    const peer = await peerServer((socket) => socket.pause());
    try {
      const client = (await a.ok({ type: 'tcp.connect', host: '127.0.0.1', port: peer.port })).socket!;
      const value = 'p'.repeat(256 * 1024);
      const before = a.replies.length;
      const replies = Array.from({ length: 80 }, () =>
        a.request({ type: 'socket.send', socketId: client.id, data: text(value) }, 30_000),
      );
      // Every send is answered at once except those waiting for the peer, and at most 3 may wait.
      await a.waitFor(() => a.replies.length - before >= replies.length - 3, 10_000, 'all but 3 replies');
      await sleep(100);
      const answered = a.replies.slice(before);
      expect(answered.some((r) => !r.ok && r.error.params?.limit === 'maxPendingCommands')).toBe(true);
      expect(replies.length - answered.length).toBe(3);
      await a.ok({ type: 'tcp.reset', socketId: client.id });
      const outcomes = await Promise.all(replies);
      expect(
        outcomes.every((r) => r.ok || ['quota', 'ECONNRESET', 'EPIPE', 'invalid_state'].includes(r.error.code)),
      ).toBe(true);
    } finally {
      await peer.close();
    }
  });
});
