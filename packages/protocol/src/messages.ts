import { z } from 'zod';
import { ClassInfo, Roster, Snapshot, Spotlight } from './classroom.ts';
import { CommandId } from './commands.ts';
import { ErrorInfo } from './errors.ts';
import { SocketEvent } from './events.ts';
import { Role } from './http.ts';
import { KernelSnapshot } from './kernel.ts';
import { ProgramMessage, TraceCodeInfo } from './program.ts';
import { Counters, Endpoint, SocketId, SocketInfo } from './vocabulary.ts';
import { WireBatch, WireStatus } from './wire.ts';

export const Limits = z.object({
  maxSockets: z.number().int(),
  maxServers: z.number().int(),
  maxMessageBytes: z.number().int(),
  previewBytes: z.number().int(),
  minPort: z.number().int(),
  maxPort: z.number().int(),
  /** Rate quotas, added without a version bump: optional so a message of an older bridge still validates. */
  bytesPerSecond: z.number().int().optional(),
  eventsPerSecond: z.number().int().optional(),
  /** Bytes of this session's sends that a peer which is not reading may leave waiting in the bridge. */
  maxSendBufferBytes: z.number().int().optional(),
  /** Commands of one session being carried out at once (e.g. connects still waiting for an answer). */
  maxPendingCommands: z.number().int().optional(),
});
export type Limits = z.infer<typeof Limits>;

export const Welcome = z.object({
  type: z.literal('welcome'),
  protocolVersion: z.number().int(),
  sessionId: z.string(),
  limits: Limits,
  /** Where clients may connect, in words, e.g. "loopback only". */
  targetPolicy: z.string(),
  /** Who this session is: the only user on this computer, or a student or the teacher in LAN mode. */
  role: Role.optional(),
  /**
   * Resuming (added without a version bump): a page that connected with `keep=1` may reopen its
   * session with `/ws?token=…&keep=1&resume=<resumeToken>` within `resumeGraceMs` of losing it.
   */
  resumeToken: z.string().optional(),
  resumeGraceMs: z.number().int().nonnegative().optional(),
  /** True when this WebSocket took over an existing session; a `snapshot` follows. */
  resumed: z.boolean().optional(),
  /** A student's name as typed when joining, and the id the teacher's roster knows them by. */
  name: z.string().optional(),
  studentId: z.string().optional(),
});

export const ReplyResult = z.object({
  socket: SocketInfo.optional(),
  bytes: z.number().int().optional(),
  /** `tcp.spawn`: the clients that connected. */
  sockets: z.array(SocketInfo).optional(),
  /** `trace.code`: the code that attaches a program to this session. */
  trace: TraceCodeInfo.optional(),
  /** `port.suggest`: a port a server can listen on now. */
  port: z.number().int().min(1).max(65535).optional(),
  /** `socket.recv`: what one recv(N) returned, all of it (base64); empty at FIN. UDP: from whom, bytes cut off. */
  received: z
    .object({
      data: z.string(),
      size: z.number().int().nonnegative(),
      from: Endpoint.optional(),
      lost: z.number().int().optional(),
    })
    .optional(),
  /** `socket.select`: the sockets ready to read or accept. */
  ready: z.array(SocketId).optional(),
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

/**
 * Events of one flush. Counters are exact even when events were folded to keep memory bounded.
 * `replies` (protocol 2) answer the page's commands, after the events that led to them: a command
 * and what it set off (the echo of a `send`) reach the page in one message.
 */
export const EventBatch = z.object({
  type: z.literal('events'),
  events: z.array(SocketEvent),
  folded: z.number().int().nonnegative(),
  counters: z.record(SocketId, Counters),
  replies: z.array(Reply).optional(),
});
export type EventBatch = z.infer<typeof EventBatch>;

/** Something the bridge tells the page outside any command, e.g. that it is shutting down. */
export const Notice = z.object({
  type: z.literal('notice'),
  /** `quota`: a rate quota was reached and the session's sockets stop reading for a moment. */
  code: z.enum(['shutdown', 'slow-consumer', 'quota', 'teacher']),
  message: z.string(),
  /** For `quota`: `limit` names it and `max` is its value, as in a `quota` error. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const ServerMessage = z.union([
  Welcome,
  OkReply,
  ErrorReply,
  EventBatch,
  Notice,
  KernelSnapshot,
  WireBatch,
  WireStatus,
  Snapshot,
  Roster,
  ClassInfo,
  Spotlight,
  ProgramMessage,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type Welcome = z.infer<typeof Welcome>;
export type Notice = z.infer<typeof Notice>;
