import { serveCommand } from '@playground/server/cli';
import { traceCommand } from '@playground/trace';
import { Command } from 'commander';

export interface ProgramOptions {
  /** Where the built page is; undefined serves a page saying how to build it. */
  webRoot: string | undefined;
  version: string;
  /** Where the Python tracer is: beside the compiled command in the package; this repository's otherwise. */
  shimDir?: string;
}

/**
 * The `socket-playground` command. `serve` is the default, so `socket-playground --lan` serves a
 * class. Each further command (`trace`) is one `addCommand` here whose action imports its code
 * when it runs, so that the others start no slower for it.
 */
export function program({ webRoot, version, shimDir }: ProgramOptions): Command {
  return new Command('socket-playground')
    .description('Real TCP and UDP sockets, driven and watched from the browser.')
    .version(version)
    .addCommand(serveCommand(webRoot), { isDefault: true })
    .addCommand(traceCommand(shimDir === undefined ? {} : { shimDir }))
    .addHelpText(
      'after',
      '\nWith no command, serve runs: `socket-playground --lan --lessons ./lessons`.\nIts options: `socket-playground serve --help`.\nYour own program, traced: `socket-playground trace -- python3 my_server.py`.',
    );
}
