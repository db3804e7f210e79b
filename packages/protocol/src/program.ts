import { z } from 'zod';

/**
 * The learner's own program as a witness (docs/trace.md): its sockets join the session's, marked
 * with the program they belong to, and its socket calls are the session's events with the call
 * behind each one (`call`: file, line, thread). Nothing here imports the rest of the protocol, so
 * the vocabulary and the events can both build on it.
 */

/**
 * Who saw an event. Absent means `application`: the playground's own sockets (the engine). The
 * `program` witness is a traced process (the Python shim, strace) or Python running in the page.
 */
export const Witness = z.enum(['application', 'kernel', 'wire', 'program']);
export type Witness = z.infer<typeof Witness>;

/** Where a program's events come from: the Python shim, strace (any language, Linux), Pyodide in the page. */
export const Tracer = z.enum(['python', 'strace', 'pyodide']);
export type Tracer = z.infer<typeof Tracer>;

/** Longest argument or result text a call carries; the tracer shortens with `…`. */
export const MAX_CALL_TEXT = 200;

const text = z.string().max(MAX_CALL_TEXT);

/** An exception a call raised (Python), or the errno a system call returned (strace). */
export const ProgramException = z.object({
  /** `ConnectionRefusedError`, `TimeoutError`, `OSError`; for strace the errno name again. */
  type: z.string().max(64),
  errno: z.number().int().optional(),
  /** The errno's POSIX name, e.g. `ECONNREFUSED`. */
  code: z.string().max(24).optional(),
  message: text,
});
export type ProgramException = z.infer<typeof ProgramException>;

/** The call behind a program's event, as its source code made it. */
export const ProgramCall = z.object({
  /** The method or system call: `recv`, `sendall`, `accept4`, … */
  fn: z.string().min(1).max(32),
  /** Its arguments as the program's language writes them, shortened: `1024`, `('127.0.0.1', 65432)`. */
  args: text,
  /** What it returned when that is not already the event's bytes: `0`, `(s7, ('127.0.0.1', 51234))`. */
  result: text.optional(),
  raised: ProgramException.optional(),
  /** The learner's source line (frames inside the socket library are skipped); absent for strace. */
  file: z.string().max(300).optional(),
  line: z.number().int().positive().optional(),
  thread: z.string().max(64).optional(),
  /** How long the call took, in milliseconds: how long it blocked. */
  ms: z.number().nonnegative().optional(),
  /**
   * The same outcome on the same socket and line this many times in a row (b'' again, the same
   * exception again). A tracer reports such a run at its 1st, 2nd, 4th, 8th… call and at its end,
   * so a program spinning in a loop costs a few events, and the count stays exact.
   */
  repeat: z.number().int().min(2).optional(),
});
export type ProgramCall = z.infer<typeof ProgramCall>;

/**
 * The call of a program in the page (Python, docs/python.md) that a command carries out: the
 * bridge puts it, with what the call returned, on the command's event, as a traced call's, and
 * checks it for the same classic mistakes. `made`: the line of the socket() call, on the command
 * that makes the socket. `ended`: the program ended with this socket open, and the page closes it
 * as the operating system would.
 */
export const PageCall = z
  .object({
    fn: ProgramCall.shape.fn,
    args: text,
    line: z.number().int().positive().optional(),
    made: z.number().int().positive().optional(),
    ended: z.literal(true).optional(),
  })
  .strict();
export type PageCall = z.infer<typeof PageCall>;

/** What marks a socket as the learner's program's: which process, as the page names it. */
export const ProgramInfo = z.object({
  /** The bridge's name for one traced run of a program, e.g. `p1`. */
  traceId: z.string().min(1).max(32),
  pid: z.number().int().nonnegative(),
  /** The program as the learner knows it: `my_server.py`, `nc`. */
  name: z.string().max(64),
});
export type ProgramInfo = z.infer<typeof ProgramInfo>;

/**
 * The classic mistakes a program's calls show, each pointing at a line:
 * - `recv-not-message`: a recv() returned less than the peer had sent, and the program stopped
 *   reading (one recv() taken for one message);
 * - `recv-after-eof`: recv() was called again after it returned b'' (the peer will send nothing more);
 * - `send-partial`: send() wrote fewer bytes than it was given and nothing sent the rest;
 * - `never-closed`: the socket was still open when the program ended (or the garbage collector closed it);
 * - `privileged-port`: bind() to a port below 1024 (refused with EACCES, or allowed only to an administrator);
 * - `connect-refused`: connect() found nobody listening.
 */
export const HintCode = z.enum([
  'recv-not-message',
  'recv-after-eof',
  'send-partial',
  'never-closed',
  'privileged-port',
  'connect-refused',
]);
export type HintCode = z.infer<typeof HintCode>;

export const ProgramHint = z.object({
  code: HintCode,
  /** The line the hint is about (the recv that was taken for a message, the bind, the connect). */
  file: z.string().max(300).optional(),
  line: z.number().int().positive().optional(),
  /** The numbers and names the page puts into the hint's sentence (sizes, ports, counts). */
  params: z.record(z.string().max(32), z.union([z.string().max(MAX_CALL_TEXT), z.number()])),
});
export type ProgramHint = z.infer<typeof ProgramHint>;

export const ProgramStatus = z.enum(['running', 'exited', 'detached']);
export type ProgramStatus = z.infer<typeof ProgramStatus>;

/**
 * Why tracing stopped while the program may still run: its page's session ended, it went past a
 * quota of the session, it sent what is not a trace, the teacher stopped the student's sockets, the
 * bridge shut down, or the tracer's connection dropped.
 */
export const DetachReason = z.enum(['session-closed', 'quota', 'invalid', 'teacher', 'shutdown', 'tracer-gone']);
export type DetachReason = z.infer<typeof DetachReason>;

/**
 * A traced program joined the session, ended, or stopped being traced. Sent on each change; a
 * resumed page gets every program of the session again.
 */
export const ProgramMessage = z.object({
  type: z.literal('program'),
  ...ProgramInfo.shape,
  /** The command line as typed after `--`, shortened. */
  command: z.string().max(300),
  tracer: Tracer,
  status: ProgramStatus,
  /** When it attached, on the session's clock. */
  startedT: z.number().nonnegative(),
  /** When it exited or detached, on the session's clock. */
  endedT: z.number().nonnegative().optional(),
  exitCode: z.number().int().optional(),
  signal: z.string().max(16).optional(),
  /** Why tracing stopped, for `detached`: in English; the page translates by `reasonCode`. */
  reason: z.string().max(300).optional(),
  reasonCode: DetachReason.optional(),
});
export type ProgramMessage = z.infer<typeof ProgramMessage>;

/** The code a page shows for attaching a program to its session (`trace.code`). */
export const TraceCodeInfo = z.object({
  /** Eight letters and digits, shown as `ABCD-2345`; typed with or without the dash, in any case. */
  code: z.string().max(16),
  /** Until then the code attaches programs; each attach (and each request for it) extends it. */
  expiresInMs: z.number().int().nonnegative(),
  /** Programs one session may have attached at once. */
  maxPrograms: z.number().int().positive(),
});
export type TraceCodeInfo = z.infer<typeof TraceCodeInfo>;
