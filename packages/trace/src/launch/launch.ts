import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { TraceCall, Tracer } from '@playground/protocol';

/** A program started under a tracer: its process, the tracer's lines, and how to read them. */
export interface Launch {
  tracer: Tracer;
  /** The process `trace` waits for: the program itself, or strace running it. */
  child: ChildProcess;
  /** The tracer's output, one record per line; it ends after the program does. */
  lines: Readable;
  /** Trace calls in one line (none for lines that are not calls). */
  parse(line: string): TraceCall[];
  /** The traced program's pid, once known (strace: from its first line). */
  onPid(listener: (pid: number) => void): void;
  /** After the program ended: what the learner should know about the trace, and clean-up. */
  finish(): string[];
}

export interface LaunchOptions {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The tracer's clock (performance.now()), which every trace call's `t` is on. */
  now: () => number;
  warn: (message: string) => void;
  /** The Python shim's folder, when not this package's own (a published package ships a copy). */
  shimDir?: string | undefined;
}
