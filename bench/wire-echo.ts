/**
 * 8. The wire view's cost: the bridge's echo server with the session's wire view open (tcpdump
 * capturing every segment of the flood, the bridge parsing them, numbering each and sending at most
 * its per-second share to the page) against the same echo with the view closed, in the same run.
 */
import { captureProblem } from '@playground/server';
import { sleep } from '@playground/testkit';
import { echoSession, NO_RATE_QUOTAS, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import { pct, withCpu } from './lib/cpu.ts';
import type { EchoResult } from './lib/load.ts';
import { childCpuSeconds } from './lib/proc-cpu.ts';
import { type Benchmark, fmt, infoRow, MiB, type Outcome, ratioRow, skipRow } from './lib/report.ts';
import { interleave, until } from './lib/rounds.ts';
import { median, pairedRatio } from './lib/stats.ts';

const NAME = 'echo with the wire view open vs closed';

export const wireEcho: Benchmark = {
  name: 'wire-echo',
  budgetMs: 180_000,
  async run(ctx) {
    const out: Outcome = { rows: [], details: [] };
    const problem = await captureProblem();
    if (problem) {
      out.rows.push(skipRow(NAME, `capture not possible here: ${problem}`));
      return out;
    }
    // Long enough for a flood to be one: the capture switches to blocks a twentieth of a second in.
    const total = (ctx.quick ? 256 : 1024) * MiB;
    const rounds = ctx.quick ? 2 : 4;
    const [bridge, load] = await Promise.all([Child.spawn('host.ts', 'bridge-host'), Child.spawn('load.ts', 'load')]);
    try {
      const { port } = await startBridge(bridge, NO_RATE_QUOTAS);
      const { consumer, echoPort } = await echoSession(port, 65536);
      const echo = () =>
        load.call<EchoResult>('tcp-echo', { port: echoPort, total, writeSize: 64 * 1024, timeoutMs: 120_000 }, 130_000);
      const run = (watching: boolean) => async () => {
        if (watching) {
          await consumer.ok({ type: 'wire.watch' });
          await until(() => consumer.wireState === 'capturing', 10_000, 'the capture to start');
        }
        const before = consumer.segments;
        const captureBefore = childCpuSeconds(bridge.pid, 'tcpdump');
        const { result, busy, ms } = await withCpu([bridge, load], echo);
        const captureCpu = ((childCpuSeconds(bridge.pid, 'tcpdump') - captureBefore) * 1000) / ms;
        if (watching) {
          // The last batch (every 50 ms) carries the count of this watch's segments not shown.
          await sleep(200);
          await consumer.ok({ type: 'wire.unwatch' });
        }
        return {
          rate: result.received / result.ms,
          bridgeCpu: busy[0] as number,
          captureCpu,
          shown: consumer.segments - before,
          notShown: watching ? consumer.segmentsNotShown : 0,
        };
      };
      await echo();
      const runs = await interleave(rounds, run(false), run(true));
      const closed = runs.baseline.map((r) => r.rate);
      const open = runs.subject.map((r) => r.rate);
      out.rows.push(
        ratioRow(
          `${NAME}, 64 KiB writes, ${fmt.size(total)}`,
          fmt.gbps(median(closed)),
          fmt.gbps(median(open)),
          pairedRatio(closed, open),
          { min: 0.9 },
        ),
      );
      const shown = median(runs.subject.map((r) => r.shown));
      const notShown = median(runs.subject.map((r) => r.notShown));
      out.rows.push(
        infoRow(
          'wire view during the flood: segments sent / not shown',
          '—',
          `${fmt.count(shown)} / ${fmt.count(notShown)}`,
        ),
      );
      out.details.push(
        `Wire view: CPU (median, share of one core) of the bridge closed ${pct(median(runs.baseline.map((r) => r.bridgeCpu)))}, open ${pct(median(runs.subject.map((r) => r.bridgeCpu)))}, of tcpdump while open ${pct(median(runs.subject.map((r) => r.captureCpu)))}. A run with the view open sends at most the per-session rate of segments (1000 a second) and counts the rest as not shown.`,
      );
      ctx.log(`closed ${closed.map(fmt.gbps).join(', ')}; open ${open.map(fmt.gbps).join(', ')}`);
      await consumer.close();
    } finally {
      await Promise.all([bridge.stop(), load.stop()]);
    }
    return out;
  },
};
