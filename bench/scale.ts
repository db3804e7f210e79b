/**
 * 6. Scale: 50 sessions, each with an echo server and 20 TCP connections to it (both ends in the
 * bridge), every connection sending a small message twice a second through `socket.send`. Reports
 * the bridge's memory per connection and the lag from each command to the echo's `recv` event.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sleep } from '@playground/testkit';
import { describePatch, MANY_SESSIONS, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import { BridgeConsumer } from './lib/consumer.ts';
import { pct } from './lib/cpu.ts';
import { type Benchmark, checkRow, fmt, infoRow, type Outcome } from './lib/report.ts';
import { until } from './lib/rounds.ts';
import { summarize } from './lib/stats.ts';

const SESSIONS = 50;
const CONNECTIONS = 20;
const EVERY_MS = 500;
const LAG_LIMIT_MS = 100;
const MESSAGE = 'scale benchmark message, 64 bytes long, sent twice a second.....';

interface Memory {
  rss: number;
  heapUsed: number;
}

interface Conn {
  session: BridgeConsumer;
  id: string;
  /** Which of its session's connections this is. */
  nth: number;
  sentAt: number | undefined;
  got: number;
}

export const scale: Benchmark = {
  name: 'scale',
  budgetMs: 180_000,
  async run(ctx) {
    const seconds = ctx.quick ? 4 : 10;
    const out: Outcome = { rows: [], details: [] };
    const bridge = await Child.spawn('host.ts', 'bridge-host');
    const sessions: BridgeConsumer[] = [];
    const errors: string[] = [];
    try {
      const { port, applied } = await startBridge(bridge, MANY_SESSIONS);
      const memory = () => bridge.call<Memory>('memory', { gc: true }, 10_000);
      const m0 = await memory();
      const servers: Array<{ session: BridgeConsumer; port: number }> = [];
      for (let i = 0; i < SESSIONS; i++) {
        const session = await BridgeConsumer.connect(port);
        sessions.push(session);
        const { socket } = await session.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 1024 });
        servers.push({ session, port: socket?.local?.port ?? 0 });
      }
      const m1 = await memory();
      const conns = new Map<string, Conn>();
      await Promise.all(
        servers.map(async ({ session, port: p }) => {
          for (let c = 0; c < CONNECTIONS; c++) {
            const { socket } = await session.ok({ type: 'tcp.connect', host: '127.0.0.1', port: p });
            const id = socket?.id ?? '';
            conns.set(`${sessions.indexOf(session)}/${id}`, { session, id, nth: c, sentAt: undefined, got: 0 });
          }
        }),
      );
      await sleep(200);
      const m2 = await memory();

      const lags: number[] = [];
      let sent = 0;
      sessions.forEach((session, i) => {
        session.onEvent = (e, at) => {
          const conn = conns.get(`${i}/${e.socketId}`);
          if (!conn || e.type !== 'recv' || conn.sentAt === undefined) return;
          conn.got += e.size;
          if (conn.got < MESSAGE.length) return;
          lags.push(at - conn.sentAt);
          conn.sentAt = undefined;
          conn.got = 0;
        };
      });
      // Round-robin over the sessions, so each tick's senders are spread over sessions as independent
      // learners would be, rather than one session firing all its connections at once.
      const all = [...conns.values()].sort((a, b) => a.nth - b.nth);
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const cpu0 = await bridge.call<{ user: number; system: number }>('cpu', {}, 5000);
      const mine0 = process.cpuUsage();
      const t0 = performance.now();
      const end = t0 + seconds * 1000;
      const perTick = Math.ceil(all.length / (EVERY_MS / 10));
      let next = 0;
      // Every 10 ms a slice of the connections sends, so the load is even rather than in bursts.
      while (performance.now() < end) {
        for (let k = 0; k < perTick; k++, next = (next + 1) % all.length) {
          const conn = all[next] as Conn;
          if (conn.sentAt !== undefined) continue; // still waiting for its echo: counted below if it never comes
          conn.sentAt = performance.now();
          sent++;
          conn.session.fire(
            { type: 'socket.send', socketId: conn.id, data: { encoding: 'text', value: MESSAGE } },
            (r) => {
              if (!r.ok) errors.push(`socket.send: ${r.error.code} ${r.error.message}`);
            },
          );
        }
        await sleep(10);
      }
      await until(() => all.every((c) => c.sentAt === undefined), 10_000, 'the last echoes').catch(() => {
        errors.push(`${all.filter((c) => c.sentAt !== undefined).length} echoes never arrived`);
      });
      const wall = performance.now() - t0;
      loopDelay.disable();
      const cpu1 = await bridge.call<{ user: number; system: number }>('cpu', {}, 5000);
      const mine = process.cpuUsage(mine0);
      const bridgeBusy = (cpu1.user - cpu0.user + cpu1.system - cpu0.system) / 1000 / wall;
      const runnerBusy = (mine.user + mine.system) / 1000 / wall;
      const m3 = await memory();
      for (const s of sessions) errors.push(...s.problems);
      const lag = summarize(lags);
      const connections = SESSIONS * CONNECTIONS;
      const perConn = (m2.rss - m1.rss) / connections;
      const perConnHeap = (m2.heapUsed - m1.heapUsed) / connections;
      out.rows.push(
        infoRow(
          `scale: memory per connection (${SESSIONS} sessions × ${CONNECTIONS})`,
          `${fmt.mb(m1.rss)} with ${SESSIONS} sessions`,
          `${fmt.kb(perConn)} RSS, ${fmt.kb(perConnHeap)} heap`,
        ),
        checkRow(
          `scale: command → echo event lag, ${fmt.count(lags.length)} sends`,
          `p50 ${fmt.ms(lag.p50)}`,
          `p99 ${fmt.ms(lag.p99)}`,
          `p99 < ${LAG_LIMIT_MS} ms`,
          lag.p99 < LAG_LIMIT_MS,
        ),
        checkRow('scale: errors', `${fmt.count(sent)} sends`, `${errors.length} errors`, '0', errors.length === 0),
      );
      out.details.push(
        `Scale: bridge RSS ${fmt.mb(m0.rss)} idle, ${fmt.mb(m1.rss)} with ${SESSIONS} sessions, ${fmt.mb(m2.rss)} with ${connections} connections (${2 * connections} engine sockets), ${fmt.mb(m3.rss)} after ${seconds} s of traffic (${fmt.count(Math.round(sent / seconds))} sends/s); lag max ${fmt.ms(lag.max)}; the bridge was ${pct(bridgeBusy)} busy, the 50 consumers (this process) ${pct(runnerBusy)}, whose own event-loop delay p99 was ${fmt.ms(loopDelay.percentile(99) / 1e6)}; ${describePatch(applied)}.`,
      );
      for (const e of errors.slice(0, 5)) out.details.push(`Scale error: ${e}`);
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
      await bridge.stop();
    }
    return out;
  },
};
