/**
 * 2. Through the bridge: the engine echo server started by a session's `tcp.listen`, a plain `net`
 * client outside the bridge, and the session's own WebSocket consumer (standing in for the browser)
 * receiving every batch. Against the bare Node echo server with the same client.
 */
import { describePatch, echoSession, NO_RATE_QUOTAS, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import { pct, withCpu } from './lib/cpu.ts';
import { type EchoResult, wallNow } from './lib/load.ts';
import { type Benchmark, checkRow, fmt, infoRow, MiB, type Outcome, ratioRow } from './lib/report.ts';
import { interleave, until } from './lib/rounds.ts';
import { median, pairedRatio } from './lib/stats.ts';

export const bridgeEcho: Benchmark = {
  name: 'bridge-echo',
  budgetMs: 240_000,
  async run(ctx) {
    const total = (ctx.quick ? 32 : 256) * MiB;
    const rounds = ctx.quick ? 2 : 4;
    const out: Outcome = { rows: [], details: [] };
    const [bare, bridge, load] = await Promise.all([
      Child.spawn('host.ts', 'bare-host'),
      Child.spawn('host.ts', 'bridge-host'),
      Child.spawn('load.ts', 'load'),
    ]);
    try {
      const { port: barePort } = await bare.call<{ port: number }>('tcp-echo:bare', {}, 10_000);
      const { port, applied } = await startBridge(bridge, NO_RATE_QUOTAS);
      const session = await echoSession(port, 65536);
      const { consumer, accepted, echoPort } = session;
      const mismatches: string[] = [];

      const echo = (p: number, writeSize: number) =>
        load.call<EchoResult>('tcp-echo', { port: p, total, writeSize, timeoutMs: 120_000 }, 130_000);
      const baseline = (writeSize: number) => async () => {
        const { result, busy } = await withCpu([bare, load], () => echo(barePort, writeSize));
        return {
          rate: result.received / result.ms,
          cpu: busy[0] as number,
          client: busy[1] as number,
          consumer: undefined as number | undefined,
          lagMs: 0,
        };
      };
      // The subject's time runs until the consumer also holds the final counters: bytes the browser
      // has not been told about are not done yet.
      const subject = (writeSize: number) => async () => {
        const next = accepted.length;
        const mine = process.cpuUsage();
        const { result, busy, ms } = await withCpu([bridge, load], async () => {
          const r = await echo(echoPort, writeSize);
          const exact = () => {
            const c = consumer.counters.get(accepted[next] ?? '');
            return c !== undefined && c.bytesIn === r.sent && c.bytesOut === r.received;
          };
          await until(exact, 60_000, 'the consumer to hold the final counters').catch(() => {
            const c = consumer.counters.get(accepted[next] ?? '');
            mismatches.push(`sent ${r.sent}, echoed ${r.received}, counters said ${JSON.stringify(c)}`);
          });
          return { ...r, lagMs: Math.max(0, wallNow() - r.endWall) };
        });
        const used = process.cpuUsage(mine);
        return {
          rate: result.received / (result.ms + result.lagMs),
          cpu: busy[0] as number,
          client: busy[1] as number,
          consumer: (used.user + used.system) / 1000 / ms,
          lagMs: result.lagMs,
        };
      };

      for (const writeSize of [64 * 1024, 1024]) {
        await echo(barePort, writeSize);
        await echo(echoPort, writeSize);
        const runs = await interleave(rounds, baseline(writeSize), subject(writeSize));
        const b = runs.baseline.map((r) => r.rate);
        const s = runs.subject.map((r) => r.rate);
        const name = `bridge echo + WS consumer, ${fmt.size(writeSize)} writes, ${fmt.size(total)}`;
        out.rows.push(ratioRow(name, fmt.gbps(median(b)), fmt.gbps(median(s)), pairedRatio(b, s), { min: 0.85 }));
        const show = (r: { rate: number; cpu: number; client: number; consumer?: number; lagMs: number }) =>
          `${fmt.gbps(r.rate)} (server ${pct(r.cpu)}, client ${pct(r.client)}${r.consumer === undefined ? '' : `, consumer ${pct(r.consumer)}`}${r.lagMs > 0 ? `, consumer done +${fmt.ms(r.lagMs)}` : ''})`;
        ctx.log(
          `${name}\n    bare:   ${runs.baseline.map(show).join(', ')}\n    bridge: ${runs.subject.map(show).join(', ')}`,
        );
        const med = (xs: number[]) => pct(median(xs));
        out.details.push(
          `${fmt.size(writeSize)} writes: CPU busy (median, share of one core): bare server ${med(runs.baseline.map((r) => r.cpu))}, client ${med(runs.baseline.map((r) => r.client))}; bridge ${med(runs.subject.map((r) => r.cpu))}, client ${med(runs.subject.map((r) => r.client))}, consumer ${med(runs.subject.map((r) => r.consumer ?? 0))}.`,
        );
      }
      const runsDone = accepted.length;
      out.rows.push(
        checkRow(
          'bridge echo: consumer counters = bytes echoed',
          `${runsDone} connections`,
          mismatches.length === 0 ? 'all exact' : `${mismatches.length} wrong`,
          'exact',
          mismatches.length === 0 && runsDone > 0,
        ),
      );
      const mem = await bridge.call<{ maxRss: number }>('memory', {}, 5000);
      out.rows.push(infoRow('bridge echo: bridge peak RSS', '—', fmt.mb(mem.maxRss)));
      out.details.push(
        `Bridge echo: recv(65536) echo server in the session; the consumer parsed ${fmt.count(consumer.messages)} messages (${fmt.mb(consumer.bytes)}) with ${fmt.count(consumer.events)} events; ${fmt.count(consumer.folded)} byte events folded (counted, not sent); ${describePatch(applied)}.`,
      );
      for (const m of mismatches) out.details.push(`Counter mismatch: ${m}`);
      if (consumer.problems.length > 0)
        out.details.push(`Bridge reported: ${consumer.problems.slice(0, 3).join(' | ')}`);
      await consumer.close();
    } finally {
      await Promise.all([bare.stop(), bridge.stop(), load.stop()]);
    }
    return out;
  },
};
