import { constants } from 'node:os';
import { basename } from 'node:path';
import { AttachError, BridgeLink } from './bridge-link.ts';
import { credentialFor } from './credentials.ts';
import type { Launch, LaunchOptions } from './launch/launch.ts';
import { launchPython, pythonProgramName } from './launch/python.ts';
import { launchStrace, straceProblem } from './launch/strace.ts';
import { LineSplitter } from './line-splitter.ts';
import type { TraceOptions } from './options.ts';

/** Exit status when the program could not be traced (it was not started). */
export const CANNOT_TRACE = 2;
const PYTHON = /^python(\d+(\.\d+)*)?(\.exe)?$/i;

/**
 * Attaches to the page, runs the program under its tracer, streams its calls, and resolves with
 * the program's exit status (CANNOT_TRACE when tracing could not start: the program did not run).
 */
export async function trace(programArgs: string[], opts: TraceOptions): Promise<number> {
  const [command, ...args] = programArgs as [string, ...string[]];
  const say = (message: string) => process.stderr.write(`[trace] ${message}\n`);
  const info = opts.quiet ? () => {} : say;

  const chosen = chooseTracer(opts.tracer, command);
  if ('problem' in chosen) {
    say(chosen.problem);
    return CANNOT_TRACE;
  }
  const { tracer } = chosen;
  const credential = credentialFor(opts.url, opts.code);
  if (typeof credential === 'string') {
    say(credential);
    return CANNOT_TRACE;
  }
  const name = (tracer === 'python' ? pythonProgramName(args) : undefined) ?? basename(command);
  let link: BridgeLink;
  try {
    link = await BridgeLink.attach({
      url: opts.url,
      credential,
      hello: {
        tracer,
        name: name.slice(0, 64),
        command: [command, ...args].join(' ').slice(0, 300),
      },
    });
  } catch (err) {
    say(err instanceof AttachError ? err.message : `Could not attach: ${(err as Error).message}`);
    return CANNOT_TRACE;
  }
  info(`${name} runs traced: its socket calls appear on ${link.attached.where}.`);
  link.onDetached((d) => {
    if (d.reason !== 'tracer-gone' || !exited) say(`${d.message} ${name} goes on, untraced.`);
  });

  let exited = false;
  const launch = startProgram(tracer, {
    command,
    args,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    shimDir: opts.shimDir,
    env: process.env,
    now: () => performance.now(),
    warn: say,
  });
  launch.onPid((pid) => link.started(pid));
  const reading = pump(launch, link);
  const ended = await waitForExit(launch);
  exited = true;
  await reading;
  for (const message of launch.finish()) say(message);
  await link.exit(ended.code, ended.signal, performance.now());
  if (ended.error) {
    say(ended.error);
    return CANNOT_TRACE;
  }
  return ended.code ?? 128 + signalNumber(ended.signal);
}

/** `auto`: the Python shim for python/python3/python3.12, else strace where it works. */
function chooseTracer(
  choice: TraceOptions['tracer'],
  command: string,
): { tracer: 'python' | 'strace' } | { problem: string } {
  if (choice === 'python' || (choice === 'auto' && PYTHON.test(basename(command)))) return { tracer: 'python' };
  const problem = straceProblem();
  if (!problem) return { tracer: 'strace' };
  if (choice === 'strace') return { problem: `Cannot trace with strace: ${problem}.` };
  return { problem: `${basename(command)} is not Python, and ${problem}: only Python programs can be traced here.` };
}

function startProgram(tracer: 'python' | 'strace', o: LaunchOptions): Launch {
  return tracer === 'python' ? launchPython(o) : launchStrace(o);
}

/** Reads the tracer's lines into the link, pausing while the bridge is behind (the program then waits). */
function pump(launch: Launch, link: BridgeLink): Promise<void> {
  const { lines } = launch;
  lines.setEncoding('utf8');
  const splitter = new LineSplitter((line) => {
    const calls = launch.parse(line);
    if (calls.length > 0) link.calls(calls);
  });
  return new Promise((resolve) => {
    lines.on('data', (chunk: string) => {
      splitter.push(chunk);
      if (!link.behind) return;
      lines.pause();
      void link.drained().then(() => lines.resume());
    });
    lines.on('end', () => {
      splitter.end();
      resolve();
    });
    lines.on('error', () => resolve());
    lines.on('close', () => resolve());
  });
}

interface Ended {
  code: number | null;
  signal: string | null;
  error?: string;
}

/**
 * The program's end. Ctrl+C reaches the program (the terminal signals the whole group), so `trace`
 * itself ignores SIGINT and waits: the program decides, and its last calls still reach the page.
 */
function waitForExit(launch: Launch): Promise<Ended> {
  const ignore = () => {};
  process.on('SIGINT', ignore);
  const forward = (signal: NodeJS.Signals) => launch.child.kill(signal);
  process.on('SIGTERM', forward);
  process.on('SIGHUP', forward);
  return new Promise((resolve) => {
    launch.child.once('error', (err: NodeJS.ErrnoException) =>
      resolve({
        code: null,
        signal: null,
        error: err.code === 'ENOENT' ? `${launch.child.spawnfile} was not found.` : err.message,
      }),
    );
    launch.child.once('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      process.off('SIGHUP', forward);
      resolve({ code, signal });
    });
  });
}

function signalNumber(signal: string | null): number {
  return (signal && constants.signals[signal as NodeJS.Signals]) || 1;
}
