import { openDeafSession, sleep, textFrame } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { type BridgeProcess, startBridgeProcess } from './support/bridge-process.ts';
import { EchoProbe, percentile } from './support/echo-probe.ts';

const MiB = 1024 * 1024;
const FLOOD_MS = 20_000;

/**
 * The bridge's RSS with its garbage collected, the median of five readings. An idle process has no
 * reason to collect (a busy bridge soon would), so without this a reading says more about when V8
 * last ran than about what the bridge holds.
 */
async function settledRss(bridge: BridgeProcess): Promise<number> {
  await bridge.collectGarbage();
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(await bridge.rss());
    await sleep(100);
  }
  return percentile(samples, 50);
}

describe('a page that floods commands and never reads the replies', () => {
  // How long another session's echo takes meanwhile is a speed target: `pnpm bench -- --only command-flood`.
  it('cannot grow the bridge by 64 MiB, leaves it within 10 % of its memory after, and another session is served throughout', async () => {
    const bridge = await startBridgeProcess();
    const probe = await EchoProbe.open(bridge.port, bridge.token);
    try {
      // Warm up: the probe's session, JIT, a few thousand echoes; then the baseline.
      await probe.sample(2000, { intervalMs: 1 });
      await sleep(500);
      const baseline = await settledRss(bridge);

      // `{}` draws a ~200-byte bad_command reply: 25 times what it costs to send.
      const frames = Buffer.concat(Array.from({ length: 8192 }, () => textFrame('{}')));
      const deaf = await openDeafSession(bridge.port, bridge.token);
      const floodEnds = performance.now() + FLOOD_MS;
      let peak = baseline;
      let tooMuch = false;
      const watching = (async () => {
        while (performance.now() < floodEnds && !tooMuch) {
          peak = Math.max(peak, await bridge.rss());
          // A bridge that keeps growing would take the machine with it; the test has seen enough.
          tooMuch = peak - baseline > 256 * MiB;
          await sleep(200);
        }
      })();
      const [{ latencies, lost }, written] = await Promise.all([
        probe.sample(FLOOD_MS, { intervalMs: 5 }),
        deaf.sendAll(frames, floodEnds).finally(() => {
          tooMuch = true;
        }),
        watching,
      ]);
      deaf.socket.destroy();

      // The flooding session goes away, and with it everything it held. V8 and malloc give memory
      // back to the system in their own time, so the reading is repeated for a while.
      const deadline = performance.now() + 20_000;
      while ((await bridge.sessions()) > 1 && performance.now() < deadline) await sleep(200);
      let after = await settledRss(bridge);
      while (after > baseline * 1.1 && performance.now() < deadline) {
        await sleep(1000);
        after = await settledRss(bridge);
      }
      const mb = (n: number) => `${(n / MiB).toFixed(1)} MiB`;
      const summary = `baseline ${mb(baseline)}, peak ${mb(peak)}, after ${mb(after)}, flood ${mb(written)} written, ${latencies.length} echoes, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`;
      expect(written, summary).toBeGreaterThan(MiB);
      expect(peak - baseline, summary).toBeLessThan(64 * MiB);
      expect(after, summary).toBeLessThanOrEqual(baseline * 1.1);
      expect(await bridge.sessions(), summary).toBe(1);
      expect(latencies.length, summary).toBeGreaterThan(100);
      expect(lost, `${summary}: pings of the other session never echoed`).toBe(0);
    } finally {
      await probe.close();
      await bridge.stop();
    }
  }, 90_000);
});
