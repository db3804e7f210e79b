import { z } from 'zod';
import { ConditionsSettings, ConditionsStats } from './conditions.ts';
import { ErrorInfo } from './errors.ts';
import { ProgramCall, ProgramHint, Witness } from './program.ts';
import { SensorRecord, SensorStats } from './sensor.ts';
import { Endpoint, SocketId, SocketInfo, SocketKind, SocketState } from './vocabulary.ts';

/**
 * Bytes on the wire travel as base64. `size` is always exact; `data` may be a capped preview
 * (then `data` decodes to fewer than `size` bytes).
 */
const bytes = {
  size: z.number().int().nonnegative(),
  data: z.string(),
};

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z
    .object({
      /** Per-session sequence number, gap-free in the engine; gaps on the wire mean folded events. */
      seq: z.number().int().nonnegative(),
      /** Milliseconds since the session started, from a monotonic clock. */
      t: z.number().nonnegative(),
      socketId: SocketId,
      kind: SocketKind,
      type: z.literal(type),
      /** Absent: the playground's own socket API (`application`). `program`: a traced program's call. */
      witness: Witness.optional(),
      /** The program's call behind this event, with its source line and thread (`program` witness only). */
      call: ProgramCall.optional(),
    })
    .extend(shape);

export const OpenedEvent = event('opened', { socket: SocketInfo });
export const StateEvent = event('state', { state: SocketState });
export const ListeningEvent = event('listening', { local: Endpoint });
export const AcceptEvent = event('accept', { connId: SocketId, remote: Endpoint });
/**
 * A one-at-a-time server: the kernel completed the handshake, but the server is still serving an
 * earlier client, so this connection waits (its bytes unread) until the server's accept() takes it;
 * `accept` follows then. `position` is its place in the waiting line, from 1.
 */
export const QueuedEvent = event('queued', {
  connId: SocketId,
  remote: Endpoint,
  position: z.number().int().positive(),
});
export const ConnectedEvent = event('connected', { local: Endpoint, remote: Endpoint });
/**
 * Where a TCP event's bytes sit in its direction's byte stream: the bytes this socket read (or
 * wrote) before them. Links a `recv` or `send` to the captured segments that carried the same
 * bytes (a segment's `streamOffset`). Counted by the bridge before any folding, so always exact.
 */
const offset = z.number().int().nonnegative().optional();
/** One event per `recv(N)`: at most `recvSize` bytes. */
export const RecvEvent = event('recv', { ...bytes, readNo: z.number().int().positive(), offset });
/** One event per write the application made. */
export const SendEvent = event('send', { ...bytes, writeNo: z.number().int().positive(), offset });
export const FinSentEvent = event('fin-sent', {});
/** A read returned 0 bytes: the peer will send nothing more. */
export const FinReceivedEvent = event('fin-received', {});
export const ResetSentEvent = event('reset-sent', {});
export const DatagramInEvent = event('datagram-in', {
  ...bytes,
  from: Endpoint,
  /** Bytes of the datagram that did not fit the receive buffer and are gone, as with recvfrom(N). */
  lost: z.number().int().nonnegative(),
  readNo: z.number().int().positive(),
});
export const DatagramOutEvent = event('datagram-out', {
  ...bytes,
  to: Endpoint,
  writeNo: z.number().int().positive(),
});
export const RecvSizeEvent = event('recv-size', { recvSize: z.number().int().positive() });
/** TCP_NODELAY changed: `true` means Nagle's algorithm is off. */
export const NoDelayEvent = event('no-delay', { noDelay: z.boolean() });
/** The application stopped (`paused`) or resumed calling recv(). */
export const ReadingEvent = event('reading', { paused: z.boolean() });
export const ErrorEvent = event('error', { error: ErrorInfo });
export const ClosedEvent = event('closed', {
  hadError: z.boolean(),
  /**
   * A traced program's socket leaves the session without being closed: tracing stopped (the page's
   * session ended, a quota, the tracer's connection dropped). The program may still be using it.
   */
  untraced: z.boolean().optional(),
});

/** A relay's settings changed (`conditions.update`); what is already on its way keeps its schedule. */
export const ConditionsEvent = event('conditions', { settings: ConditionsSettings });
/** A relay's counters, at most a few times a second while they change, and once more when it closes. */
export const ConditionsStatsEvent = event('conditions-stats', { stats: ConditionsStats });
/**
 * A relay started (or stopped) carrying one client's traffic: `peer` is the client as the relay sees
 * it, `upstream` the relay's own address towards the target (what the server sees as its peer).
 */
export const RelayFlowEvent = event('relay-flow', {
  peer: Endpoint,
  upstream: Endpoint,
  flow: z.enum(['opened', 'closed']),
});
/**
 * A sensor server decoded records from one sender (`from`): the records since the last such event
 * (at most MAX_SENSOR_RECORDS_PER_EVENT; `skipped` more were decoded but not sent) and that sender's
 * exact counts. About ten per second per sender while records arrive.
 */
export const SensorDataEvent = event('sensor-data', {
  from: Endpoint,
  records: z.array(SensorRecord),
  skipped: z.number().int().nonnegative(),
  stats: SensorStats,
});

/**
 * A program's call that is none of the events above: bind() before listen(), setsockopt(),
 * settimeout(), recv() returning b'' once more, an exception that is not a socket error.
 */
export const CallEvent = event('call', { call: ProgramCall });
/** One of the classic mistakes, seen in a program's calls; points at its line (docs/trace.md). */
export const HintEvent = event('hint', { hint: ProgramHint });

export const SocketEvent = z.discriminatedUnion('type', [
  OpenedEvent,
  StateEvent,
  ListeningEvent,
  AcceptEvent,
  QueuedEvent,
  ConnectedEvent,
  RecvEvent,
  SendEvent,
  FinSentEvent,
  FinReceivedEvent,
  ResetSentEvent,
  DatagramInEvent,
  DatagramOutEvent,
  RecvSizeEvent,
  NoDelayEvent,
  ReadingEvent,
  ErrorEvent,
  ClosedEvent,
  ConditionsEvent,
  ConditionsStatsEvent,
  RelayFlowEvent,
  SensorDataEvent,
  CallEvent,
  HintEvent,
]);
export type SocketEvent = z.infer<typeof SocketEvent>;
export type SocketEventType = SocketEvent['type'];
export type SocketEventOf<T extends SocketEventType> = Extract<SocketEvent, { type: T }>;

export const EVENT_TYPES = SocketEvent.options.map((o) => o.shape.type.value) as SocketEventType[];
