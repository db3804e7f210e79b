import { spawn } from 'node:child_process';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { KernelSnapshot, SocketInfo } from '@playground/protocol';
import type { BridgeTestClient } from '@playground/testkit';
import { findPython } from '@playground/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config/config.ts';
import { matchRows } from '../src/kernel-view/match-rows.ts';
import { usePlaygrounds } from '../testing/playground.ts';

const pg = usePlaygrounds();
const isLinux = process.platform === 'linux';
if (!isLinux) console.warn(`Skipping the live kernel.watch tests: ${process.platform} has no /proc/net/tcp.`);

const kernelMessages = (c: BridgeTestClient) =>
  c.notices.filter((m): m is KernelSnapshot => (m as { type: string }).type === 'kernel');
const latest = (c: BridgeTestClient) => kernelMessages(c).at(-1);
const rowOf = (c: BridgeTestClient, socketId: string) => latest(c)?.rows.find((r) => r.socketId === socketId);

const outside: Array<Socket | Server> = [];
afterEach(() => {
  for (const s of outside.splice(0)) 'destroy' in s ? s.destroy() : s.close();
});

describe('matching kernel rows to the session’s sockets', () => {
  const row = (local: number, remote: number, state: 'LISTEN' | 'ESTABLISHED' | 'SYN_SENT', inode = local) => ({
    family: 'IPv4' as const,
    local: { address: '127.0.0.1', port: local },
    remote: { address: remote ? '127.0.0.1' : '0.0.0.0', port: remote },
    state,
    sendQueue: 0,
    recvQueue: 0,
    inode,
  });
  const table = [
    row(5000, 0, 'LISTEN'),
    row(5000, 40001, 'ESTABLISHED', 1),
    row(40001, 5000, 'ESTABLISHED', 2),
    row(5000, 40002, 'ESTABLISHED', 3),
    row(40002, 5000, 'ESTABLISHED', 4),
    row(6000, 0, 'LISTEN'),
    row(40003, 7000, 'SYN_SENT'),
  ];
  const a = (port: number) => ({ address: '127.0.0.1', port });
  const known = [
    { id: 's1', listening: true, local: a(5000) },
    { id: 's2', listening: false, local: a(40001), remote: a(5000) },
    { id: 's3', listening: false, local: a(5000), remote: a(40001) },
    { id: 's4', listening: false, remote: a(7000) },
  ];

  it('names the server, both ends of a playground connection, and shows peers outside the playground', () => {
    const { rows, truncated } = matchRows(table, known, 'playground');
    expect(truncated).toBe(0);
    expect(rows.map((r) => [r.local.port, r.remote.port, r.socketId])).toEqual([
      [5000, 0, 's1'],
      [5000, 40001, 's3'],
      [40001, 5000, 's2'],
      // A client still connecting (SYN_SENT) has no local port yet: shown, but unnamed.
      [40003, 7000, undefined],
    ]);
  });

  it('with the "same ports" filter, adds every other socket on those ports (an nc client) and no others', () => {
    const { rows } = matchRows(table, known, 'ports');
    expect(rows.filter((r) => !r.socketId).map((r) => [r.local.port, r.remote.port])).toEqual([
      [5000, 40002],
      [40002, 5000],
      [40003, 7000],
    ]);
    expect(rows.some((r) => r.local.port === 6000)).toBe(false);
  });

  it('caps the rows and says how many were left out', () => {
    const { rows, truncated } = matchRows(table, known, 'ports', 2);
    expect(rows).toHaveLength(2);
    expect(truncated).toBe(4);
  });

  it('matches a dual-stack server’s IPv4 connection whether the table says ::ffff:127.0.0.1 or 127.0.0.1', () => {
    // Node names the accepted socket ::ffff:127.0.0.1; macOS's and Windows's netstat print 127.0.0.1.
    const mapped = { address: '::ffff:127.0.0.1', port: 5000 };
    const conn = { id: 'c', listening: false, local: mapped, remote: { address: '::ffff:127.0.0.1', port: 40009 } };
    const netstatRow = { ...row(5000, 40009, 'ESTABLISHED'), inode: 0 };
    expect(matchRows([netstatRow], [conn], 'playground').rows[0]?.socketId).toBe('c');
  });
});

