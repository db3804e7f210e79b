import { Command, Option } from 'commander';

import type { TraceOptions } from './options.ts';

export const DEFAULT_URL = 'http://127.0.0.1:4780/';

/**
 * The `trace` command, for a program of commands to add (`socket-playground trace -- …`): it
 * attaches to a playground page, runs the program under a tracer, streams its socket calls to the
 * page and sets the exit code to the program's (2 when it could not start tracing). Everything
 * after `--` is the program's. Only commander is loaded until the command runs, so adding it costs
 * the other commands nothing.
 */
export function traceCommand(settings: { shimDir?: string } = {}): Command {
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
    .action(async (programArgs: string[], opts: TraceOptions) => {
      const { trace } = await import('./run.ts');
      process.exitCode = await trace(programArgs, { ...opts, ...settings });
    });
}
