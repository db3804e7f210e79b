import { z } from 'zod';
import { CommandId } from './commands.ts';
import { ErrorInfo } from './errors.ts';
import { SocketEvent } from './events.ts';
import { Counters, SocketId, SocketInfo } from './vocabulary.ts';

export const Limits = z.object({
  maxSockets: z.number().int(),
  maxServers: z.number().int(),
  maxMessageBytes: z.number().int(),
  previewBytes: z.number().int(),
  minPort: z.number().int(),
  maxPort: z.number().int(),
});
export type Limits = z.infer<typeof Limits>;

export const Welcome = z.object({
  type: z.literal('welcome'),
  protocolVersion: z.number().int(),
  sessionId: z.string(),
  limits: Limits,
  /** Where clients may connect, in words, e.g. "loopback only". */
  targetPolicy: z.string(),
});

export const ReplyResult = z.object({
  socket: SocketInfo.optional(),
  bytes: z.number().int().optional(),
});
export type ReplyResult = z.infer<typeof ReplyResult>;

export const OkReply = z.object({
  type: z.literal('reply'),
  re: CommandId.nullable(),
  ok: z.literal(true),
  result: ReplyResult,
});
export const ErrorReply = z.object({
  type: z.literal('reply'),
  re: CommandId.nullable(),
  ok: z.literal(false),
  error: ErrorInfo,
});
export const Reply = z.discriminatedUnion('ok', [OkReply, ErrorReply]);
export type Reply = z.infer<typeof Reply>;

/** Events of one flush. Counters are exact even when events were folded to keep memory bounded. */
export const EventBatch = z.object({
  type: z.literal('events'),
  events: z.array(SocketEvent),
  folded: z.number().int().nonnegative(),
  counters: z.record(SocketId, Counters),
});
export type EventBatch = z.infer<typeof EventBatch>;

/** Something the bridge tells the page outside any command, e.g. that it is shutting down. */
export const Notice = z.object({
  type: z.literal('notice'),
  code: z.enum(['shutdown', 'slow-consumer']),
  message: z.string(),
});

export const ServerMessage = z.union([Welcome, OkReply, ErrorReply, EventBatch, Notice]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type Welcome = z.infer<typeof Welcome>;
export type Notice = z.infer<typeof Notice>;
