import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBridgeFile } from '@playground/trace/runtime-file';
import { Command, InvalidArgumentError } from 'commander';
import pino from 'pino';
import { DEFAULT_PORT, defaultCapture } from './config.ts';
import { describeLessonFiles, readLessonFiles } from './lessons/lesson-files.ts';
import { type Playground, startPlayground } from './server.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

function portArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface Options {
  port: number;
  host: string | undefined;
  lan: boolean;
  allowedHost: string[];
  allowTarget: string[];
  lessons: string | undefined;
  /** Undefined: the mode's default (on alone, off in a class). */
  capture: boolean | undefined;
  captureInterface: string | undefined;
  verbose: boolean;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = new Command()
    .name('socket-playground')
    .description('Real TCP and UDP sockets, driven and watched from the browser.')
    .option('--port <port>', 'port for the page and the bridge (0 = any free port)', portArg, DEFAULT_PORT)
    .option('--host <host>', 'interface to listen on (default 127.0.0.1; 0.0.0.0 with --lan)')
    .option('--lan', 'classroom mode: listen on the network; students join with a code', false)
    .option('--allowed-host <name...>', 'extra Host header names to accept (e.g. a name in /etc/hosts)', [])
    .option(
      '--allow-target <spec>',
      'let clients also reach HOST, HOST:PORT, CIDR or CIDR:PORT (repeatable; IPv6 with a port in brackets)',
      collect,
      [],
    )
    .option(
      '--lessons <dir>',
      'a folder of your own lesson files (JSON, see docs/lessons.md), shown next to the built-in ones',
    )
    .option('--capture', 'let pages capture their own connections’ packets (tcpdump; default on alone, off with --lan)')
    .option('--no-capture', 'never capture packets, even alone')
    .option('--capture-interface <name>', 'where to capture (default: the loopback interface, lo or lo0)')
    .option('--verbose', 'log every session and refused request to stderr', false)
    .parse(argv);
  const opts = program.opts<Options>();
  const log = pino({ level: opts.verbose ? 'info' : 'warn' }, pino.destination(2));
  const mode = opts.lan ? 'lan' : 'local';

  const playground = await startPlayground(
    {
      mode,
      port: opts.port,
      host: opts.host ?? (opts.lan ? '0.0.0.0' : '127.0.0.1'),
      allowedHosts: opts.allowedHost,
      allowTargets: opts.allowTarget,
      webRoot: WEB_ROOT,
      lessonsDir: opts.lessons === undefined ? undefined : resolve(opts.lessons),
      capture: {
        ...defaultCapture(mode),
        ...(opts.capture === undefined ? {} : { enabled: opts.capture }),
        interface: opts.captureInterface,
      },
    },
    log,
  ).catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'EADDRINUSE' ? `port ${opts.port} is already in use (try --port 0)` : err.message;
    console.error(`Socket Playground could not start: ${why}`);
    process.exit(1);
  });

  const unpublish = publishForTracers(playground);
  process.on('exit', unpublish);
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    unpublish();
    await playground.close(`The playground was stopped (${signal}); every socket was closed.`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  for (const line of banner(playground, opts.host ?? '0.0.0.0')) console.log(line);
  if (opts.lessons !== undefined) for (const line of await lessonsBanner(resolve(opts.lessons))) console.log(line);
}

/**
 * Local mode: `trace` on this computer finds the page without a code through a file only this user
 * may read (docs/trace.md). LAN mode publishes nothing: attaching takes the code a page shows.
 */
function publishForTracers(playground: Playground): () => void {
  if (playground.mode !== 'local') return () => {};
  try {
    return writeBridgeFile({ url: playground.url, port: playground.port, token: playground.token, pid: process.pid });
  } catch (err) {
    console.error(`Programs can be traced only with the page's code: ${(err as Error).message}`);
    return () => {};
  }
}

/** What a teacher's lesson folder holds, and what is wrong with any file in it. */
async function lessonsBanner(dir: string): Promise<string[]> {
  try {
    const { loaded, problems } = describeLessonFiles(await readLessonFiles(dir));
    return [`Lessons from ${dir}: ${loaded} ready`, ...problems.map((p) => `  problem in ${p}`)];
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    return [`Lessons from ${dir} could not be read (${code}).`];
  }
}

/** Local mode: one ready line. LAN mode: a ready line per address a student can type, the code, the teacher's link. */
function banner(playground: Playground, host: string): string[] {
  if (playground.mode === 'local') return [`Socket Playground ready at ${playground.url}`];
  const wildcard = host === '0.0.0.0' || host === '::';
  const urls = wildcard
    ? [`http://localhost:${playground.port}/`, ...lanAddresses().map((a) => `http://${a}:${playground.port}/`)]
    : [playground.url];
  return [
    ...urls.map((url) => `Socket Playground ready at ${url}`),
    `Join code for students: ${playground.joinCode}`,
    `Teacher page (keep this link to yourself): ${urls[0]}#teacher=${playground.token}`,
  ];
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((iface) => iface.family === 'IPv4' && !iface.internal)
    .map((iface) => iface.address);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
