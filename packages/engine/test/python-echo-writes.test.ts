/**
 * Issue 14, point 1: the recv(16) echo writes each piece with a write of its own, as seed 000's
 * `data = connection.recv(16); connection.sendall(data)` loop does. Compared with that loop in
 * Python, as the log shows it, as the wire carries it, and as a recv(1024) client reads it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE, useEngines } from './helpers.ts';
import { type Segment, startCapture } from './support/kernel.ts';
import { type PythonPeer, python, runPython, startPythonServer } from './support/python.ts';

const engines = useEngines();
const peers: PythonPeer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});

async function pythonEcho(): Promise<number> {
  const server = await startPythonServer('echo_server.py', [16]);
  peers.push(server);
  return server.port;
}

async function playgroundEcho(): Promise<{ port: number; rec: ReturnType<typeof engines>['rec'] }> {
  const { engine, rec } = engines();
  const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, recvSize: 16, behaviour: 'echo' });
  return { port: server.local!.port, rec };
}

/** The data segments the server sent, per connection (keyed by the client's port), in order. */
function echoSegments(segments: Segment[], serverPort: number): number[][] {
  const byClient = new Map<number, number[]>();
  for (const s of segments) {
    if (s.from !== serverPort || s.length === 0) continue;
    byClient.set(s.to, [...(byClient.get(s.to) ?? []), s.length]);
  }
  return [...byClient.values()];
}

describe.skipIf(!python)('echo writes, against the seeds’ Python echo server', () => {
  it('logs recv, send, recv, send… : each 16-byte piece is written back before the next is read', async () => {
    const { port, rec } = await playgroundEcho();
    expect(await runPython<number[]>('echo_client_once.py', [port, 1])).toHaveLength(1);
    const connId = rec.events.find((e) => e.type === 'opened' && e.kind === 'tcp-conn')?.socketId as string;
    const bytes = rec.events
      .filter((e) => e.socketId === connId && (e.type === 'recv' || e.type === 'send'))
      .map((e) => `${e.type} ${(e as { data: Uint8Array }).data.length}`);
    expect(bytes).toEqual(['recv 16', 'send 16', 'recv 16', 'send 16', 'recv 16', 'send 16', 'recv 7', 'send 7']);
    const sent = rec.of(connId, 'send').map((e) => Buffer.from(e.data).toString());
    expect(sent.join('')).toBe(MESSAGE);
  });

  it('puts a segment per write on the wire, 16 bytes first, as Python’s server does (tcpdump)', async (ctx) => {
    const pyPort = await pythonEcho();
    const { port } = await playgroundEcho();
    const seen: Record<string, number[][]> = {};
    for (const [name, serverPort] of [
      ['python', pyPort],
      ['playground', port],
    ] as const) {
      const capture = await startCapture(serverPort);
      if (typeof capture === 'string') {
        console.warn(`Skipping the segment comparison: ${capture}.`);
        ctx.skip(capture);
        return;
      }
      await runPython('echo_client_once.py', [serverPort, 5]);
      seen[name] = echoSegments(await capture.stop(), serverPort);
    }
    console.log(`segments per echo of 55 bytes: ${JSON.stringify(seen)}`);
    for (const echoes of Object.values(seen)) {
      expect(echoes).toHaveLength(5);
      for (const lengths of echoes) {
        expect(lengths.reduce((a, b) => a + b, 0)).toBe(MESSAGE.length);
        // The first write leaves at once (nothing is unacknowledged); one 55-byte write would be one 55-byte segment.
        expect(lengths[0]).toBe(16);
      }
    }
  });

  it('lets a recv(1024) client read part of the echo, as against Python’s server', async () => {
    const pyPort = await pythonEcho();
    const { port } = await playgroundEcho();
    const runs = 20;
    const python = await runPython<number[]>('echo_client_once.py', [pyPort, runs]);
    const playground = await runPython<number[]>('echo_client_once.py', [port, runs]);
    const short = (sizes: number[]) => sizes.filter((n) => n < MESSAGE.length).length;
    console.log(
      `recv(1024) got fewer than 55 bytes in ${short(python)}/${runs} runs against Python, ${short(playground)}/${runs} against the playground`,
    );
    // A single 55-byte write is always read whole; separate writes are often read one by one.
    expect(short(python)).toBeGreaterThan(0);
    expect(short(playground)).toBeGreaterThan(0);
    for (const n of [...python, ...playground]) expect([16, 32, 48, 55]).toContain(n);
  });
});
