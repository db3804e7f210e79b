import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { monotonicOffset } from '../clock.ts';
import { ShimParser } from '../shim-parser.ts';
import type { Launch, LaunchOptions } from './launch.ts';

/** The folder put first on PYTHONPATH: sitecustomize.py and the tracer it loads (shipped as package data). */
export const SHIM_DIR = fileURLToPath(new URL('../../python/', import.meta.url));

/** The descriptor the Python shim writes to: after stdin, stdout and stderr, which stay the program's. */
const TRACE_FD = 3;

/**
 * Runs a Python program with the shim loaded at start-up (sitecustomize on PYTHONPATH): nothing in
 * the learner's file changes, and the program's stdin, stdout and stderr stay the terminal's.
 */
export function launchPython(o: LaunchOptions): Launch {
  const original = o.env.PYTHONPATH;
  const child = spawn(o.command, o.args, {
    cwd: o.cwd,
    stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
    env: {
      ...o.env,
      PYTHONPATH: [o.shimDir ?? SHIM_DIR, original].filter(Boolean).join(delimiter),
      SOCKET_PLAYGROUND_TRACE_FD: String(TRACE_FD),
      SOCKET_PLAYGROUND_PYTHONPATH: original ?? '',
    },
  });
  const parser = new ShimParser(o.now, o.warn, monotonicOffset);
  return {
    tracer: 'python',
    child,
    lines: child.stdio[TRACE_FD] as Readable,
    parse: (line) => {
      const call = parser.line(line);
      return call ? [call] : [];
    },
    onPid: (listener) => {
      if (child.pid !== undefined) listener(child.pid);
      else child.once('spawn', () => listener(child.pid as number));
    },
    finish: () =>
      parser.hello
        ? []
        : [
            'The Python program did not load the tracer, so none of its calls were shown. Was it started with -E, -I or -S, or is it not Python?',
          ],
  };
}

/** `python3 my_server.py 5000` → `my_server.py`; `python3 -m http.server` → `http.server`. */
export function pythonProgramName(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-m' || arg === '-c') return arg === '-m' ? args[i + 1] : '-c';
    if (arg === '-W' || arg === '-X') i++;
    else if (!arg.startsWith('-')) return arg.split(/[\\/]/).at(-1);
  }
  return undefined;
}
