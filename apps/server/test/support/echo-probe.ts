import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('../fixtures/echo-probe-child.ts', import.meta.url));

/**
 * A healthy session that keeps echoing while a test does something nasty to the bridge: an echo
 * server and a client in it, driven from a process of its own (fixtures/echo-probe-child.ts). Pings
 * leave on a fixed schedule whether or not earlier ones came back, so a stalled bridge shows as
 * every ping it stalled rather than as one slow round; each latency runs until the ping's bytes are
 * back in a `recv` event of the client.
 */
export class EchoProbe {
  private nextId = 1;

  private constructor(private readonly child: ChildProcess) {}

  static async open(port: number, token: string): Promise<EchoProbe> {
    const child = fork(CHILD, [String(port), token], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the echo probe exited (${code})`)));
      child.on('message', (m) => {
        if ((m as { ready?: boolean }).ready) resolve();
      });
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await ready.finally(() => clearTimeout(timer));
    return new EchoProbe(child);
  }

  /**
   * Pings every `intervalMs` for `durationMs` (at most `maxPings`); latencies in milliseconds, and how
   * many pings were not back 5 s after the last left (counted in `latencies` as the time they waited).
   */
  sample(
    durationMs: number,
    options: { intervalMs?: number; maxPings?: number } = {},
  ): Promise<{ latencies: number[]; lost: number }> {
    const { intervalMs = 5, maxPings = 100_000 } = options;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the echo probe did not report')), durationMs + 15_000);
      const onMessage = (m: unknown) => {
        const answer = m as { id?: number; value?: { latencies: number[]; lost: number } };
        if (answer.id !== id) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(answer.value ?? { latencies: [], lost: 0 });
      };
      this.child.on('message', onMessage);
      this.child.send({ id, args: { durationMs, intervalMs, maxPings } });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.disconnect();
    const kill = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(kill);
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
