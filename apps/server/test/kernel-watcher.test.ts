import type { EngineEvent, KernelTcpSocket } from '@playground/engine';
import { type KernelSnapshot, NO_CONDITIONS } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import { KernelWatcher } from '../src/kernel-view/kernel-watcher.ts';
import { usePlaygrounds } from '../testing/playground.ts';

const at = (address: string, port: number) => ({ address, port, family: 'IPv4' as const });

function row(local: number, remote: number, state: KernelTcpSocket['state']): KernelTcpSocket {
  return {
    family: 'IPv4',
    local: { address: '127.0.0.1', port: local },
    remote: { address: remote ? '127.0.0.1' : '0.0.0.0', port: remote },
    state,
    sendQueue: 0,
    recvQueue: 0,
    inode: local * 100_000 + remote,
  };
}

/** A watcher fed with `events`, reading `table` once instead of /proc. */
async function snapshotAfter(events: EngineEvent[], table: KernelTcpSocket[]): Promise<KernelSnapshot> {
  const sent: KernelSnapshot[] = [];
  const watcher = new KernelWatcher({
    send: (s) => sent.push(s) > 0,
    now: () => 0,
    read: async () => ({ available: true, source: 'test', sockets: table }),
  });
  for (const e of events) watcher.observe(e);
  watcher.watch(5000, 'playground');
  for (let i = 0; i < 50 && sent.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  watcher.close();
  const snapshot = sent[0];
  if (!snapshot) throw new Error('no snapshot');
  return snapshot;
}

let seq = 0;
const ev = (e: Record<string, unknown>) => ({ seq: ++seq, t: seq, ...e }) as EngineEvent;
const server = (id: string, port: number) =>
  ev({
    type: 'opened',
    socketId: id,
    kind: 'tcp-server',
    socket: { id, kind: 'tcp-server', local: at('127.0.0.1', port), recvSize: 16 },
  });

describe('the OS view credits each kernel row to the socket that owns it', () => {
  it('a second server on a taken port (EADDRINUSE) never gets the LISTEN row; the real listener keeps it', async () => {
    const events = [
      server('s1', 65432),
      ev({ type: 'listening', socketId: 's1', kind: 'tcp-server', local: at('127.0.0.1', 65432) }),
      server('s11', 65432),
      ev({
        type: 'error',
        socketId: 's11',
        kind: 'tcp-server',
        error: { code: 'EADDRINUSE', message: 'in use', syscall: 'listen' },
      }),
      ev({ type: 'closed', socketId: 's11', kind: 'tcp-server', hadError: true }),
    ];
    const snapshot = await snapshotAfter(events, [row(65432, 0, 'LISTEN')]);
    expect(snapshot.rows.map((r) => r.socketId)).toEqual(['s1']);
  });

  it('a server that stopped listening no longer owns a LISTEN row on its old address', async () => {
    const events = [
      server('s1', 5000),
      ev({ type: 'listening', socketId: 's1', kind: 'tcp-server', local: at('127.0.0.1', 5000) }),
      ev({ type: 'closed', socketId: 's1', kind: 'tcp-server', hadError: false }),
    ];
    // Another program listens there now.
    const snapshot = await snapshotAfter(events, [row(5000, 0, 'LISTEN')]);
    expect(snapshot.rows.filter((r) => r.socketId === 's1')).toEqual([]);
  });

  it('a TCP relay’s own sockets (its LISTEN row, the client it accepted, its way to the server) carry its id', async () => {
    const relay = {
      id: 's5',
      kind: 'relay' as const,
      recvSize: 1024,
      conditions: { transport: 'tcp' as const, target: at('127.0.0.1', 7000), settings: NO_CONDITIONS, seed: 1 },
    };
    const events = [
      ev({ type: 'opened', socketId: 's5', kind: 'relay', socket: relay }),
      ev({ type: 'listening', socketId: 's5', kind: 'relay', local: at('127.0.0.1', 6000) }),
      ev({
        type: 'relay-flow',
        socketId: 's5',
        kind: 'relay',
        peer: at('127.0.0.1', 40001),
        upstream: at('127.0.0.1', 40002),
        flow: 'opened',
      }),
    ];
    const table = [row(6000, 0, 'LISTEN'), row(6000, 40001, 'ESTABLISHED'), row(40002, 7000, 'ESTABLISHED')];
    const snapshot = await snapshotAfter(events, table);
    expect(snapshot.rows.map((r) => [r.local.port, r.remote.port, r.socketId])).toEqual([
      [6000, 0, 's5'],
      [6000, 40001, 's5'],
      [40002, 7000, 's5'],
    ]);
  });
});

describe.skipIf(process.platform !== 'linux')('the OS view on real sockets', () => {
  const pg = usePlaygrounds();

  it('after EADDRINUSE the LISTEN row is still the first server’s, and the failed one has none', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const first = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const again = await c.request({ type: 'tcp.listen', host: '127.0.0.1', port: first.local!.port });
    expect(again.ok).toBe(false);
    const failed = c.events.filter((e) => e.type === 'opened').at(-1)!.socketId;
    await c.ok({ type: 'kernel.watch', intervalMs: 100, scope: 'playground' });
    const listenRow = () =>
      c.notices
        .filter((m): m is KernelSnapshot => m.type === 'kernel')
        .at(-1)
        ?.rows.find((r) => r.state === 'LISTEN' && r.local.port === first.local!.port);
    await c.waitFor(() => listenRow() !== undefined, 3000, 'the LISTEN row');
    expect(listenRow()?.socketId).toBe(first.id);
    const rows = c.notices.filter((m): m is KernelSnapshot => m.type === 'kernel').at(-1)!.rows;
    expect(rows.some((r) => r.socketId === failed)).toBe(false);
  });
});
