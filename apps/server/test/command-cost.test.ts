import { BridgeTestClient, hostileMessages, sleep } from '@playground/testkit';
import { describe, expect, it, vi } from 'vitest';
import { MAX_COMMAND_DEPTH, MAX_COMMAND_VALUES, tooComplex } from '../src/session/command-scan.ts';
import { parseCommand } from '../src/session/dispatcher.ts';
import { startBridgeProcess } from './support/bridge-process.ts';
import { EchoProbe, percentile } from './support/echo-probe.ts';

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
    // Refused by the scan, so JSON.parse never spends its tens of milliseconds on them (what that saves
    // the other sessions is measured by `pnpm bench -- --only command-flood`).
    const parse = vi.spyOn(JSON, 'parse');
    try {
      for (const text of hostileMessages()) {
        const { error } = parseCommand(text);
        expect(error?.code).toBe('bad_json');
        expect(error?.message).toMatch(new RegExp(`deeper than ${MAX_COMMAND_DEPTH}|more than ${MAX_COMMAND_VALUES}`));
      }
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    expect(tooComplex(`${'['.repeat(MAX_COMMAND_DEPTH)}${']'.repeat(MAX_COMMAND_DEPTH)}`)).toBeUndefined();
  });

  // How fast the other session's echo stays meanwhile is a speed target: `pnpm bench -- --only command-flood`.
  it('a megabyte of nested JSON every 70 ms from one session: each refused, another session served throughout', async () => {
    const bridge = await startBridgeProcess();
    const probe = await EchoProbe.open(bridge.port, bridge.token);
    const attacker = await BridgeTestClient.open({ port: bridge.port, token: bridge.token });
    try {
      await probe.sample(500, { intervalMs: 1 });
      const messages = hostileMessages();
      const SENT = 40;
      let attacking = true;
      const attack = (async () => {
        for (let i = 0; i < SENT; i++) {
          attacker.sendRaw(messages[i % messages.length] as string);
          await sleep(70);
        }
        attacking = false;
      })();
      const samples: number[] = [];
      let lost = 0;
      // The probe pings in rounds of half a second for as long as the attack lasts (at most 60 rounds).
      for (let round = 0; round < 60 && attacking; round++) {
        const sample = await probe.sample(500);
        samples.push(...sample.latencies);
        lost += sample.lost;
      }
      await attack;
      await attacker.waitFor(() => attacker.replies.length >= SENT, 20_000, 'a reply to every message');

      const summary = `under attack p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${samples.length} pings), ${SENT} megabyte messages`;
      expect(samples.length, summary).toBeGreaterThan(20);
      expect(lost, `${summary}: pings of the other session never echoed`).toBe(0);
      expect(attacker.replies).toHaveLength(SENT);
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
