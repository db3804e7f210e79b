import net from 'node:net';
import type { BridgeTestClient } from '@playground/testkit';
import { until } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config/config.ts';
import { usePlaygrounds } from '../testing/playground.ts';
import { canCountFds, openFds } from './support/os.ts';

const CONNECTIONS = 1000;
const LISTENERS = 100;
/** Connections opened at once: each is two sockets (client and accepted), well inside maxSockets. */
const BATCH = 50;
/** Descriptors the test may legitimately leave (e.g. a lazily opened one of the runtime). */
const FD_SLACK = 5;

async function openAndCloseListeners(c: BridgeTestClient): Promise<number[]> {
  const ports: number[] = [];
  const perRound = DEFAULT_LIMITS.maxServers;
  for (let done = 0; done < LISTENERS; done += perRound) {
    const made = await Promise.all(
      Array.from({ length: perRound }, () => c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })),
    );
    ports.push(...made.map((r) => r.socket!.local!.port));
    await Promise.all(made.map((r) => c.ok({ type: 'socket.close', socketId: r.socket!.id })));
  }
  return ports;
}

async function openAndCloseConnections(c: BridgeTestClient): Promise<void> {
  const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
  const port = server.local!.port;
  for (let done = 0; done < CONNECTIONS; done += BATCH) {
    const clients = await Promise.all(
      Array.from({ length: BATCH }, () => c.ok({ type: 'tcp.connect', host: '127.0.0.1', port })),
    );
    await Promise.all(clients.map((r) => c.ok({ type: 'socket.close', socketId: r.socket!.id })));
    // Both ends of every connection closed (the echo closes its side when the client's FIN arrives),
    // plus the listener's own sockets: opened sockets are numbered, so counting closed ones is enough.
    await c.waitFor(() => c.closedSockets.size >= LISTENERS + 2 * (done + BATCH), 5000, 'both ends closed');
  }
  await c.ok({ type: 'socket.close', socketId: server.id });
}

function bindAndRelease(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

describe('leaks', () => {
  const pg = usePlaygrounds();

  it('1,000 TCP connections and 100 listeners later: descriptors back to baseline, ports bind again, no sessions', async () => {
    const p = await pg.start();
    const baseline = openFds();
    const c = await pg.client(p);
    const ports = await openAndCloseListeners(c);
    expect(ports).toHaveLength(LISTENERS);
    await openAndCloseConnections(c);
    const accepts = c.events.filter((e) => e.type === 'accept').length;
    expect(accepts).toBe(CONNECTIONS);
    await c.close();
    await until(() => p.sessionCount() === 0, 'no sessions left');

    // A closed listener's port may be handed out again, so some ports repeat; each must bind now.
    for (const port of new Set(ports)) await bindAndRelease(port);
    if (canCountFds) {
      await until(() => (openFds() as number) <= (baseline as number) + FD_SLACK, 'descriptors back to baseline');
    }
  }, 40_000);
});