describe.skipIf(!isLinux)('kernel.watch on real sockets', () => {
  it('reports each socket’s kernel state while watched, only on change, and stops on unwatch', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'none' })).socket!;
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    await c.waitFor(() => c.events.some((e) => e.type === 'accept'), 3000, 'accept');
    const connId = acceptedId(c);

    await c.ok({ type: 'kernel.watch', intervalMs: 100, scope: 'playground' });
    await c.waitFor(() => rowOf(c, connId)?.state === 'ESTABLISHED', 3000, 'ESTABLISHED rows');
    const first = latest(c)!;
    expect(first).toMatchObject({ available: true, scope: 'playground', truncated: 0 });
    expect(first.source).toContain('/proc/net/tcp');
    expect(first.somaxconn).toBeGreaterThan(0);
    // /proc/net/tcp has no backlog on LISTEN rows (only `ss` shows it); Recv-Q is the accept queue.
    expect(rowOf(c, server.id)).toMatchObject({ state: 'LISTEN', sendQueue: 0, recvQueue: 0 });
    expect(rowOf(c, client.id)).toMatchObject({ state: 'ESTABLISHED', remote: { port: server.local!.port } });
    // Same clock as the events.
    expect(first.t).toBeGreaterThanOrEqual(c.events.at(-1)!.t);

    // Nothing changes: no new message after several polls.
    const count = kernelMessages(c).length;
    await new Promise((r) => setTimeout(r, 350));
    expect(kernelMessages(c).length).toBe(count);

    // The client ends first: it waits in FIN_WAIT2, the server side in CLOSE_WAIT (it read b'').
    await c.ok({ type: 'tcp.end', socketId: client.id });
    await c.waitFor(
      () => rowOf(c, client.id)?.state === 'FIN_WAIT2' && rowOf(c, connId)?.state === 'CLOSE_WAIT',
      3000,
      'FIN_WAIT2 / CLOSE_WAIT',
    );
    // The server ends too: the client's side lingers in TIME_WAIT (still named), the server's is gone.
    await c.ok({ type: 'tcp.end', socketId: connId });
    await c.waitFor(
      () => rowOf(c, client.id)?.state === 'TIME_WAIT' && rowOf(c, connId) === undefined,
      3000,
      'TIME_WAIT',
    );

    await c.ok({ type: 'kernel.unwatch' });
    const after = kernelMessages(c).length;
    await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port });
    await new Promise((r) => setTimeout(r, 300));
    expect(kernelMessages(c).length).toBe(after);
  });

  it('shows a client outside the playground (like nc) as a peer with its address, and the same-ports filter', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const nc = createConnection({ host: '127.0.0.1', port: server.local!.port });
    outside.push(nc);
    await new Promise((r) => nc.once('connect', r));
    await c.waitFor(() => c.events.some((e) => e.type === 'accept'), 3000, 'accept');
    const accept = c.events.find((e) => e.type === 'accept');
    expect(accept).toMatchObject({ remote: { address: '127.0.0.1', port: nc.localPort } });

    await c.ok({ type: 'kernel.watch', intervalMs: 100, scope: 'ports' });
    await c.waitFor(() => (latest(c)?.rows.length ?? 0) >= 3, 3000, 'rows');
    const snapshot = latest(c)!;
    expect(snapshot.scope).toBe('ports');
    // By both ports: an earlier TIME_WAIT row may share the ephemeral port.
    const ncRow = snapshot.rows.find((r) => r.local.port === nc.localPort && r.remote.port === server.local!.port);
    expect(ncRow).toMatchObject({ state: 'ESTABLISHED', remote: { port: server.local!.port } });
    expect(ncRow?.socketId).toBeUndefined();
    const connRow = snapshot.rows.find((r) => r.remote.port === nc.localPort && r.local.port === server.local!.port);
    expect(connRow?.socketId).toBe(acceptedId(c));
  });
});

const hasPython = () => findPython('the full-backlog test') !== undefined;

describe.skipIf(!isLinux || !hasPython())('a full accept queue, as the kernel shows it', () => {
  it('a server that never calls accept() with listen(1): two clients wait in the queue, the rest stay in SYN_SENT', async () => {
    // Node accepts at once, so the seed's Python server stands in for a program busy elsewhere.
    const code = `import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
time.sleep(30)
`;
    const proc = spawn('python3', ['-c', code], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const port = Number(await new Promise<string>((r) => proc.stdout.once('data', (d) => r(String(d).trim()))));
      const p = await pg.start();
      const c = await pg.client(p);
      await c.ok({ type: 'kernel.watch', intervalMs: 100, scope: 'ports' });
      const reply = c.request({
        type: 'tcp.spawn',
        host: '127.0.0.1',
        port,
        count: 4,
        messages: 0,
        data: { encoding: 'text', value: '' },
        end: false,
        timeoutMs: 2500,
      });
      await c.waitFor(
        () => {
          const rows = latest(c)?.rows ?? [];
          const listen = rows.find((r) => r.state === 'LISTEN' && r.local.port === port);
          return listen?.recvQueue === 2 && rows.filter((r) => r.state === 'SYN_SENT').length === 2;
        },
        5000,
        'a full queue: LISTEN Recv-Q 2, two clients in SYN_SENT',
      );
      // The two queued clients count as connected, though the server never accept()ed them.
      const done = await reply;
      expect(done.ok && done.result.sockets?.length).toBe(2);
      expect(c.events.filter((e) => e.type === 'error' && e.error.code === 'ETIMEDOUT')).toHaveLength(2);
    } finally {
      proc.kill();
    }
  });
});

