import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { sleep } from '@playground/testkit';

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Waits (at most 5 s) until `proc` accepts connections on `port`; kills it and throws otherwise. */
export async function waitUntilListening(proc: ChildProcess, port: number, what: string): Promise<void> {
  const end = performance.now() + 5000;
  while (!(await accepts(port))) {
    if (performance.now() > end || proc.exitCode !== null) {
      proc.kill();
      throw new Error(`${what} did not start listening`);
    }
    await sleep(20);
  }
}
