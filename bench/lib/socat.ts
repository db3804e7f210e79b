import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort, sleep } from '@playground/testkit';

export function hasSocat(): boolean {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

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

/**
 * socat's echo (`PIPE`), forking per connection like a classic C echo server. `-b 4096`: socat reads
 * from one side once the other is writable, and a pipe counts as writable with one 4 KiB slot free;
 * with its default 8 KiB blocks, a write into a nearly full pipe then blocked for good, since the
 * only reader of that pipe is socat itself (its socket's Recv-Q and the client's Send-Q stood
 * still: the stall that cost the whole engine-echo section). A block of 4 KiB always fits.
 */
export async function startSocatEcho(): Promise<{ port: number; stop(): void }> {
  const port = await freePort();
  const proc: ChildProcess = spawn(
    'socat',
    ['-b', '4096', `TCP4-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`, 'PIPE'],
    {
      stdio: 'ignore',
    },
  );
  const end = performance.now() + 5000;
  while (!(await accepts(port))) {
    if (performance.now() > end) {
      proc.kill();
      throw new Error('socat did not start listening');
    }
    await sleep(20);
  }
  return { port, stop: () => proc.kill() };
}
