import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findPython } from '@playground/testkit';

/** The Python peers of these tests: the seeds' own socket calls, in test/python/. */
const SCRIPTS = fileURLToPath(new URL('../python/', import.meta.url));

export const python = findPython('the Python peer tests');

/** Runs a script to its end and parses the last line it printed as JSON. */
export function runPython<T>(script: string, args: Array<string | number>, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      python as string,
      [SCRIPTS + script, ...args.map(String)],
      { timeout: timeoutMs },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${script} failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1) as string) as T);
      },
    );
  });
}

/** A script that keeps running (a server, a client waiting for a go): lines it prints, a line to send it. */
export interface PythonPeer {
  /** The next line it prints (its port, a JSON result), within `timeoutMs`. */
  line(timeoutMs?: number): Promise<string>;
  /** Sends a line to its stdin (a script waiting on `sys.stdin.readline()` goes on). */
  tell(text?: string): void;
  stop(): Promise<void>;
}

/** `quiet`: its tracebacks are not shown (seed code that crashes by design when its client leaves). */
export function startPython(script: string, args: Array<string | number> = [], quiet = false): PythonPeer {
  const child: ChildProcess = spawn(python as string, [SCRIPTS + script, ...args.map(String)], {
    stdio: ['pipe', 'pipe', quiet ? 'ignore' : 'inherit'],
  });
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buffered = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (text: string) => {
    buffered += text;
    for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
      const line = buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    line: (timeoutMs = 5000) => {
      const ready = lines.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${script} printed nothing within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiting.push((line) => {
          clearTimeout(timer);
          resolve(line);
        });
      });
    },
    tell: (text = '') => {
      child.stdin?.write(`${text}\n`);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}

/** Starts a script that prints its listening port first. */
export async function startPythonServer(
  script: string,
  args: Array<string | number> = [],
  quiet = false,
): Promise<PythonPeer & { port: number }> {
  const peer = startPython(script, args, quiet);
  const port = Number(await peer.line());
  return { ...peer, port };
}
