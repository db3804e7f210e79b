import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, createReadStream, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StraceModel } from '../strace/model.ts';
import { StraceLines } from '../strace/parse-line.ts';
import type { Launch, LaunchOptions } from './launch.ts';

/**
 * The system calls strace reports: the socket API, reads and writes (kept only on sockets), and
 * the clones that tell threads (which share descriptors) from processes (which copy them).
 */
const STRACE_ARGS = [
  '-f',
  '-q',
  '-ttt',
  '-xx',
  '-yy',
  '-s',
  '4096',
  '-e',
  'trace=%network,read,write,readv,writev,close,clone,clone3,fork,vfork',
  '-e',
  'signal=none',
];

/**
 * Runs any program under strace (Linux): C, Java, Node, Go… Its output goes to a named pipe, so
 * the program's stdin, stdout and stderr stay the terminal's and it gets no extra descriptor.
 */
export function launchStrace(o: LaunchOptions): Launch {
  const dir = mkdtempSync(join(tmpdir(), 'socket-playground-strace-'));
  const fifo = join(dir, 'trace');
  execFileSync('mkfifo', ['-m', '600', fifo]);
  const child = spawn('strace', [...STRACE_ARGS, '-o', fifo, '--', o.command, ...o.args], {
    cwd: o.cwd,
    stdio: 'inherit',
    env: o.env,
  });
  const lines = new StraceLines();
  // strace stamps calls with the wall clock (-ttt); the tracer's clock counts from timeOrigin.
  const toClock = (seconds: number) => Math.max(0, seconds * 1000 - performance.timeOrigin);
  let model: StraceModel | undefined;
  const pidListeners: Array<(pid: number) => void> = [];
  return {
    tracer: 'strace',
    child,
    lines: createReadStream(fifo),
    parse: (text) => {
      const line = lines.parse(text);
      if (!line) return [];
      if (!model) {
        // The first line is the program's own: its pid is the program's.
        model = new StraceModel(line.pid, toClock);
        for (const listener of pidListeners) listener(line.pid);
      }
      return model.calls(line);
    },
    onPid: (listener) => pidListeners.push(listener),
    finish: () => {
      unblockReader(fifo);
      rmSync(dir, { recursive: true, force: true });
      return [];
    },
  };
}

/** If strace never opened the pipe (it failed to start), the reader still waits in open(): end it. */
function unblockReader(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // Nobody is waiting to read: nothing to unblock.
  }
}

/** Why strace cannot trace programs here (not installed, not allowed to), or undefined when it can. */
export function straceProblem(): string | undefined {
  if (process.platform !== 'linux') return 'strace traces programs on Linux only';
  try {
    execFileSync('strace', ['-f', '-q', '-o', '/dev/null', '--', 'true'], { stdio: 'pipe', timeout: 10_000 });
    return undefined;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') return 'strace is not installed (apt-get install -y strace)';
    const said = e.stderr?.toString().trim().split('\n')[0];
    return `strace cannot trace here${said ? `: ${said}` : ''}`;
  }
}
