/**
 * 5. UDP: round trips per second through the engine's instrumented UDP echo (a `datagram-in` and a
 * `datagram-out` event per datagram) against a bare `dgram` echo, same client, 32 datagrams in flight.
 */
import { Child } from './lib/child.ts';
import { pct, withCpu } from './lib/cpu.ts';
import { type Benchmark, fmt, type Outcome, ratioRow } from './lib/report.ts';
import { interleave } from './lib/rounds.ts';
import { median, pairedRatio } from './lib/stats.ts';

interface RoundTrips {
  ms: number;
  completed: number;
  lost: number;
}

export const udp: Benchmark = {
  name: 'udp',
  budgetMs: 180_000,
  async run(ctx) {
    const count = ctx.quick ? 20_000 : 100_000;
    const rounds = ctx.quick ? 2 : 4;
    const out: Outcome = { rows: [], details: [] };
    const [bare, engine, load] = await Promise.all([
      Child.spawn('host.ts', 'bare-host'),
      Child.spawn('host.ts', 'engine-host'),
      Child.spawn('load.ts', 'load'),
    ]);
    try {
      for (const size of [64, 1024]) {
        const { port: barePort } = await bare.call<{ port: number }>('udp-echo:bare', {}, 10_000);
        const { port } = await engine.call<{ port: number }>('udp-echo:engine', { recvSize: 2048 }, 10_000);
        const rr = (host: Child, p: number, n: number) => async () => {
          const { result, busy } = await withCpu([host, load], () =>
            load.call<RoundTrips>('udp-rr', { port: p, size, count: n, window: 32, timeoutMs: 60_000 }, 70_000),
          );
          return { ...result, rate: (result.completed / result.ms) * 1000, server: busy[0] as number };
        };
        await rr(bare, barePort, 5000)();
        await rr(engine, port, 5000)();
        const runs = await interleave(rounds, rr(bare, barePort, count), rr(engine, port, count));
        const b = runs.baseline.map((r) => r.rate);
        const s = runs.subject.map((r) => r.rate);
        const perS = (x: number) => `${fmt.count(Math.round(x))}/s`;
        const name = `udp echo, ${size} B datagrams, ${fmt.count(count)} round trips`;
        out.rows.push(ratioRow(name, perS(median(b)), perS(median(s)), pairedRatio(b, s), { min: 0.8 }));
        const show = (r: { rate: number; server: number; lost: number }) =>
          `${perS(r.rate)} (server ${pct(r.server)}${r.lost > 0 ? `, ${r.lost} lost` : ''})`;
        ctx.log(
          `${name}\n    bare:   ${runs.baseline.map(show).join(', ')}\n    engine: ${runs.subject.map(show).join(', ')}`,
        );
        const lost = [...runs.baseline, ...runs.subject].reduce((n, r) => n + r.lost, 0);
        if (lost > 0)
          out.details.push(
            `UDP ${size} B: ${lost} datagrams lost on loopback and resent (counted as lost, not as round trips).`,
          );
      }
      out.details.push('UDP: 32 datagrams in flight; the engine socket runs the echo behaviour with recvSize 2048.');
    } finally {
      await Promise.all([bare.stop(), engine.stop(), load.stop()]);
    }
    return out;
  },
};