describe('stopping a server over the bridge', () => {
  it('server.stopListening keeps the connections; new clients are refused', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    await c.ok({ type: 'server.stopListening', socketId: server.id });
    await c.waitFor(() => c.closedSockets.has(server.id), 3000, 'server closed');
    const refused = await c.request({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port });
    expect(!refused.ok && refused.error.code).toBe('ECONNREFUSED');
    await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'hola' } });
    await c.waitFor(() => c.eventsOf(client.id, 'recv').length > 0, 3000, 'echo after stop');
    const again = await c.request({ type: 'server.stopListening', socketId: client.id });
    expect(!again.ok && again.error.code).toBe('wrong_socket_kind');
  });

  it('tcp.listen takes a concurrency and reports it', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, concurrency: 'one-at-a-time' }))
      .socket!;
    expect(server.concurrency).toBe('one-at-a-time');
  });
});

describe('tcp.spawn', () => {
  const MESSAGE = 'hola mundo';

  it('opens 20 clients that each send 3 messages to an echo server, get them back, and close', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const { sockets } = await c.ok({
      type: 'tcp.spawn',
      host: '127.0.0.1',
      port: server.local!.port,
      count: 20,
      messages: 3,
      data: { encoding: 'text', value: MESSAGE },
      intervalMs: 10,
    });
    expect(sockets).toHaveLength(20);
    expect(new Set(sockets!.map((s: SocketInfo) => s.group))).toEqual(new Set(['spawn-1']));
    await c.waitFor(() => sockets!.every((s) => c.closedSockets.has(s.id)), 10_000, 'all 20 clients closed');
    for (const s of sockets!) {
      const sent = c.eventsOf(s.id, 'send').reduce((n, e) => n + e.size, 0);
      const received = c.eventsOf(s.id, 'recv').reduce((n, e) => n + e.size, 0);
      expect([sent, received]).toEqual([3 * MESSAGE.length, 3 * MESSAGE.length]);
    }
    expect(c.eventsOf(sockets![0]!.id, 'opened')[0]?.socket.group).toBe('spawn-1');
  });

  it('refuses clearly when the clients would not fit the socket quota', async () => {
    const p = await pg.start({ limits: { ...DEFAULT_LIMITS, maxSockets: 10 } });
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const reply = await c.request({
      type: 'tcp.spawn',
      host: '127.0.0.1',
      port: server.local!.port,
      count: 5,
      data: { encoding: 'text', value: MESSAGE },
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toMatchObject({ code: 'quota', params: { limit: 'maxSockets', max: 10, count: 5, total: 11 } });
    expect(reply.error.message).toMatch(/Spawning 5 clients would make 11 open sockets/);
    expect(c.events.filter((e) => e.type === 'opened')).toHaveLength(1);
  });

  it('refuses a target outside the policy and a message over 4 KiB, and says why nobody connected', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const big = await c.request({
      type: 'tcp.spawn',
      host: '127.0.0.1',
      port: 9999,
      count: 1,
      data: { encoding: 'text', value: 'x'.repeat(5000) },
    });
    expect(!big.ok && big.error.params).toMatchObject({ limit: 'maxMessageBytes', max: 4096 });
    const far = await c.request({
      type: 'tcp.spawn',
      host: '8.8.8.8',
      port: 53,
      count: 1,
      data: { encoding: 'text', value: 'x' },
    });
    expect(!far.ok && far.error.code).toBe('not_allowed');
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await c.request({
      type: 'tcp.spawn',
      host: '127.0.0.1',
      port,
      count: 3,
      data: { encoding: 'text', value: 'x' },
    });
    expect(!refused.ok && refused.error.code).toBe('ECONNREFUSED');
  });
});

function acceptedId(c: BridgeTestClient): string {
  const accept = c.events.find((e) => e.type === 'accept');
  if (accept?.type !== 'accept') throw new Error('no accept');
  return accept.connId;
}
