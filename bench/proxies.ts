/**
 * 5. Plain proxies side by side: 64-byte round trips to one bare Node TCP echo server (a process of
 * its own) through websockify (Debian's package, a process of its own) and through the bridge (a
 * session's TCP client connected to the same echo server: `socket.send` until its `recv` event), in
 * alternating blocks. The bridge instruments every read and write and sends typed events; a plain
 * proxy only moves bytes, so this is the price a learner could feel.
 */
import { describePatch, NO_RATE_QUOTAS, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import { BridgeConsumer } from './lib/consumer.ts';
import { pct } from './lib/cpu.ts';
import { bridgePinger, interleavedPings, openWs, proxyPinger, WARM_UP } from './lib/pingers.ts';
import { treeCpuUs } from './lib/processes.ts';
import { type Benchmark, fmt, type Outcome, ratioRow, skipRow } from './lib/report.ts';
import { deadline } from './lib/rounds.ts';
import { summarize } from './lib/stats.ts';
import { hasWebsockify, startWebsockify, websockifyVersion } from './lib/websockify.ts';

const PAYLOAD = 'sixty-four bytes from the proxies benchmark, a round trip each..';
const BLOCK = 250;
const ROW = 'proxies: 64 B round trips via websockify vs the bridge';

export const proxies: Benchmark = {
  name: 'proxies',
  budgetMs: 120_000,
  async run(ctx) {
    const out: Outcome = { rows: [], details: [] };
    if (!hasWebsockify()) {
      out.rows.push(skipRow(ROW, 'skipped: websockify is not installed (apt-get install websockify)'));
      return out;
    }
    const count = ctx.quick ? 1000 : 3000;
    const [echoHost, bridge] = await Promise.all([
      Child.spawn('host.ts', 'echo-host'),
      Child.spawn('host.ts', 'bridge-host'),
    ]);
    let stopWebsockify: (() => void) | undefined;
    try {
      const { port: echoPort } = await echoHost.call<{ port: number }>('tcp-echo:bare', {}, 10_000);
      const websockify = await startWebsockify(echoPort);
      stopWebsockify = websockify.stop;
      const plainWs = await openWs(`ws://127.0.0.1:${websockify.port}`);
      const viaWebsockify = proxyPinger(plainWs, Buffer.from(PAYLOAD), true);

      const { port, applied } = await startBridge(bridge, NO_RATE_QUOTAS);
      const consumer = await BridgeConsumer.connect(port);
      const client = await consumer.ok({ type: 'tcp.connect', host: '127.0.0.1', port: echoPort });
      const viaBridge = bridgePinger(consumer, client.socket?.id ?? '', PAYLOAD);

      await deadline(interleavedPings([viaWebsockify, viaBridge], 0, BLOCK, WARM_UP), 60_000, 'warming up');
      const cpu0 = await bridge.call<{ user: number; system: number }>('cpu', {}, 5000);
      const wsCpu0 = treeCpuUs(websockify.pid);
      const t0 = performance.now();
      const [w, b] = await deadline(
        interleavedPings([viaWebsockify, viaBridge], count, BLOCK, 0),
        90_000,
        'proxy round trips',
      );
      const cpu1 = await bridge.call<{ user: number; system: number }>('cpu', {}, 5000);
      const bridgeCpuUs = cpu1.user - cpu0.user + cpu1.system - cpu0.system;
      const wsCpu1 = treeCpuUs(websockify.pid);
      const wsCpu = wsCpu0 !== undefined && wsCpu1 !== undefined ? `${fmt.us((wsCpu1 - wsCpu0) / count)}` : 'unknown';
      const wall = performance.now() - t0;
      const ws = summarize(w as number[]);
      const br = summarize(b as number[]);
      out.rows.push(
        ratioRow(`${ROW}, ${fmt.count(count)} each, p50`, fmt.us(ws.p50), fmt.us(br.p50), br.p50 / ws.p50, {
          max: 1,
        }),
        ratioRow(`${ROW}: p99 (same runs)`, fmt.us(ws.p99), fmt.us(br.p99), br.p99 / ws.p99, { max: 1.5 }),
      );
      out.details.push(
        `Proxies: websockify ${websockifyVersion()} (\`websockify 127.0.0.1:P 127.0.0.1:ECHO\`, binary frames) and the bridge, each in its own process, to one bare Node echo server in a third; ${count} round trips each in alternating blocks of ${BLOCK} after ${WARM_UP} each to warm up; websockify p95 ${fmt.us(ws.p95)}, max ${fmt.us(ws.max)}; bridge p95 ${fmt.us(br.p95)}, max ${fmt.us(br.max)}; CPU time per round trip: websockify ${wsCpu}, the bridge ${fmt.us(bridgeCpuUs / count)} (${pct(bridgeCpuUs / 1000 / wall)} busy over both proxies' rounds); ${describePatch(applied)}.`,
      );
      plainWs.close();
      await consumer.close();
    } finally {
      stopWebsockify?.();
      await Promise.all([echoHost.stop(), bridge.stop()]);
    }
    return out;
  },
};
