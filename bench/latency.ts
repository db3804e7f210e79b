/**
 * 4. Latency: one `socket.send` command over the session's WebSocket until the echo's `recv` event
 * comes back, sequentially, against the least a WebSocket→TCP relay can do, measured in the same run
 * in alternating blocks. A bare TCP ping-pong is shown for scale.
 */

import { WebSocket } from 'ws';
import { NO_RATE_QUOTAS, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import { BridgeConsumer } from './lib/consumer.ts';
import { type Benchmark, fmt, infoRow, type Outcome, ratioRow } from './lib/report.ts';
import { deadline } from './lib/rounds.ts';
import { summarize } from './lib/stats.ts';

const PAYLOAD = 'ping from the latency benchmark!'; // 32 bytes
const BLOCK = 500;

/** One round trip at a time through the bare relay; resolves with the round-trip time in µs. */
function relayPinger(ws: WebSocket): () => Promise<number> {
  let got = 0;
  let done: (() => void) | undefined;
  ws.on('message', (data: Buffer) => {
    got += data.length;
    if (got >= PAYLOAD.length) done?.();
  });
  return () =>
    new Promise<number>((resolve) => {
      got = 0;
      const t0 = performance.now();
      done = () => {
        done = undefined;
        resolve((performance.now() - t0) * 1000);
      };
      ws.send(PAYLOAD);
    });
}

/** One `socket.send` at a time through the bridge; the time is until the echo's recv event arrived. */
function bridgePinger(consumer: BridgeConsumer, clientId: string): () => Promise<number> {
  let got = 0;
  let echoed: ((at: number) => void) | undefined;
  consumer.onEvent = (e, at) => {
    if (e.socketId !== clientId || e.type !== 'recv') return;
    got += e.size;
    if (got >= PAYLOAD.length) echoed?.(at);
  };
  return async () => {
    got = 0;
    const t0 = performance.now();
    const echo = new Promise<number>((resolve) => {
      echoed = (at) => {
        echoed = undefined;
        resolve(at);
      };
    });
    // The reply is awaited too (it usually comes first) so that no command overlaps the next one.
    const reply = consumer.request({
      type: 'socket.send',
      socketId: clientId,
      data: { encoding: 'text', value: PAYLOAD },
    });
    const [at, r] = await Promise.all([echo, reply]);
    if (!r.ok) throw new Error(`socket.send failed: ${r.error.message}`);
    return (at - t0) * 1000;
  };
}

async function openWs(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

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
      const relay = relayPinger(relayWs);

      const { port } = await startBridge(bridge, NO_RATE_QUOTAS);
      const consumer = await BridgeConsumer.connect(port);
      const server = await consumer.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 1024 });
      const client = await consumer.ok({
        type: 'tcp.connect',
        host: '127.0.0.1',
        port: server.socket?.local?.port ?? 0,
      });
      const viaBridge = bridgePinger(consumer, client.socket?.id ?? '');

      const relayUs: number[] = [];
      const bridgeUs: number[] = [];
      const run = async (ping: () => Promise<number>, into: number[] | undefined, n: number) => {
        for (let i = 0; i < n; i++) {
          const us = await ping();
          into?.push(us);
        }
      };
      await deadline(
        (async () => {
          await run(relay, undefined, 300);
          await run(viaBridge, undefined, 300);
          for (let block = 0; relayUs.length < count; block++) {
            const n = Math.min(BLOCK, count - relayUs.length);
            if (block % 2 === 0) {
              await run(relay, relayUs, n);
              await run(viaBridge, bridgeUs, n);
            } else {
              await run(viaBridge, bridgeUs, n);
              await run(relay, relayUs, n);
            }
          }
        })(),
        120_000,
        'latency round trips',
      );
      const tcp = summarize(
        await load.call<number[]>('tcp-pingpong', { port: echoPort, size: 32, count, timeoutMs: 60_000 }, 70_000),
      );
      const r = summarize(relayUs);
      const b = summarize(bridgeUs);
      const show = (s: typeof r) => `p50 ${fmt.us(s.p50)}, p99 ${fmt.us(s.p99)}`;
      out.rows.push(
        ratioRow(`latency: send → echo event, ${fmt.count(count)} sequential, p50`, show(r), show(b), b.p50 / r.p50, {
          max: 1.5,
        }),
        infoRow('latency: p99 (same runs)', fmt.us(r.p99), fmt.us(b.p99), fmt.ratio(b.p99 / r.p99)),
        infoRow('latency: bare TCP ping-pong, for scale', '—', show(tcp)),
      );
      out.details.push(
        `Latency: baseline = a bare ws relay (text message → TCP write to a bare echo server in the same process → each chunk back as a message); subject = \`socket.send\` on a session's TCP client connected to the session's echo server, timed until the client's \`recv\` event arrives; ${count} each, alternating blocks of ${BLOCK}; max ${fmt.us(r.max)} vs ${fmt.us(b.max)}.`,
      );
      relayWs.close();
      await consumer.close();
    } finally {
      await Promise.all([bridge.stop(), load.stop()]);
    }
    return out;
  },
};
