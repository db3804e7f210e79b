import type { Child } from './child.ts';

interface CpuUsage {
  user: number;
  system: number;
}

/**
 * Runs `work` and reports how busy each helper was meanwhile, as a fraction of one core. A run where
 * the server was not busy was waiting on something (the network, the peer, a timer), not computing,
 * which is the first thing to know about a slow result.
 */
export async function withCpu<T>(
  helpers: Child[],
  work: () => Promise<T>,
): Promise<{ result: T; busy: number[]; ms: number }> {
  const before = await Promise.all(helpers.map((h) => h.call<CpuUsage>('cpu', {}, 5000)));
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const after = await Promise.all(helpers.map((h) => h.call<CpuUsage>('cpu', {}, 5000)));
  const busy = after.map((a, i) => {
    const b = before[i] as CpuUsage;
    return (a.user - b.user + a.system - b.system) / 1000 / ms;
  });
  return { result, busy, ms };
}

export const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;
