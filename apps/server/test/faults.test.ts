import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BridgeTestClient } from '@playground/testkit';
import { blackhole, sleep } from '@playground/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';
import { isRefused, peerServer } from './support/os.ts';

const text = (value: string) => ({ encoding: 'text' as const, value });

/** Any exception that escapes the bridge fails the test that caused it. */
const escaped: unknown[] = [];
const onEscape = (err: unknown) => escaped.push(err);
beforeEach(() => {
  escaped.length = 0;
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
});
afterEach(() => {
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
  expect(escaped).toEqual([]);
});

/** An echo pair in the same session: after each fault it must still echo, so nothing else was affected. */
async function sentinel(c: BridgeTestClient): Promise<() => Promise<void>> {
  const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
  const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
  return async () => {
    const before = c.eventsOf(client.id, 'recv').length;
    await c.ok({ type: 'socket.send', socketId: client.id, data: text('still here') });
    await c.waitFor(() => c.eventsOf(client.id, 'recv').length > before, 3000, 'the sentinel echo');
  };
}

describe('faults', () => {
  const pg = usePlaygrounds();

  it('peer reset mid-transfer: one ECONNRESET, the socket stays open as `reset`, later sends say why, nothing else breaks', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const check = await sentinel(c);
    const peer = await peerServer((socket) => {
      let got = 0;
      socket.on('data', (d: Buffer) => {
        got += d.length;
        if (got >= 64 * 1024) socket.resetAndDestroy();
      });
    });
    try {
      const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: peer.port })).socket!;
      const outcomes: string[] = [];
      for (let i = 0; i < 100 && outcomes.at(-1) !== 'invalid_state'; i++) {
        const r = await c.request({ type: 'socket.send', socketId: client.id, data: text('r'.repeat(16 * 1024)) });
        outcomes.push(r.ok ? 'sent' : r.error.code);
        await sleep(2);
      }
      expect(outcomes.at(-1)).toBe('invalid_state');
      expect(outcomes.every((o) => ['sent', 'ECONNRESET', 'EPIPE', 'invalid_state'].includes(o))).toBe(true);
      const reset = () => c.eventsOf(client.id, 'state').some((e) => e.type === 'state' && e.state === 'reset');
      await c.waitFor(reset, 3000, 'state reset');
      const errors = c.eventsOf(client.id, 'error');
      expect(errors).toHaveLength(1);
      expect(['ECONNRESET', 'EPIPE']).toContain(errors[0]?.error.code);
      // Closing is the learner's call, as with Python's socket after ConnectionResetError.
      expect(c.eventsOf(client.id, 'closed')).toEqual([]);
      await c.ok({ type: 'socket.close', socketId: client.id });
      await c.waitFor(() => c.eventsOf(client.id, 'closed').length === 1, 3000, 'closed');
      expect(c.eventsOf(client.id, 'closed')[0]?.hadError).toBe(true);
      await check();
    } finally {
      await peer.close();
    }
  });

  it('a write after the peer closed: FIN seen, then at most one OS error, then invalid_state', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const check = await sentinel(c);
    const peer = await peerServer((socket) => socket.destroy());
    try {
      const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: peer.port })).socket!;
      await c.waitFor(() => c.eventsOf(client.id, 'fin-received').length === 1, 3000, 'FIN from the peer');
      const outcomes: string[] = [];
      for (let i = 0; i < 20 && outcomes.at(-1) !== 'invalid_state'; i++) {
        const r = await c.request({ type: 'socket.send', socketId: client.id, data: text('anyone?') });
        outcomes.push(r.ok ? 'sent' : r.error.code);
        await sleep(10);
      }
      expect(outcomes.at(-1)).toBe('invalid_state');
      expect(outcomes.every((o) => ['sent', 'ECONNRESET', 'EPIPE', 'invalid_state'].includes(o))).toBe(true);
      expect(c.eventsOf(client.id, 'error').length).toBeLessThanOrEqual(1);
      await c.ok({ type: 'socket.close', socketId: client.id });
      await c.waitFor(() => c.eventsOf(client.id, 'closed').length === 1, 3000, 'closed');
      await check();
    } finally {
      await peer.close();
    }
  });

  it('a server stopped with clients attached closes every connection cleanly, its own and outside ones', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const check = await sentinel(c);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const port = server.local!.port;
    const inner = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port })).socket!;
    const outside = net.connect({ host: '127.0.0.1', port });
    const outsideClosed = new Promise<void>((resolve) => outside.on('close', () => resolve()));
    outside.on('error', () => {});
    await c.waitFor(() => c.eventsOf(server.id, 'accept').length === 2, 3000, 'two accepts');
    const conns = c.eventsOf(server.id, 'accept').map((a) => a.connId);

    await c.ok({ type: 'socket.close', socketId: server.id });
    for (const id of [server.id, ...conns]) expect(c.eventsOf(id, 'closed'), id).toHaveLength(1);
    expect(c.eventsOf(server.id, 'error')).toHaveLength(0);
    await c.waitFor(() => c.eventsOf(inner.id, 'fin-received').length === 1, 3000, 'the inner client sees the close');
    await outsideClosed;
    expect(await isRefused(port)).toBe(true);
    await check();
  });

  it('a blackholed connect times out with one clear ETIMEDOUT', async (ctx) => {
    if (process.platform !== 'linux') ctx.skip('relies on Linux dropping SYNs when the accept queue is full');
    const p = await pg.start();
    const c = await pg.client(p);
    const check = await sentinel(c);
    const hole = await blackhole();
    try {
      const started = performance.now();
      const r = await c.request({ type: 'tcp.connect', host: '127.0.0.1', port: hole.port, timeoutMs: 300 });
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(r).toMatchObject({ ok: false, error: { code: 'ETIMEDOUT', params: { timeoutMs: 300 } } });
      if (!r.ok) expect(r.error.message).toMatch(/answered within 300 ms/);
      const id = c.events.findLast((e) => e.type === 'opened')?.socketId ?? '';
      expect(c.eventsOf(id, 'error')).toHaveLength(1);
      await check();
    } finally {
      await hole.release();
    }
  });

  it('a UDP datagram over 65,507 bytes is refused with EMSGSIZE; the endpoint keeps working', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const check = await sentinel(c);
    const echo = (await c.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const udp = (
      await c.ok({
        type: 'udp.bind',
        host: '127.0.0.1',
        port: 0,
        remote: { host: '127.0.0.1', port: echo.local!.port },
      })
    ).socket!;
    const big = await c.request({ type: 'socket.send', socketId: udp.id, data: text('u'.repeat(65_508)) });
    expect(big).toMatchObject({ ok: false, error: { code: 'EMSGSIZE', params: { size: 65_508 } } });
    const max = await c.request({ type: 'socket.send', socketId: udp.id, data: text('u'.repeat(65_507)) });
    expect(max).toMatchObject({ ok: true, result: { bytes: 65_507 } });
    await c.waitFor(() => c.eventsOf(udp.id, 'datagram-in').length === 1, 3000, 'the echo of the largest datagram');
    await check();
  });

  it('EADDRINUSE and EACCES on listen come back as clear errors', async (ctx) => {
    const p = await pg.start();
    const c = await pg.client(p);
    const taken = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const inUse = await c.request({ type: 'tcp.listen', host: '127.0.0.1', port: taken.local!.port });
    expect(inUse).toMatchObject({ ok: false, error: { code: 'EADDRINUSE', syscall: 'listen' } });
    if (!inUse.ok) expect(inUse.error.message).toMatch(/already in use/);

    const unprivilegedFrom = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
    if (!(unprivilegedFrom > 80)) ctx.skip('this kernel lets everyone bind port 80, so EACCES cannot happen');
    if (!(await checkoutReadableAsNobody())) {
      ctx.skip(
        'the checkout is not readable by the user nobody (a mktemp -d directory is mode 700), so EACCES cannot be provoked as root',
      );
    }
    const reply = await privilegedListen();
    expect(reply.reply).toMatchObject({ ok: false, error: { code: 'EACCES', params: { port: 80 } } });
    expect(reply.afterOk).toBe(true);
  });
});

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The EACCES case needs an unprivileged process: as root, the fixture runs as `nobody`. */
const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Whether the fixture's user can read this checkout (and so load tsx from it) at all. */
function checkoutReadableAsNobody(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-e', 'require("node:fs").readdirSync("node_modules")'],
      { cwd: root, ...asNobody },
      (err) => resolve(err === null),
    );
  });
}

function privilegedListen(): Promise<{ reply: unknown; afterOk: boolean }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'apps/server/test/fixtures/listen-privileged.ts'],
      { cwd: root, timeout: 15_000, env: { ...process.env, HOME: '/tmp' }, ...asNobody },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
    );
  });
}
