/**
 * 9. Hostile pages beside a learner's session. One floods commands and never reads the replies
 * (each `{}` draws a ~200-byte `bad_command` reply); one sends a megabyte of deeply nested JSON
 * every 70 ms (refused by a scan before JSON.parse would spend tens of milliseconds on it). The
 * bridge must keep serving everyone else: another session's send → echo round trips during each
 * attack, against the same round trips with the bridge idle, measured in the same run. (That every
 * hostile message is refused, what a flood may cost in memory and that the bridge gives it back,
 * are tests: apps/server/test/flood.test.ts, command-cost.test.ts.)
 */
import { hostileMessages, openDeafSession, sleep, textFrame } from '@playground/testkit';
import { echoSession, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import { BridgeConsumer } from './lib/consumer.ts';
import { bridgePinger, type Pinger, WARM_UP } from './lib/pingers.ts';
import { type Benchmark, checkRow, fmt, infoRow, type Outcome } from './lib/report.ts';
import { deadline } from './lib/rounds.ts';
import { summarize } from './lib/stats.ts';

const PAYLOAD = 'ping beside a flood of commands!';
/** The most another learner's echo may take while a page floods: still feels instant in class. */
const P99_LIMIT_MS = 100;
/** What a megabyte of nested JSON every 70 ms may add to another session's median echo. */
const HOSTILE_P50_EXTRA_MS = 5;

/** Sequential round trips (µs) for `ms`, at most `max`. */
async function pingFor(ping: Pinger, ms: number, max: number): Promise<number[]> {
  const samples: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end && samples.length < max) samples.push(await ping());
  return samples;
}

export const commandFlood: Benchmark = {
  name: 'command-flood',
  budgetMs: 120_000,
  async run(ctx) {
    const floodMs = ctx.quick ? 5000 : 20_000;
    const out: Outcome = { rows: [], details: [] };
    const bridge = await Child.spawn('host.ts', 'bridge-host');
    try {
      // The bridge's defaults: the quotas that bound a flooding page are part of what is measured.
      const { port, token } = await startBridge(bridge, {});
      const { consumer, echoPort } = await echoSession(port, 1024);
      const client = await consumer.ok({ type: 'tcp.connect', host: '127.0.0.1', port: echoPort });
      const ping = bridgePinger(consumer, client.socket?.id ?? '', PAYLOAD);
      await deadline(pingFor(ping, 30_000, WARM_UP), 40_000, 'warm-up');
      const idle = summarize(await deadline(pingFor(ping, floodMs, 100_000), floodMs + 10_000, 'idle round trips'));

      const frames = Buffer.concat(Array.from({ length: 8192 }, () => textFrame('{}')));
      const deaf = await openDeafSession(port, token);
      const floodEnds = performance.now() + floodMs;
      const [during, written] = await Promise.all([
        deadline(pingFor(ping, floodMs, 100_000), floodMs + 10_000, 'round trips during the flood'),
        deaf.sendAll(frames, floodEnds),
      ]);
      deaf.socket.destroy();
      const flood = summarize(during);
      const show = (s: typeof idle) => `p50 ${fmt.ms(s.p50 / 1000)}, p99 ${fmt.ms(s.p99 / 1000)}`;
      out.rows.push(
        checkRow(
          'command flood: another session’s echo, p99',
          show(idle),
          show(flood),
          `p99 < ${P99_LIMIT_MS} ms`,
          flood.p99 / 1000 < P99_LIMIT_MS,
        ),
        infoRow(
          'command flood: round trips (ratio: p99 in the flood / idle)',
          fmt.count(idle.n),
          fmt.count(flood.n),
          fmt.ratio(flood.p99 / idle.p99),
        ),
      );

      const attacker = await BridgeConsumer.connect(port);
      const messages = hostileMessages();
      const attackEnds = performance.now() + floodMs;
      let sent = 0;
      const [underAttack] = await Promise.all([
        deadline(pingFor(ping, floodMs, 100_000), floodMs + 10_000, 'round trips during the JSON attack'),
        (async () => {
          while (performance.now() < attackEnds) {
            attacker.ws.send(messages[sent++ % messages.length] as string);
            await sleep(70);
          }
        })(),
      ]);
      await attacker.close();
      const hostile = summarize(underAttack);
      out.rows.push(
        checkRow(
          'nested-JSON attack: another session’s echo, p50',
          show(idle),
          show(hostile),
          `p50 < idle + ${HOSTILE_P50_EXTRA_MS} ms`,
          hostile.p50 / 1000 < idle.p50 / 1000 + HOSTILE_P50_EXTRA_MS,
        ),
      );
      out.details.push(
        `Nested-JSON attack: ${sent} messages of about 1 MiB (deep arrays, deep objects, wide arrays), one every 70 ms for ${floodMs / 1000} s, from a session that reads its replies; ${fmt.count(hostile.n)} round trips, max ${fmt.ms(hostile.max / 1000)}.`,
        `Command flood: baseline = sequential \`socket.send\` → echo round trips on an idle bridge; subject = the same while another page writes ${fmt.mb(written)} of \`{}\` commands in ${floodMs / 1000} s and reads nothing; max ${fmt.ms(idle.max / 1000)} vs ${fmt.ms(flood.max / 1000)}.`,
      );
      await consumer.close();
    } finally {
      await bridge.stop();
    }
    return out;
  },
};
