/**
 * 3. A flood while the browser reads slowly: 1 GiB echoed through a session whose WebSocket consumer
 * reads at a fixed, low pace. The outbox stops the session's sockets reading while the WebSocket is
 * backed up and folds byte events beyond its per-flush budget (counts them, does not send them);
 * the bridge's memory must stay bounded and the counters exact.
 */
import { describePatch, echoSession, NO_RATE_QUOTAS, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import type { EchoResult } from './lib/load.ts';
import { type Benchmark, checkRow, fmt, GiB, infoRow, MiB, type Outcome } from './lib/report.ts';
import { until } from './lib/rounds.ts';

/** A page this slow gets roughly one full batch (≈2.7 MB of JSON) every quarter of a second. */
const CONSUMER_BYTES_PER_SECOND = 10e6;
const PEAK_RSS_LIMIT = 200e6;

export const slowBrowser: Benchmark = {
  name: 'slow-browser',
  budgetMs: 240_000,
  async run(ctx) {
    const total = ctx.quick ? 128 * MiB : GiB;
    const out: Outcome = { rows: [], details: [] };
    const [bridge, load] = await Promise.all([Child.spawn('host.ts', 'bridge-host'), Child.spawn('load.ts', 'load')]);
    try {
      const { port, applied } = await startBridge(bridge, {
        ...NO_RATE_QUOTAS,
        ...JSON.parse(process.env.BENCH_PATCH ?? '{}'),
      });
      const idle = await bridge.call<{ rss: number }>('memory', {}, 5000);
      if (process.env.BENCH_WATCH_MEMORY) await bridge.call('watchMemory', {}, 5000);
      const { consumer, accepted, echoPort } = await echoSession(port, 65536);
      consumer.throttle(CONSUMER_BYTES_PER_SECOND);
      const r = await load.call<EchoResult>(
        'tcp-echo',
        { port: echoPort, total, writeSize: 64 * 1024, timeoutMs: 200_000 },
        210_000,
      );
      let exact = true;
      const conn = () => consumer.counters.get(accepted[0] ?? '');
      await until(() => conn()?.bytesOut === r.received, 30_000, 'final counters').catch(() => {
        exact = false;
      });
      const c = conn();
      exact = exact && c !== undefined && c.bytesIn === r.sent && c.bytesOut === r.received;
      const mem = await bridge.call<{ maxRss: number }>('memory', {}, 5000);
      if (process.env.BENCH_WATCH_MEMORY)
        ctx.log(`bridge memory maxima: ${JSON.stringify(await bridge.call('watchedMemory', {}, 5000))}`);

      out.rows.push(
        checkRow(
          `slow browser: bridge peak RSS, ${fmt.size(total)} flood`,
          `${fmt.mb(idle.rss)} idle`,
          fmt.mb(mem.maxRss),
          `< ${fmt.mb(PEAK_RSS_LIMIT)}`,
          mem.maxRss < PEAK_RSS_LIMIT,
        ),
        checkRow(
          'slow browser: counters exact',
          `${fmt.size(total)} echoed`,
          exact ? 'exact' : `wrong: ${JSON.stringify(c)}`,
          'exact',
          exact,
        ),
        infoRow(
          'slow browser: events sent / folded',
          fmt.count(consumer.events),
          `${fmt.count(consumer.folded)} folded`,
        ),
        infoRow(
          'slow browser: echo throughput',
          `consumer ${fmt.mb(CONSUMER_BYTES_PER_SECOND)}/s`,
          fmt.gbps(r.received / r.ms),
        ),
      );
      out.details.push(
        `Slow browser: the consumer read ${fmt.mb(consumer.bytes)} in ${fmt.count(consumer.messages)} messages at ≤ ${fmt.mb(CONSUMER_BYTES_PER_SECOND)}/s while ${fmt.size(total)} was echoed in ${(r.ms / 1000).toFixed(1)} s; final counters ${JSON.stringify(c)}; ${describePatch(applied)}.`,
      );
      if (consumer.problems.length > 0)
        out.details.push(`Bridge reported: ${consumer.problems.slice(0, 3).join(' | ')}`);
      await consumer.close();
    } finally {
      await Promise.all([bridge.stop(), load.stop()]);
    }
    return out;
  },
};
