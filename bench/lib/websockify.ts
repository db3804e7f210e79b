import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort, waitUntilListening } from './ports.ts';

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

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (µs, user + system) of websockify and the processes it forked for its connections, from
 * /proc (Linux); undefined where /proc cannot tell. In 10 ms ticks: read it over a second or more.
 */
export function websockifyCpuUs(pid: number): number | undefined {
  try {
    const pids = [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)];
    let ticks = 0;
    for (const p of pids) {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return (ticks / TICKS_PER_SECOND) * 1e6;
  } catch {
    return undefined;
  }
}
