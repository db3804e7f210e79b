/**
 * Issue 14, point 2: while a program does not call recv(), the bytes wait in the kernel (Recv-Q),
 * and a late recv(1024) returns all of them in one read. Compared with a Python server that is
 * busy, as `ss` and the OS view's /proc reader see the queue, and as the log shows the read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../src/index.ts';
import { until, useEngines } from './helpers.ts';
import { hasSs, procRecvQueue, ssRecvQueue } from './support/kernel.ts';
import { type PythonPeer, python, startPython, startPythonServer } from './support/python.ts';

const engines = useEngines();
const peers: PythonPeer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});

/** A Python client of `port` that has made its three 5-byte writes; its own port. */
async function threeWrites(port: number): Promise<{ client: PythonPeer; clientPort: number }> {
  const client = startPython('three_writes_client.py', [port]);
  peers.push(client);
  const { port: clientPort } = JSON.parse(await client.line()) as { port: number };
  expect(JSON.parse(await client.line())).toEqual({ sent: 15 });
  return { client, clientPort };
}

/** What the kernel says is waiting for the server's recv(): `ss` when installed, and always /proc. */
async function waiting(serverPort: number, clientPort: number): Promise<number | undefined> {
  const proc = await procRecvQueue(serverPort, clientPort);
  if (hasSs) expect(ssRecvQueue(serverPort, clientPort)).toBe(proc);
  else console.warn('ss (iproute2) is not installed: Recv-Q is checked in /proc/net/tcp only.');
  return proc;
}

const recvSizes = (events: EngineEvent[], id: string) =>
  events.filter((e) => e.socketId === id && e.type === 'recv').map((e) => (e as { data: Uint8Array }).data.length);

describe.skipIf(!python || process.platform !== 'linux')('pause reading, against a busy Python server', () => {
  it('Python: three 5-byte writes wait in the kernel (Recv-Q 15), and a late recv(1024) returns 15', async () => {
    const server = await startPythonServer('late_reader_server.py');
    peers.push(server);
    const { clientPort } = await threeWrites(server.port);
    expect(JSON.parse(await server.line())).toEqual({ accepted: clientPort });
    expect(await waiting(server.port, clientPort)).toBe(15);
    server.tell();
    expect(JSON.parse(await server.line())).toEqual({ recv: 15 });
  });

  it('playground: the same bytes wait in the kernel while paused, and resuming reads all 15 at once', async () => {
    const { engine, rec } = engines();
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, recvSize: 1024, behaviour: 'none' });
    // The learner pauses the connection as soon as accept() returns it.
    rec.tap = (e) => {
      if (e.type === 'accept') engine.setReadingPaused(e.connId, true);
    };
    const { clientPort } = await threeWrites(server.local!.port);
    const accept = await rec.next(server.id, 'accept');
    expect(await waiting(server.local!.port, clientPort)).toBe(15);
    expect(recvSizes(rec.events, accept.connId)).toEqual([]);
    engine.setReadingPaused(accept.connId, false);
    await until(() => recvSizes(rec.events, accept.connId).length > 0, 'the read after resuming');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recvSizes(rec.events, accept.connId)).toEqual([15]);
    expect(await waiting(server.local!.port, clientPort)).toBe(0);
  });

  it('one at a time: a waiting client’s bytes stay in the kernel until accept(), then one recv(1024) gets them', async () => {
    const firstRecvOfSecond: Record<string, number> = {};

    const py = await startPythonServer('one_at_a_time_server.py');
    peers.push(py);
    const a = await threeWrites(py.port);
    const b = await threeWrites(py.port);
    expect(await waiting(py.port, b.clientPort)).toBe(15);
    a.client.tell();
    for (let i = 0; i < 20 && firstRecvOfSecond.python === undefined; i++) {
      const line = JSON.parse(await py.line()) as { client: number; recv: number };
      if (line.client === b.clientPort) firstRecvOfSecond.python = line.recv;
    }

    const { engine, rec } = engines();
    const server = await engine.tcpListen({
      host: '127.0.0.1',
      port: 0,
      recvSize: 1024,
      behaviour: 'echo',
      concurrency: 'one-at-a-time',
    });
    const port = server.local!.port;
    const a2 = await threeWrites(port);
    const b2 = await threeWrites(port);
    const queued = await rec.next(server.id, 'queued');
    expect(queued.remote.port).toBe(b2.clientPort);
    expect(await waiting(port, b2.clientPort)).toBe(15);
    expect(recvSizes(rec.events, queued.connId)).toEqual([]);
    a2.client.tell();
    await until(() => recvSizes(rec.events, queued.connId).length > 0, 'the waiting client’s first read');
    firstRecvOfSecond.playground = recvSizes(rec.events, queued.connId)[0] as number;

    expect(firstRecvOfSecond).toEqual({ python: 15, playground: 15 });
    expect(a.clientPort).not.toBe(b.clientPort);
  });
});
