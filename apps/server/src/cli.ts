import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import pino from 'pino';
import { DEFAULT_PORT } from './config.ts';
import { startPlayground } from './server.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

function portArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = new Command()
    .name('socket-playground')
    .description('Real TCP and UDP sockets, driven and watched from the browser.')
    .option('--port <port>', 'port for the page and the bridge (0 = any free port)', portArg, DEFAULT_PORT)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--allowed-host <name...>', 'extra Host header names to accept (e.g. a name in /etc/hosts)', [])
    .option('--verbose', 'log every session and refused request to stderr', false)
    .parse(argv);
  const opts = program.opts<{ port: number; host: string; allowedHost: string[]; verbose: boolean }>();
  const log = pino({ level: opts.verbose ? 'info' : 'warn' }, pino.destination(2));

  const playground = await startPlayground(
    { port: opts.port, host: opts.host, allowedHosts: opts.allowedHost, webRoot: WEB_ROOT },
    log,
  ).catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'EADDRINUSE' ? `port ${opts.port} is already in use (try --port 0)` : err.message;
    console.error(`Socket Playground could not start: ${why}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await playground.close(`The playground was stopped (${signal}); every socket was closed.`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  console.log(`Socket Playground ready at ${playground.url}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
