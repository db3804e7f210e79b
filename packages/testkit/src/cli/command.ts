import { type ChildProcess, spawn } from 'node:child_process';

/** A running `socket-playground`: what it printed, and how it ended. */
export interface RunningCommand {
  child: ChildProcess;
  /** Signals the command's whole process group, as Ctrl+C in a terminal does (npx passes nothing on). */
  signal(signal: NodeJS.Signals): void;
  /** Non-empty stdout lines so far. */
  lines: string[];
  stderr(): string;
  exit: Promise<number | null>;
  /** Resolves once stdout has `count` lines, or rejects after `timeoutMs` saying what it printed. */
  waitForLines(count: number, timeoutMs?: number): Promise<string[]>;
  /** The address of the first `Socket Playground ready at …` line, whatever was printed before it. */
  waitForReady(timeoutMs?: number): Promise<string>;
}

const running = new Set<ChildProcess>();

const POSIX = process.platform !== 'win32';

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (POSIX && child.pid !== undefined) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts a command without a shell (`node …`, the package's bin, `npx`) in a process group of its
 * own; `stopAll` in afterEach kills every group left, children included.
 */
export function runCommand(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): RunningCommand {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: POSIX });
  running.add(child);
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters) w();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exit = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      running.delete(child);
      for (const w of waiters) w();
      resolve(code);
    }),
  );
  const lines = (): string[] => out.split(/\r?\n/).filter((l) => l !== '');
  return {
    child,
    signal: (signal) => signalGroup(child, signal),
    get lines() {
      return lines();
    },
    stderr: () => err,
    exit,
    waitForLines(count, timeoutMs = 15_000) {
      return waitFor(() => (lines().length >= count ? lines() : undefined), `${count} lines`, timeoutMs);
    },
    async waitForReady(timeoutMs = 15_000) {
      const line = await waitFor(() => lines().find((l) => READY.test(l)), 'a ready line', timeoutMs);
      return readyUrl(line);
    },
  };

  function waitFor<T>(found: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const value = found();
        if (value !== undefined) done(() => resolve(value));
        else if (child.exitCode !== null || child.signalCode !== null)
          done(() => reject(new Error(`it ended (${child.exitCode ?? child.signalCode}): ${out}${err}`)));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`no ${what} within ${timeoutMs} ms; got: ${out}${err}`))),
        timeoutMs,
      );
      const done = (settle: () => void): void => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });
  }
}

export function stopAll(): void {
  for (const child of running) signalGroup(child, 'SIGKILL');
  running.clear();
}

const READY = /^Socket Playground ready at (http:\/\/127\.0\.0\.1:\d+\/)$/;

/** The address in a `Socket Playground ready at …` line. */
export function readyUrl(line: string | undefined): string {
  const url = READY.exec(line ?? '')?.[1];
  if (!url) throw new Error(`not a ready line: ${line}`);
  return url;
}
