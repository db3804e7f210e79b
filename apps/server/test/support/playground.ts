import { afterEach } from 'vitest';
import type { PlaygroundConfig } from '../../src/config.ts';
import { type Playground, startPlayground } from '../../src/index.ts';
import { BridgeTestClient } from './bridge-client.ts';

/** Starts bridges on ephemeral loopback ports and closes them (and their clients) after each test. */
export function usePlaygrounds() {
  const started: Playground[] = [];
  const clients: BridgeTestClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(started.splice(0).map((p) => p.close()));
  });
  return {
    async start(overrides: Partial<PlaygroundConfig> = {}): Promise<Playground> {
      const p = await startPlayground({ port: 0, ...overrides });
      started.push(p);
      return p;
    },
    async client(p: Playground, headers?: Record<string, string>): Promise<BridgeTestClient> {
      const origin = `http://127.0.0.1:${p.port}`;
      const c = await BridgeTestClient.connect(`ws://127.0.0.1:${p.port}/ws`, { origin, ...headers });
      clients.push(c);
      return c;
    },
  };
}
