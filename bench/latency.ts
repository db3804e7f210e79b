/**
 * 4. Latency: one `socket.send` command over the session's WebSocket until the echo's `recv` event
 * comes back, sequentially, against the least a WebSocket→TCP relay can do, measured in the same run
 * in alternating blocks. A bare TCP ping-pong is shown for scale.
 */

import { NO_RATE_QUOTAS, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import { BridgeConsumer } from './lib/consumer.ts';
import { bridgePinger, interleavedPings, openWs, proxyPinger, WARM_UP } from './lib/pingers.ts';
import { type Benchmark, fmt, infoRow, type Outcome, ratioRow } from './lib/report.ts';
import { deadline } from './lib/rounds.ts';
import { summarize } from './lib/stats.ts';

const PAYLOAD = 'ping from the latency benchmark!'; // 32 bytes
const BLOCK = 500;

export const latency: Benchmark = {
  name: 'latency',
  budgetMs: 180_000,
  async run(ctx) {
    const count = ctx.quick ? 1000 : 10_000;
    const out: Outcome = { rows: [], details: [] };
    // The relay lives in the bridge's process: where the scheduler puts a process relative to the
    // consumer (same core or not) changes a round trip by 2× on this VM, and must not differ between
    // baseline and subject.
    const [bridge, load] = await Promise.all([Child.spawn('host.ts', 'bridge-host'), Child.spawn('load.ts', 'load')]);
    try {
      const { port: relayPort } = await bridge.call<{ port: number }>('relay', {}, 10_000);
      const { port: echoPort } = await bridge.call<{ port: number }>('tcp-echo:bare', {}, 10_000);
      const relayWs = await openWs(`ws://127.0.0.1:${relayPort}`);
      const relay = proxyPinger(relayWs, Buffer.from(PAYLOAD), false);

      const { port } = await startBridge(bridge, NO_RATE_QUOTAS);
      const consumer = await BridgeConsumer.connect(port);
      const server = await consumer.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 1024 });
      const client = await consumer.ok({
        type: 'tcp.connect',
        host: '127.0.0.1',
        port: server.socket?.local?.port ?? 0,
      });
      const viaBridge = bridgePinger(consumer, client.socket?.id ?? '', PAYLOAD);
      const [relayUs, bridgeUs] = await deadline(
        interleavedPings([relay, viaBridge], count, BLOCK, WARM_UP),
        120_000,
        'latency round trips',
      );
      const tcp = summarize(
        await load.call<number[]>('tcp-pingpong', { port: echoPort, size: 32, count, timeoutMs: 60_000 }, 70_000),
      );
      const r = summarize(relayUs as number[]);
      const b = summarize(bridgeUs as number[]);
      const show = (s: typeof r) => `p50 ${fmt.us(s.p50)}, p99 ${fmt.us(s.p99)}`;
      out.rows.push(
        ratioRow(`latency: send → echo event, ${fmt.count(count)} sequential, p50`, show(r), show(b), b.p50 / r.p50, {
          max: 1.5,
        }),
        ratioRow('latency: p99 (same runs)', fmt.us(r.p99), fmt.us(b.p99), b.p99 / r.p99, { max: 2 }),
        infoRow('latency: bare TCP ping-pong, for scale', '—', show(tcp)),
      );
      out.details.push(
        `Latency: baseline = a bare ws relay (text message → TCP write to a bare echo server in the same process → each chunk back as a message); subject = \`socket.send\` on a session's TCP client connected to the session's echo server, timed until the client's \`recv\` event arrives; ${count} each, alternating blocks of ${BLOCK} after ${WARM_UP} each to warm up; max ${fmt.us(r.max)} vs ${fmt.us(b.max)}.`,
      );
      relayWs.close();
      await consumer.close();
    } finally {
      await Promise.all([bridge.stop(), load.stop()]);
    }
    return out;
  },
};
