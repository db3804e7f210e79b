import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { freePort } from '@playground/testkit';
import { waitUntilListening } from './ports.ts';

export function hasWebsockify(): boolean {
  try {
    execFileSync('websockify', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** websockify's version as `dpkg` knows it (Debian's package), for the report. */
export function websockifyVersion(): string {
  try {
    // `dpkg-query -W` prints the package and its version, tab-separated.
    const line = execFileSync('dpkg-query', ['-W', 'websockify'], { encoding: 'utf8' });
    return line.trim().split('\t')[1] ?? 'unknown version';
  } catch {
    return 'unknown version';
  }
}

/**
 * websockify (Debian's package, Python) proxying WebSocket connections on a port of its own to
 * `target` on loopback: a plain WebSocket-to-TCP proxy, which forks a process per connection.
 */
export async function startWebsockify(targetPort: number): Promise<{ port: number; pid: number; stop(): void }> {
  const port = await freePort();
  const proc: ChildProcess = spawn('websockify', [`127.0.0.1:${port}`, `127.0.0.1:${targetPort}`], {
    stdio: 'ignore',
  });
  await waitUntilListening(proc, port, 'websockify');
  return { port, pid: proc.pid ?? -1, stop: () => proc.kill() };
}
