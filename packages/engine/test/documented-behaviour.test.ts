/**
 * Issue 14, point 8: what docs/protocol.md says about closing, `none`, backlog and UDP's `remote`,
 * each claim shown on real sockets.
 */
import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { readKernelTcpTable } from '../src/kernel/tcp-table.ts';
import { type Recorder, sleep, tcpPair, text, until, useEngines } from './helpers.ts';

const engines = useEngines();
type Engine = ReturnType<typeof engines>['engine'];

/** The kernel's TCP table (these checks run on Linux only, where it can be read). */
async function kernelRows() {
  const table = await readKernelTcpTable();
  if (!table.available) throw new Error(table.reason);
  return table.sockets;
}

const states = (rec: Recorder, id: string) =>
  rec.types(id).filter((t) => t.startsWith('state:') || t.startsWith('fin'));

/** A one-at-a-time server with one client served and a second waiting for accept(). */
async function oneServedOneWaiting(engine: Engine, rec: Recorder, behaviour: 'none' | 'discard') {
  const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour, concurrency: 'one-at-a-time' });
  const first = await engine.tcpConnect({ host: '127.0.0.1', port: server.local!.port });
  const served = (await rec.next(server.id, 'accept')).connId;
  await engine.tcpConnect({ host: '127.0.0.1', port: server.local!.port });
  const waiting = (await rec.next(server.id, 'queued')).connId;
  return { server, first, served, waiting };
}

describe('closing, as docs/protocol.md tells it', () => {
  it('the second half of a close has no state of its own: fin-sent (or fin-received), then closed', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { behaviour: 'echo' });
    engine.end(client.id);
    await rec.next(client.id, 'closed');
    await rec.next(connId, 'closed');
    // The client ended first: it saw the echo server's FIN while already in fin-sent.
    expect(states(rec, client.id)).toEqual([
      'state:connecting',
      'state:established',
      'fin-sent',
      'state:fin-sent',
      'fin-received',
      'state:closed',
    ]);
    // The server read b'' first, then closed its side too: fin-received, fin-sent, closed.
    expect(states(rec, connId)).toEqual([
      'state:established',
      'fin-received',
      'state:fin-received',
      'fin-sent',
      'state:closed',
    ]);
  });

  it('`none` leaves closing to you: the next client of a one-at-a-time server waits until you close', async () => {
    const { engine, rec } = engines();
    const { server, first, served, waiting } = await oneServedOneWaiting(engine, rec, 'none');
    engine.end(first.id);
    await rec.next(served, 'fin-received');
    await sleep(100);
    expect(engine.info(served) && engine.sockets().some((s) => s.id === served)).toBe(true);
    expect(rec.of(server.id, 'accept').map((e) => e.connId)).toEqual([served]);
    if (process.platform === 'linux') {
      // The served connection's own row: the server's port on one end, the first client's on the other.
      const clientPort = first.local!.port;
      const row = (await kernelRows()).find((s) => s.local.port === server.local!.port && s.remote.port === clientPort);
      expect(row?.state).toBe('CLOSE_WAIT');
    }
    await engine.close(served);
    await rec.next(server.id, 'accept', (e) => e.connId === waiting);
  });

  it('`discard` closes when its client does, so the next client is accepted', async () => {
    const { engine, rec } = engines();
    const { server, first, served, waiting } = await oneServedOneWaiting(engine, rec, 'discard');
    engine.end(first.id);
    await rec.next(served, 'closed');
    await rec.next(server.id, 'accept', (e) => e.connId === waiting);
  });
});

describe('backlog', () => {
  it('goes to listen(), but the server accepts at once: waiting clients are never left in the kernel’s queue', async () => {
    const { engine, rec } = engines();
    const server = await engine.tcpListen({
      host: '127.0.0.1',
      port: 0,
      backlog: 1,
      concurrency: 'one-at-a-time',
    });
    expect(server.backlog).toBe(1);
    const port = server.local!.port;
    for (let i = 0; i < 4; i++) await engine.tcpConnect({ host: '127.0.0.1', port, timeoutMs: 2000 });
    await until(() => rec.of(server.id, 'queued').length === 3, 'three clients waiting past a backlog of 1');
    if (process.platform === 'linux') {
      const rows = (await kernelRows()).filter((s) => s.local.port === port);
      expect(rows.find((s) => s.state === 'LISTEN')?.recvQueue).toBe(0);
      expect(rows.filter((s) => s.state === 'ESTABLISHED')).toHaveLength(4);
    }
  });
});

describe('udp.bind’s remote', () => {
  it('is only where sends go by default: the socket is not connect()ed and hears from anyone', async () => {
    const { engine, rec } = engines();
    const server = await engine.udpBind({ host: '127.0.0.1', port: 0, behaviour: 'echo' });
    const client = await engine.udpBind({
      host: '127.0.0.1',
      port: 0,
      remote: { host: '127.0.0.1', port: server.local!.port },
    });
    await engine.send(client.id, text('to the default peer'));
    await rec.next(server.id, 'datagram-in');
    // A stranger's datagram reaches it too, which a connect()ed socket would have filtered out.
    const stranger = createSocket('udp4');
    await new Promise<void>((resolve) => stranger.bind(0, '127.0.0.1', resolve));
    try {
      stranger.send(Buffer.from('from a stranger'), client.local!.port, '127.0.0.1');
      const got = await rec.next(client.id, 'datagram-in', (e) => Buffer.from(e.data).toString() === 'from a stranger');
      expect(got.from.port).toBe(stranger.address().port);
    } finally {
      stranger.close();
    }
  });
});
