import { BridgeTestClient } from '@playground/testkit';
import { afterEach } from 'vitest';
import type { PlaygroundConfig } from '../src/config/config.ts';
import { type Playground, startPlayground } from '../src/index.ts';
import { type Clocks, SYSTEM_CLOCKS } from '../src/time/clock.ts';

/** A test names only the clocks it holds (a `ManualClock`); the other timing rules keep the real one. */
export type PlaygroundOverrides = Omit<Partial<PlaygroundConfig>, 'clocks'> & { clocks?: Partial<Clocks> };

/** Starts bridges on ephemeral loopback ports and closes them (and their clients) after each test. */
export function usePlaygrounds() {
  const started: Playground[] = [];
  const clients: BridgeTestClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(started.splice(0).map((p) => p.close()));
  });
  return {
    async start(overrides: PlaygroundOverrides = {}): Promise<Playground> {
      const clocks = { ...SYSTEM_CLOCKS, ...overrides.clocks };
      const p = await startPlayground({ port: 0, host: '127.0.0.1', ...overrides, clocks });
      started.push(p);
      return p;
    },
    /** A session with the playground's token (the teacher's in LAN mode) unless `token` says otherwise. */
    async client(p: Playground, headers?: Record<string, string>, token = p.token): Promise<BridgeTestClient> {
      const c = await BridgeTestClient.open({ port: p.port, token }, headers);
      clients.push(c);
      return c;
    },
  };
}
