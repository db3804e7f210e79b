import { z } from 'zod';
import { Behaviour, Host, Payload, Port, RecvSize, SocketId } from './vocabulary.ts';

export const CommandId = z.union([z.string().max(64), z.number().int()]);
export type CommandId = z.infer<typeof CommandId>;

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ id: CommandId, type: z.literal(type), ...shape }).strict();

export const TcpListen = command('tcp.listen', {
  host: Host,
  port: Port,
  backlog: z.number().int().min(0).max(4096).default(128),
  recvSize: RecvSize.default(1024),
  behaviour: Behaviour.default('echo'),
});

export const TcpConnect = command('tcp.connect', {
  host: Host,
  port: Port.min(1),
  recvSize: RecvSize.default(1024),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
});

export const UdpBind = command('udp.bind', {
  host: Host,
  port: Port,
  recvSize: RecvSize.default(1024),
  behaviour: Behaviour.default('none'),
  /** Where `socket.send` goes when it names no target: a UDP "client" is just an endpoint with a default peer. */
  remote: z.object({ host: Host, port: Port.min(1) }).optional(),
});

export const SocketSend = command('socket.send', {
  socketId: SocketId,
  data: Payload,
  /** UDP only: the datagram's destination, when not the endpoint's default peer. */
  to: z.object({ host: Host, port: Port.min(1) }).optional(),
});

export const TcpEnd = command('tcp.end', { socketId: SocketId });
export const TcpReset = command('tcp.reset', { socketId: SocketId });
export const SocketClose = command('socket.close', { socketId: SocketId });
export const SocketSetRecvSize = command('socket.setRecvSize', { socketId: SocketId, recvSize: RecvSize });

export const Command = z.discriminatedUnion('type', [
  TcpListen,
  TcpConnect,
  UdpBind,
  SocketSend,
  TcpEnd,
  TcpReset,
  SocketClose,
  SocketSetRecvSize,
]);
export type Command = z.infer<typeof Command>;
/** What a client writes: defaults may be left out. */
export type CommandInput = z.input<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export const COMMAND_TYPES = Command.options.map((o) => o.shape.type.value) as CommandType[];
/** A command before the client numbers it: what callers build, one variant per command type. */
export type CommandBody = CommandInput extends infer C ? (C extends { id: unknown } ? Omit<C, 'id'> : never) : never;
