import type { KernelSnapshot } from '@playground/protocol';
import type { BridgeTestClient } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';

const pg = usePlaygrounds();
const isLinux = process.platform === 'linux';
if (!isLinux) console.warn(`Skipping the TCP internals test: ${process.platform} has no ss (iproute2).`);

const latest = (c: BridgeTestClient) =>
  c.notices.filter((m): m is KernelSnapshot => (m as { type: string }).type === 'kernel').at(-1);

describe.skipIf(!isLinux)('TCP internals in the OS view (ss -tin)', () => {
  it('reports RTT, MSS, windows and the bytes the peer acknowledged, per connection, agreeing with the socket API', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'x'.repeat(55) } });
    await c.waitFor(
      () => c.events.filter((e) => e.type === 'recv' && e.socketId === client.id).length > 0,
      3000,
      'echo',
    );

    await c.ok({ type: 'kernel.watch', intervalMs: 100, scope: 'playground' });
    await c.waitFor(
      () => latest(c)?.rows.find((r) => r.socketId === client.id)?.tcp?.bytesAcked !== undefined,
      5000,
      'tcp internals of the client',
    );
    const snapshot = latest(c)!;
    if (snapshot.tcpInfo?.available === false) {
      console.warn(`skipped: ${snapshot.tcpInfo.reason}`);
      return;
    }
    expect(snapshot.tcpInfo).toEqual({ available: true, source: 'ss -tin' });
    const tcp = snapshot.rows.find((r) => r.socketId === client.id)?.tcp;
    // Two witnesses agree: the kernel acknowledged exactly the bytes the socket API wrote (+1 for the SYN).
    expect(tcp?.bytesAcked).toBe(55 + 1);
    expect(tcp?.bytesReceived).toBe(55);
    expect(tcp?.rttMs).toBeGreaterThan(0);
    expect(tcp?.mss).toBeGreaterThan(0);
    expect(tcp?.cwnd).toBeGreaterThan(0);
    expect(tcp?.sendWindow).toBeGreaterThan(0);
    expect(tcp?.dataSegsOut).toBeGreaterThanOrEqual(1);
    const listen = snapshot.rows.find((r) => r.socketId === server.id);
    expect(listen?.tcp).toBeUndefined();
  });
});
