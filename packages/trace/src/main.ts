import { constants } from 'node:os';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { AttachError, BridgeLink } from './bridge-link.ts';
import { credentialFor, DEFAULT_URL } from './credentials.ts';
import type { Launch, LaunchOptions } from './launch/launch.ts';
import { launchPython, pythonProgramName } from './launch/python.ts';
import { launchStrace, straceProblem } from './launch/strace.ts';
import { LineSplitter } from './line-splitter.ts';

interface Options {
  url: string;
  code: string | undefined;
  tracer: 'auto' | 'python' | 'strace';
  quiet: boolean;
}

/** Exit status when the program could not be traced (it was not started). */
const CANNOT_TRACE = 2;
const PYTHON = /^python(\d+(\.\d+)*)?(\.exe)?$/i;

/**
 * The `trace` command, for a program of commands to add (`socket-playground trace -- …`; the parent
 * needs `enablePositionalOptions()` so that what follows the program's name is the program's): it
 * attaches to a playground page, runs the program under a tracer, streams its socket calls to the
 * page and sets the exit code to the program's (2 when it could not start tracing).
 */
export function traceCommand(): Command {
  return new Command('trace')
    .usage('[options] -- <program> [args...]')
    .description(
      'Run your program and watch its socket calls live on the Socket Playground page: every socket(), bind(), accept(), send() and recv(), with the line of your code behind it.',
    )
    .argument('<program...>', 'the program and its arguments, after --')
    .option('--url <url>', 'the playground page', process.env.SOCKET_PLAYGROUND_URL ?? DEFAULT_URL)
    .option(
      '--code <code>',
      'the code the page shows under "Attach a program" (needed for a class)',
      process.env.SOCKET_PLAYGROUND_CODE,
    )
    .addOption(
      new Option('--tracer <tracer>', 'python: the Python shim (with source lines); strace: any program on Linux')
        .choices(['auto', 'python', 'strace'])
        .default('auto'),
    )
    .option('--quiet', 'say nothing on the terminal besides problems', false)
    .passThroughOptions()
    .action(async (programArgs: string[], opts: Options) => {
      process.exitCode = await trace(programArgs, opts);
    });
}

/** `trace [--url URL] [--code CODE] -- program args…` on its own, with process.argv-style arguments. */
export async function main(argv: string[] = process.argv): Promise<number> {
  const program = traceCommand().exitOverride();
  let parsed: { args: string[]; opts: Options } | undefined;
  program.action((programArgs: string[], opts: Options) => {
    parsed = { args: programArgs, opts };
  });
  try {
    program.parse(argv);
  } catch (err) {
    return (err as { exitCode?: number }).exitCode ?? CANNOT_TRACE;
  }
  return parsed ? trace(parsed.args, parsed.opts) : CANNOT_TRACE;
}

async function trace(programArgs: string[], opts: Options): Promise<number> {
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
  choice: Options['tracer'],
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
