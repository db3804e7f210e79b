import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { readKernelTcpTable } from '../src/kernel/tcp-table.ts';
import { type Recorder, sleep, text, until, useEngines } from './helpers.ts';

const engines = useEngines();

type Engine = ReturnType<typeof engines>['engine'];

/** Three clients of one server, each sending its own message right after connecting. */
async function threeClients(engine: Engine, rec: Recorder, concurrency: 'concurrent' | 'one-at-a-time') {
  const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, concurrency });
  const port = server.local!.port;
  const clients: string[] = [];
  for (const name of ['one', 'two', 'three']) {
    const client = await engine.tcpConnect({ host: '127.0.0.1', port });
    await engine.send(client.id, text(`hello from ${name}`));
    clients.push(client.id);
  }
  // Every connection exists (accepted or queued) once the server has reported all three.
  await until(
    () => rec.of(server.id, 'accept').length + rec.of(server.id, 'queued').length === 3,
    'three connections on the server',
  );
  return { server, clients };
}

const echoed = (rec: Recorder, id: string) => rec.bytes(id, 'recv').toString();

describe('serving clients concurrently or one at a time', () => {
  it('concurrent: every client is accepted and echoed at once', async () => {
    const { engine, rec } = engines();
    const { server, clients } = await threeClients(engine, rec, 'concurrent');
    expect(server.concurrency).toBe('concurrent');
    await until(() => clients.every((id) => echoed(rec, id).length > 0), 'all three echoes');
    expect(clients.map((id) => echoed(rec, id))).toEqual(['hello from one', 'hello from two', 'hello from three']);
    expect(rec.of(server.id, 'queued')).toEqual([]);
  });

  it('one at a time: later clients are connected but wait unread until the current one closes', async () => {
    const { engine, rec } = engines();
    const { server, clients } = await threeClients(engine, rec, 'one-at-a-time');
    const [c1, c2, c3] = clients as [string, string, string];
    expect(server.concurrency).toBe('one-at-a-time');

    await until(() => echoed(rec, c1) === 'hello from one', 'the first echo');
    const queued = rec.of(server.id, 'queued');
    expect(queued.map((e) => e.position)).toEqual([1, 2]);
    const [waiting2, waiting3] = queued.map((e) => e.connId) as [string, string];
    // The handshake is done on both sides, yet nothing was read: no recv on the waiting connections.
    expect(rec.of(c2, 'connected')).toHaveLength(1);
    await sleep(100);
    expect(engine.counters(waiting2)).toMatchObject({ bytesIn: 0, reads: 0 });
    expect(echoed(rec, c2)).toBe('');
    expect(echoed(rec, c3)).toBe('');

    if (process.platform === 'linux') {
      // The bytes wait in the kernel's receive queue of the waiting connection, not in the bridge.
      const table = await readKernelTcpTable();
      const c2Port = rec.of(c2, 'connected')[0]!.local.port;
      const row = table.available
        ? table.sockets.find((s) => s.local.port === server.local!.port && s.remote.port === c2Port)
        : undefined;
      expect(row).toMatchObject({ state: 'ESTABLISHED', recvQueue: 'hello from two'.length });
    }

    // The first client leaves: its connection closes and the accept() loop takes the second.
    engine.end(c1);
    await until(() => echoed(rec, c2) === 'hello from two', 'the second echo');
    const accepts = rec.of(server.id, 'accept').map((e) => e.connId);
    expect(accepts.slice(1)).toEqual([waiting2]);
    expect(echoed(rec, c3)).toBe('');

    engine.end(c2);
    await until(() => echoed(rec, c3) === 'hello from three', 'the third echo');
    expect(
      rec
        .of(server.id, 'accept')
        .map((e) => e.connId)
        .slice(1),
    ).toEqual([waiting2, waiting3]);
  });

  it('one at a time: a waiting client that gives up leaves the line', async () => {
    const { engine, rec } = engines();
    const { server, clients } = await threeClients(engine, rec, 'one-at-a-time');
    const [c1, c2, c3] = clients as [string, string, string];
    const [waiting2] = rec.of(server.id, 'queued').map((e) => e.connId) as [string];
    engine.reset(c2);
    await sleep(50);
    engine.end(c1);
    await until(() => echoed(rec, c3) === 'hello from three', 'the third echo');
    // The reset connection was taken from the line (and found reset when read), then the third.
    expect(rec.of(waiting2, 'closed')).toHaveLength(1);
  });
});

describe('stopping a server', () => {
  it('stop listening: new clients are refused, accepted connections keep working', async () => {
    const { engine, rec } = engines();
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0 });
    const port = server.local!.port;
    const client = await engine.tcpConnect({ host: '127.0.0.1', port });
    const { connId } = await rec.next(server.id, 'accept');

    engine.stopListening(server.id);
    await rec.next(server.id, 'closed');
    expect(rec.types(server.id).slice(-2)).toEqual(['state:closed', 'closed']);
    expect(engine.sockets().map((s) => s.id)).toEqual([client.id, connId]);

    await expect(engine.tcpConnect({ host: '127.0.0.1', port })).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    await engine.send(client.id, text('still here'));
    await until(() => echoed(rec, client.id) === 'still here', 'the echo after stop');

    expect(() => engine.stopListening(server.id)).toThrow(/not listening/);
    expect(() => engine.stopListening(client.id)).toThrow(expect.objectContaining({ code: 'wrong_socket_kind' }));

    // Closing the stopped server closes the connections it accepted too.
    await engine.close(server.id);
    await rec.next(connId, 'closed');
    await rec.next(client.id, 'fin-received');
  });

  it('stop listening on a one-at-a-time server resets the clients still waiting for accept()', async () => {
    const { engine, rec } = engines();
    const { server, clients } = await threeClients(engine, rec, 'one-at-a-time');
    const [c1, c2] = clients as [string, string];
    await until(() => echoed(rec, c1).length > 0, 'the first echo');
    engine.stopListening(server.id);
    const error = await rec.next(c2, 'error');
    expect(error.error.code).toBe('ECONNRESET');
    // The one being served stays.
    await engine.send(c1, text('again'));
    await until(() => echoed(rec, c1).endsWith('again'), 'the served client still echoed');
  });

  it('close all: the server and every connection close, and the peer reads FIN', async () => {
    const { engine, rec } = engines();
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0 });
    // A client outside the engine, like nc or a seed script.
    const outside = createConnection({ host: '127.0.0.1', port: server.local!.port, allowHalfOpen: true });
    outside.on('error', () => {});
    const ended = new Promise<void>((resolve) => outside.once('end', resolve));
    const { connId } = await rec.next(server.id, 'accept');
    await engine.close(server.id);
    await ended;
    expect(rec.of(connId, 'closed')).toHaveLength(1);
    outside.destroy();
  });
});
