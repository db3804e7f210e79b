import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { freePort } from '@playground/testkit';
import { waitUntilListening } from './ports.ts';

export function hasSocat(): boolean {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
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
  await waitUntilListening(proc, port, 'socat');
  return { port, stop: () => proc.kill() };
}
