import { sleep, until } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/config.ts';
import { TokenBucket } from '../src/quota/token-bucket.ts';
import { CommandQueue } from '../src/session/command-queue.ts';
import { OutputBudget } from '../src/session/output-budget.ts';
import { joinToken, openSession } from '../testing/classroom.ts';
import { usePlaygrounds } from '../testing/playground.ts';

describe('the output budget of one page', () => {
  it('pauses above the high-water mark, resumes below the low one, and gives up once above the hard cap', async () => {
    let queued = 0;
    const calls: string[] = [];
    const budget = new OutputBudget(
      { highWaterBytes: 1000, lowWaterBytes: 100, hardCapBytes: 5000, pollMs: 5 },
      {
        measure: () => queued,
        onPressure: (paused) => calls.push(paused ? 'pause' : 'resume'),
        onOverflow: (q) => calls.push(`overflow ${q}`),
      },
    );
    queued = 900;
    budget.check();
    expect(calls).toEqual([]);
    queued = 1001;
    budget.check();
    expect(budget.behind).toBe(true);
    queued = 500;
    budget.check();
    expect(calls).toEqual(['pause']);
    // Nothing else checks while the session is paused: the budget looks by itself.
    queued = 50;
    await sleep(30);
    expect(calls).toEqual(['pause', 'resume']);
    queued = 5001;
    budget.check();
    budget.check();
    expect(calls).toEqual(['pause', 'resume', 'overflow 5001']);
    budget.close();
  });
});

describe('the command queue of one page', () => {
  function harness(options: { sliceMs?: number; cpuMsPerSecond?: number; costMs?: number } = {}) {
    const handled: string[] = [];
    const paused: boolean[] = [];
    const cpu = new TokenBucket(options.cpuMsPerSecond ?? 1000, options.cpuMsPerSecond ?? 1000);
    const queue = new CommandQueue({
      sliceMs: options.sliceMs ?? 4,
      cpu,
      handle: (raw) => {
        const until = performance.now() + (options.costMs ?? 0);
        while (performance.now() < until) {
          // Busy: the cost of a command.
        }
        handled.push(String(raw));
      },
      pauseSource: (p) => paused.push(p),
    });
    return { queue, handled, paused };
  }

  it('carries out a lone command at once, without pausing the connection', () => {
    const { queue, handled, paused } = harness();
    queue.push('a');
    expect(handled).toEqual(['a']);
    expect(paused).toEqual([]);
  });

  it('runs at most a slice per loop turn, stops reading meanwhile, and goes on in the next turns', async () => {
    const { queue, handled, paused } = harness({ sliceMs: 4, costMs: 1.5 });
    for (let i = 0; i < 10; i++) queue.push(String(i));
    expect(handled.length).toBeLessThanOrEqual(3);
    expect(paused).toEqual([true]);
    await until(() => handled.length === 10, 'the queue to drain over the next loop turns');
    expect(handled).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(paused).toEqual([true, false]);
  });

  it('waits while the page is behind on its output, and while the session’s CPU budget is spent', async () => {
    const behind = harness();
    behind.queue.holdForOutput(true);
    behind.queue.push('a');
    expect(behind.handled).toEqual([]);
    behind.queue.holdForOutput(false);
    expect(behind.handled).toEqual(['a']);

    // 10 commands of 10 ms at 50 ms a second, after a second's burst of 50: about a second more.
    const busy = harness({ cpuMsPerSecond: 50, costMs: 10, sliceMs: 1000 });
    const started = performance.now();
    for (let i = 0; i < 10; i++) busy.queue.push(String(i));
    expect(busy.handled.length).toBeLessThan(10);
    expect(busy.paused).toEqual([true]);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (busy.handled.length === 10 || performance.now() - started > 15_000) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    expect(busy.handled).toHaveLength(10);
    expect(busy.paused).toEqual([true, false]);
    expect(performance.now() - started).toBeGreaterThan(500);
  });
});

describe('a page past the hard cap', () => {
  const pg = usePlaygrounds();

  it('is given up: a teacher page that reads nothing while spotlighting a busy student ends, the student goes on', async () => {
    // Spotlight copies skip only past 4 MiB, so with a 1 MiB cap they are what overflows it.
    const outbox = {
      ...defaultConfig().outbox,
      highWaterBytes: 256 * 1024,
      lowWaterBytes: 64 * 1024,
      hardCapBytes: 1024 * 1024,
    };
    const p = await pg.start({ mode: 'lan', outbox });
    const teacher = await pg.client(p);
    const ada = await openSession(p, await joinToken(p, 'Ada'));
    const echo = (await ada.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const client = (await ada.ok({ type: 'tcp.connect', host: '127.0.0.1', port: echo.local!.port })).socket!;
    await teacher.ok({ type: 'class.spotlight', studentId: ada.welcome!.studentId! });
    teacher.ws.pause();
    const started = performance.now();
    const value = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 400 && p.sessionCount() === 2 && performance.now() - started < 20_000; i++) {
      await ada.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value } });
    }
    await until(() => p.sessionCount() === 1, 'the teacher’s session to end', 5000);
    teacher.ws.resume();
    expect([4008, 1006]).toContain(await teacher.closed);
    expect(
      (await ada.request({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'hi' } })).ok,
    ).toBe(true);
    await ada.close();
  });
});
