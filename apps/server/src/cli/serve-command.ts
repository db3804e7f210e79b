import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_PORT, defaultCapture } from '../config/config.ts';
import type { Playground } from '../server.ts';
import { banner } from './banner.ts';
import { onStopSignals } from './stop-signals.ts';

function portArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface ServeOptions {
  port: number;
  host: string | undefined;
  lan: boolean;
  allowedHost: string[];
  publicUrl: string[];
  trustProxy: string[];
  allowTarget: string[];
  lessons: string | undefined;
  /** Undefined: the mode's default (on alone, off in a class). */
  capture: boolean | undefined;
  captureInterface: string | undefined;
  verbose: boolean;
}

/**
 * `socket-playground [serve]`: the page and the bridge. `webRoot` is where the built page is: next
 * to the compiled command in the published package, apps/web/dist in the repository.
 */
export function serveCommand(webRoot: string | undefined): Command {
  return new Command('serve')
    .description('serve the page and the bridge (what runs when no command is given)')
    .option('--port <port>', 'port for the page and the bridge (0 = any free port)', portArg, DEFAULT_PORT)
    .option('--host <host>', 'interface to listen on (default 127.0.0.1; 0.0.0.0 with --lan)')
    .option('--lan', 'classroom mode: listen on the network; students join with a code', false)
    .option('--allowed-host <name...>', 'extra Host header names to accept (e.g. a name in /etc/hosts)', [])
    .option(
      '--public-url <url>',
      'with --lan behind a reverse proxy or a port mapping: the address students open, e.g. https://school.example/class-3b/ (repeatable)',
      collect,
      [],
    )
    .option(
      '--trust-proxy <address>',
      "a proxy's address or CIDR whose X-Forwarded-For names the student's computer (repeatable)",
      collect,
      [],
    )
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
    .action((opts: ServeOptions) => serve(opts, webRoot));
}

/**
 * Local mode: `trace` on this computer finds the page without a code through a file only this user
 * may read (docs/trace.md). LAN mode publishes nothing: attaching takes the code a page shows.
 */
async function publishForTracers(playground: Playground): Promise<() => void> {
  if (playground.mode !== 'local') return () => {};
  const { writeBridgeFile } = await import('@playground/trace/runtime-file');
  try {
    return writeBridgeFile({ url: playground.url, port: playground.port, token: playground.token, pid: process.pid });
  } catch (err) {
    console.error(`Programs can be traced only with the page's code: ${(err as Error).message}`);
    return () => {};
  }
}

async function serve(opts: ServeOptions, webRoot: string | undefined): Promise<void> {
  // Loaded here, not at the top: another command (`--help`, a future `trace`) needs none of it.
  const { startPlayground } = await import('../server.ts');
  const lessonsDir = opts.lessons === undefined ? undefined : resolve(opts.lessons);
  const mode = opts.lan ? 'lan' : 'local';
  const playground = await startPlayground({
    mode,
    port: opts.port,
    host: opts.host ?? (opts.lan ? '0.0.0.0' : '127.0.0.1'),
    allowedHosts: opts.allowedHost,
    publicUrls: opts.publicUrl,
    trustProxies: opts.trustProxy,
    allowTargets: opts.allowTarget,
    webRoot,
    lessonsDir,
    capture: {
      ...defaultCapture(mode),
      ...(opts.capture === undefined ? {} : { enabled: opts.capture }),
      interface: opts.captureInterface,
    },
    logLevel: opts.verbose ? 'info' : 'warn',
  }).catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'EADDRINUSE' ? `port ${opts.port} is already in use (try --port 0)` : err.message;
    console.error(`Socket Playground could not start: ${why}`);
    process.exit(1);
  });
  const unpublish = await publishForTracers(playground);
  process.on('exit', unpublish);
  onStopSignals(async (signal) => {
    unpublish();
    await playground.close(`The playground was stopped (${signal}); every socket was closed.`);
    process.exit(0);
  });
  for (const line of banner(playground, opts.host ?? '0.0.0.0')) console.log(line);
  if (lessonsDir !== undefined) {
    const { lessonsBanner } = await import('./lessons-banner.ts');
    for (const line of await lessonsBanner(lessonsDir)) console.log(line);
  }
}
