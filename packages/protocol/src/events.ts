import { z } from 'zod';
import { ErrorInfo } from './errors.ts';
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
  z.object({
    /** Per-session sequence number, gap-free in the engine; gaps on the wire mean folded events. */
    seq: z.number().int().nonnegative(),
    /** Milliseconds since the session started, from a monotonic clock. */
    t: z.number().nonnegative(),
    socketId: SocketId,
    kind: SocketKind,
    type: z.literal(type),
    ...shape,
  });

export const OpenedEvent = event('opened', { socket: SocketInfo });
export const StateEvent = event('state', { state: SocketState });
export const ListeningEvent = event('listening', { local: Endpoint });
export const AcceptEvent = event('accept', { connId: SocketId, remote: Endpoint });
export const ConnectedEvent = event('connected', { local: Endpoint, remote: Endpoint });
/** One event per `recv(N)`: at most `recvSize` bytes. */
export const RecvEvent = event('recv', { ...bytes, readNo: z.number().int().positive() });
/** One event per write the application made. */
export const SendEvent = event('send', { ...bytes, writeNo: z.number().int().positive() });
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
export const ErrorEvent = event('error', { error: ErrorInfo });
export const ClosedEvent = event('closed', { hadError: z.boolean() });

export const SocketEvent = z.discriminatedUnion('type', [
  OpenedEvent,
  StateEvent,
  ListeningEvent,
  AcceptEvent,
  ConnectedEvent,
  RecvEvent,
  SendEvent,
  FinSentEvent,
  FinReceivedEvent,
  ResetSentEvent,
  DatagramInEvent,
  DatagramOutEvent,
  RecvSizeEvent,
  ErrorEvent,
  ClosedEvent,
]);
export type SocketEvent = z.infer<typeof SocketEvent>;
export type SocketEventType = SocketEvent['type'];
export type SocketEventOf<T extends SocketEventType> = Extract<SocketEvent, { type: T }>;

export const EVENT_TYPES = SocketEvent.options.map((o) => o.shape.type.value) as SocketEventType[];
