import { BridgeTestClient, sleep } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_DEPTH, MAX_COMMAND_VALUES, tooComplex } from '../src/session/command-scan.ts';
import { parseCommand } from '../src/session/dispatcher.ts';
import { startBridgeProcess } from './support/bridge-process.ts';
import { EchoProbe, percentile } from './support/echo-probe.ts';

const MiB = 1024 * 1024;

/** Messages just under the 1 MiB frame limit that cost JSON.parse tens to hundreds of milliseconds each. */
function hostileMessages(): string[] {
  const half = MiB / 2 - 64;
  const objects = Math.floor((MiB - 64) / 6);
  return [
    '['.repeat(half) + ']'.repeat(half),
    `${'{"a":'.repeat(objects)}1${'}'.repeat(objects)}`,
    `[${'0,'.repeat(half - 1)}0]`,
    `[${'[],'.repeat(Math.floor(MiB / 3) - 64)}[]]`,
  ];
}

describe('the cost of one command', () => {
  it('is bounded before parsing: deep or wide text is refused at once, the largest real commands pass', () => {
    const largestSend = JSON.stringify({
      id: 1,
      type: 'socket.send',
      socketId: 's1',
      data: { encoding: 'text', value: `{"nested": [[["not", "structure"]]], "quote": "\\"" ${'x'.repeat(999_950)}` },
    });
    expect(tooComplex(largestSend)).toBeUndefined();
    const progress = JSON.stringify({
      id: 2,
      type: 'lesson.progress',
      progress: { lessonId: 'l', title: 't', step: 0, steps: 200, done: Array.from({ length: 200 }, (_, i) => i) },
    });
    expect(tooComplex(progress)).toBeUndefined();
    expect(parseCommand(progress).command?.type).toBe('lesson.progress');
    for (const text of hostileMessages()) {
      // The fastest of three: a collection or another process may take the CPU during any one.
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const { error } = parseCommand(text);
        times.push(performance.now() - started);
        expect(error?.code).toBe('bad_json');
        expect(error?.message).toMatch(new RegExp(`deeper than ${MAX_COMMAND_DEPTH}|more than ${MAX_COMMAND_VALUES}`));
      }
      expect(Math.min(...times)).toBeLessThan(20);
    }
    expect(tooComplex(`${'['.repeat(MAX_COMMAND_DEPTH)}${']'.repeat(MAX_COMMAND_DEPTH)}`)).toBeUndefined();
  });

  it('a megabyte of nested JSON every 70 ms from one session does not raise another session’s echo p50', async () => {
    const bridge = await startBridgeProcess();
    const probe = await EchoProbe.open(bridge.port, bridge.token);
    const attacker = await BridgeTestClient.open({ port: bridge.port, token: bridge.token });
    try {
      await probe.sample(500, { intervalMs: 1 });
      const quiet = await probe.sample(3000);

      const messages = hostileMessages();
      const attackEnds = performance.now() + 5000;
      let sent = 0;
      const attack = (async () => {
        while (performance.now() < attackEnds) {
          attacker.sendRaw(messages[sent++ % messages.length] as string);
          await sleep(70);
        }
      })();
      const underAttack = await probe.sample(5000);
      await attack;
      await attacker.waitFor(() => attacker.replies.length >= sent, 10_000, 'a reply to every message');

      const summary = `quiet p50 ${percentile(quiet, 50).toFixed(2)} ms (${quiet.length}), under attack p50 ${percentile(underAttack, 50).toFixed(2)} ms, p99 ${percentile(underAttack, 99).toFixed(1)} ms (${underAttack.length}), ${sent} megabyte messages`;
      expect(sent, summary).toBeGreaterThan(30);
      expect(underAttack.length, summary).toBeGreaterThan(200);
      expect(percentile(underAttack, 50), summary).toBeLessThan(percentile(quiet, 50) + 5);
      expect(
        attacker.replies.every((r) => !r.ok && r.error.code === 'bad_json'),
        summary,
      ).toBe(true);
    } finally {
      await attacker.close();
      await probe.close();
      await bridge.stop();
    }
  }, 60_000);
});
