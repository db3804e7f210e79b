import { z } from 'zod';
import { DetachReason, MAX_CALL_TEXT, ProgramException, Tracer } from './program.ts';
import { Endpoint } from './vocabulary.ts';

/**
 * What a tracer sends the bridge over `/trace` (docs/trace.md): one `TraceCall` per socket call of
 * the traced program, in the order the program made them. The command-line tracer produces them
 * from the Python shim or from strace; Python running in the page (Pyodide) produces the same
 * records, so both show up on the page the same way. The bridge turns them into session events.
 */

/** Calls one `calls` message carries at most. */
export const MAX_TRACE_CALLS = 256;
/** Bytes of one call's data a tracer sends at most (the rest is counted in `n`, never shown). */
export const MAX_TRACE_DATA = 64 * 1024;

/**
 * What a call did, for the bridge's model of the program's sockets: `fn` is what the learner wrote
 * (`sendall`, `recv_into`, `accept4`), `op` what it is.
 */
export const TraceOp = z.enum([
  'socket',
  'bind',
  'listen',
  'accept',
  'connect',
  'send',
  'recv',
  'shutdown',
  'close',
  /** setsockopt, settimeout, setblocking and other calls that move no bytes. */
  'option',
  /** Not a call: the socket was still open when the program ended. */
  'exit-open',
]);
export type TraceOp = z.infer<typeof TraceOp>;

const text = z.string().max(MAX_CALL_TEXT);
const count = z.number().int().nonnegative();

export const TraceCall = z.object({
  /** When the call returned, in milliseconds on the tracer's clock (see `TraceHello.clock`). */
  t: z.number().nonnegative(),
  /** The tracer's name for the socket, unique within the program's run (`3`, `fd4#2`). */
  sock: z.string().min(1).max(40),
  op: TraceOp,
  fn: z.string().min(1).max(32),
  args: text,
  result: text.optional(),
  raised: ProgramException.optional(),
  /** socket(): what the program asked for. Only TCP and UDP over IPv4 or IPv6 are traced. */
  family: z.enum(['IPv4', 'IPv6']).optional(),
  socktype: z.enum(['stream', 'dgram']).optional(),
  /** The socket's own address and its peer's, when the call settled them (bind, listen, connect, accept). */
  local: Endpoint.optional(),
  remote: Endpoint.optional(),
  /** sendto()'s destination, recvfrom()'s source. */
  peer: Endpoint.optional(),
  backlog: count.optional(),
  /** accept(): the tracer's name for the socket it returned. */
  newSock: z.string().min(1).max(40).optional(),
  /** recv(N): N; send(data): the bytes it was given. */
  size: count.optional(),
  /** Bytes the call moved: what recv() returned, what send() reported sent. */
  n: count.optional(),
  /** Those bytes (base64), at most MAX_TRACE_DATA of them. */
  data: z
    .string()
    .max(Math.ceil(MAX_TRACE_DATA / 3) * 4)
    .optional(),
  /** shutdown(): which direction. */
  how: z.enum(['read', 'write', 'both']).optional(),
  /**
   * close(): bytes that were still waiting to be read (looked at with MSG_PEEK right before the
   * close, at most 64 KiB); `gc`: the garbage collector closed it, not the program.
   */
  unread: count.optional(),
  gc: z.boolean().optional(),
  /** socket() and exit-open: where the socket was made. Every call: the learner's line and thread. */
  file: z.string().max(300).optional(),
  line: z.number().int().positive().optional(),
  thread: z.string().max(64).optional(),
  ms: z.number().nonnegative().optional(),
  repeat: z.number().int().min(2).optional(),
});
export type TraceCall = z.infer<typeof TraceCall>;

/** The first message on `/trace`: which program, and the tracer's clock now (for mapping its times). */
export const TraceHello = z.object({
  type: z.literal('hello'),
  protocolVersion: z.number().int(),
  tracer: Tracer,
  /** The program as the learner knows it (the script's file name, or the executable's). */
  name: z.string().min(1).max(64),
  command: z.string().max(300),
  clock: z.number().nonnegative(),
  /**
   * `clock` minus the computer's monotonic clock (CLOCK_MONOTONIC), in milliseconds. A tracer on the
   * bridge's own computer is then mapped onto the session's clock exactly; from another computer
   * the bridge estimates the mapping from the round trip (TraceStarted.sync).
   */
  monotonicOffset: z.number().optional(),
});
export type TraceHello = z.infer<typeof TraceHello>;

export const TraceCalls = z.object({
  type: z.literal('calls'),
  calls: z.array(TraceCall).min(1).max(MAX_TRACE_CALLS),
});
export type TraceCalls = z.infer<typeof TraceCalls>;

/** The program ended (`code`, or the `signal` that ended it). The tracer closes after it. */
export const TraceExit = z.object({
  type: z.literal('exit'),
  clock: z.number().nonnegative(),
  code: z.number().int().nullable(),
  signal: z.string().max(16).nullable(),
});
export type TraceExit = z.infer<typeof TraceExit>;

/**
 * The program's process started (after `attached`): its pid, and for a finer clock mapping the
 * tracer's clock when it sent hello and when `attached` arrived (the bridge's clock then sits
 * halfway, give or take the network's asymmetry).
 */
export const TraceStarted = z.object({
  type: z.literal('started'),
  pid: z.number().int().nonnegative(),
  sync: z.object({ sent: z.number().nonnegative(), received: z.number().nonnegative() }).optional(),
});
export type TraceStarted = z.infer<typeof TraceStarted>;

export const TracerMessage = z.discriminatedUnion('type', [TraceHello, TraceStarted, TraceCalls, TraceExit]);
export type TracerMessage = z.infer<typeof TracerMessage>;

/** The bridge took the program into a session: the tracer starts it now. */
export const TraceAttached = z.object({
  type: z.literal('attached'),
  traceId: z.string(),
  /** Bytes of each call's data worth sending: the page is shown no more. */
  previewBytes: z.number().int().positive(),
  /** Local mode: the page that shows the program (its address); in a class, the student's name. */
  where: z.string().max(200),
  /** The session's clock as this was sent (see TraceStarted.sync). */
  clock: z.number().nonnegative().optional(),
});
export type TraceAttached = z.infer<typeof TraceAttached>;

/** Tracing stopped (the program runs on untraced); the bridge closes `/trace` after it. */
export const TraceDetached = z.object({
  type: z.literal('detached'),
  reason: DetachReason,
  message: z.string().max(300),
});
export type TraceDetached = z.infer<typeof TraceDetached>;

export const BridgeToTracer = z.discriminatedUnion('type', [TraceAttached, TraceDetached]);
export type BridgeToTracer = z.infer<typeof BridgeToTracer>;
