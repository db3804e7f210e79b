import { z } from 'zod';
import {
  ClassAllowPeersShape,
  ClassPublishShape,
  ClassRevokeShape,
  ClassSpotlightShape,
  ClassStopStudentSocketsShape,
  ClassUnwatchShape,
  ClassWatchShape,
  LessonProgressShape,
} from './classroom.ts';
import { ConditionsPatch, ConditionsSettings, Transport } from './conditions.ts';
import { FramingConfig } from './framing.ts';
import { KernelWatchScope } from './kernel.ts';
import { PageCall } from './program.ts';
import { MAX_CHUNK_SIZE, MIN_CHUNK_SIZE } from './rules.ts';
import { MAX_SENSOR_DURATION_S, MAX_SENSOR_RATE_HZ, SensorRecordSpec, SensorServerConfig } from './sensor.ts';
import { Behaviour, Concurrency, Host, Payload, Port, RecvSize, SocketId } from './vocabulary.ts';

export const CommandId = z.union([z.string().max(64), z.number().int()]);

/** Bounds of a split send, so one command cannot keep a socket busy for long. */
export const MAX_SPLIT_REPEAT = 1000;
export const MAX_SPLIT_DELAY_MS = 5000;
/** A split send with delays finishes within this long: (writes − 1) × delayMs may not exceed it. */
export const MAX_SPLIT_DURATION_MS = 60_000;
/** Writes one split send may make: every write is an event on both ends. */
export const MAX_SPLIT_WRITES = 10_000;
export type CommandId = z.infer<typeof CommandId>;

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ id: CommandId, type: z.literal(type), ...shape }).strict();

export const TcpListen = command('tcp.listen', {
  host: Host,
  port: Port,
  backlog: z.number().int().min(0).max(4096).default(128),
  recvSize: RecvSize.default(1024),
  behaviour: Behaviour.default('echo'),
  /** For `framed-json`: how messages are found and answered (default: seed 002's length padded to 60). */
  framing: FramingConfig.optional(),
  /** For `sensor`: the record format the server decodes, and whether it acknowledges each record. */
  sensor: SensorServerConfig.optional(),
  /** `one-at-a-time`: like the seeds' accept() loop, one client is served until it closes; the rest wait. */
  concurrency: Concurrency.default('concurrent'),
  /**
   * `false`: like the seeds' servers, which do not set SO_REUSEADDR, refuse (EADDRINUSE) a port that
   * a connection still holds (TIME_WAIT after the server closed first). Node always sets it, so the
   * playground checks the kernel's table first and refuses on Python's behalf.
   */
  reuseAddress: z.boolean().default(true),
  /** A program in the page drives it (docs/python.md): connections wait for `socket.accept`, bytes for `socket.recv`. */
  manual: z.boolean().default(false),
  /** The page program's call this command carries out (docs/python.md). */
  call: PageCall.optional(),
});

export const TcpConnect = command('tcp.connect', {
  host: Host,
  port: Port.min(1),
  recvSize: RecvSize.default(1024),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  /** A program in the page drives it: its bytes wait for `socket.recv` (docs/python.md). */
  manual: z.boolean().default(false),
  /** The page program's call this command carries out (docs/python.md). */
  call: PageCall.optional(),
});

export const UdpBind = command('udp.bind', {
  host: Host,
  port: Port,
  recvSize: RecvSize.default(1024),
  behaviour: Behaviour.default('none'),
  /** Where `socket.send` goes when it names no target: a UDP "client" is just an endpoint with a default peer. */
  remote: z.object({ host: Host, port: Port.min(1) }).optional(),
  /** For `framed-json`: how each datagram's message is framed. */
  framing: FramingConfig.optional(),
  /** For `sensor`: the record format the server decodes, and whether it acknowledges each record. */
  sensor: SensorServerConfig.optional(),
  /** A program in the page drives it: datagrams wait for `socket.recv` (docs/python.md). */
  manual: z.boolean().default(false),
  /** The page program's call this command carries out (docs/python.md). */
  call: PageCall.optional(),
});

export const SocketSend = command('socket.send', {
  socketId: SocketId,
  data: Payload,
  /** UDP only: the datagram's destination, when not the endpoint's default peer. */
  to: z.object({ host: Host, port: Port.min(1) }).optional(),
  /** Encode the message with this framing first (a length prefix, padding, a delimiter). */
  framing: FramingConfig.optional(),
  /**
   * Send the (framed) message as writes of `chunkSize` bytes, `delayMs` apart (0: all in one burst),
   * `repeat` times over. Over UDP every write is one datagram. The total must fit `maxMessageBytes`.
   */
  split: z
    .object({
      chunkSize: z.number().int().min(MIN_CHUNK_SIZE).max(MAX_CHUNK_SIZE).optional(),
      delayMs: z.number().int().min(0).max(MAX_SPLIT_DELAY_MS).default(0),
      repeat: z.number().int().min(1).max(MAX_SPLIT_REPEAT).default(1),
    })
    .strict()
    .optional(),
  /** The page program's call this command carries out (docs/python.md). */
  call: PageCall.optional(),
});

export const TcpEnd = command('tcp.end', { socketId: SocketId, call: PageCall.optional() });
export const TcpReset = command('tcp.reset', { socketId: SocketId });
export const SocketClose = command('socket.close', { socketId: SocketId, call: PageCall.optional() });
export const SocketSetRecvSize = command('socket.setRecvSize', { socketId: SocketId, recvSize: RecvSize });
/** The listening socket closes (new clients are refused); connections it accepted stay open. */
export const ServerStopListening = command('server.stopListening', { socketId: SocketId });

/** Longest a program's blocking call waits in the bridge; a longer (or no) timeout asks again. */
export const MAX_WAIT_MS = 30_000;
const WaitMs = z.number().int().min(0).max(MAX_WAIT_MS);

/**
 * A program's recv(N) / recvfrom(N) on a `manual` socket: the reply carries the bytes one recv(N)
 * returned (`received`), exactly what its `recv` or `datagram-in` event shows; empty at FIN. With
 * `timeoutMs` it gives up then with ETIMEDOUT and takes nothing. One wait per socket at a time.
 */
export const SocketRecv = command('socket.recv', {
  socketId: SocketId,
  max: RecvSize,
  timeoutMs: WaitMs,
  call: PageCall.optional(),
});
/** A program's accept() on a `manual` TCP server: the reply's `socket` is the connection it takes. */
export const SocketAccept = command('socket.accept', {
  socketId: SocketId,
  timeoutMs: WaitMs,
  call: PageCall.optional(),
});
/**
 * A program's select(): which of `read` (manual sockets) have something for recv or accept now, or
 * as soon as one does within `timeoutMs` (the reply's `ready`; empty when the time ran out).
 */
export const SocketSelect = command('socket.select', {
  read: z.array(SocketId).min(1).max(64),
  timeoutMs: WaitMs,
});

/** Most clients one `tcp.spawn` opens, and most messages each sends: bounded, whatever the quota. */
export const MAX_SPAWN_CLIENTS = 50;
export const MAX_SPAWN_MESSAGES = 100;
/** Largest message a spawned client repeats. */
export const MAX_SPAWN_MESSAGE_BYTES = 4096;

/** Opens `count` TCP clients to one server; each sends `data` `messages` times, then (with `end`) sends FIN. */
export const TcpSpawn = command('tcp.spawn', {
  host: Host,
  port: Port.min(1),
  count: z.number().int().min(1).max(MAX_SPAWN_CLIENTS),
  messages: z.number().int().min(0).max(MAX_SPAWN_MESSAGES).default(1),
  data: Payload,
  /** Pause between one client's messages; the first goes as soon as it is connected. */
  intervalMs: z.number().int().min(0).max(10_000).default(100),
  recvSize: RecvSize.default(1024),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  /** After its last message a client half-closes (FIN), as the seed's client does by leaving `with`. */
  end: z.boolean().default(true),
});

/** Probes a free port stops after this many ports above the one asked for, then lets the OS pick. */
export const MAX_PORT_PROBES = 20;

/**
 * Where a new server could listen: `port` if nothing on this computer holds it, else the first free
 * one of the next few, else one the OS picks. Probed with a throwaway socket that is closed at once,
 * so it holds nothing; a server started later may still find the port taken by then.
 */
export const PortSuggest = command('port.suggest', { transport: Transport, host: Host, port: Port.min(1) });

/** Starts (or retunes) polling the kernel's TCP table for this session; `kernel` messages follow on change. */
export const KernelWatch = command('kernel.watch', {
  intervalMs: z.number().int().min(100).max(5000).default(250),
  scope: KernelWatchScope.default('playground'),
});
export const KernelUnwatch = command('kernel.unwatch', {});
/**
 * Starts capturing this session's connections on the wire (tcpdump on loopback): `wire-status`,
 * then `wire` messages with the segments follow. Off unless the bridge allows capture.
 */
export const WireWatch = command('wire.watch', {});
export const WireUnwatch = command('wire.unwatch', {});
/** TCP_NODELAY: `true` turns Nagle's algorithm off, so small writes leave at once instead of being gathered. */
export const SocketSetNoDelay = command('socket.setNoDelay', { socketId: SocketId, noDelay: z.boolean() });
/** Stop (or resume) calling recv(): bytes wait in the kernel, as in a busy program, and arrive together later. */
export const SocketPauseReading = command('socket.pauseReading', { socketId: SocketId, paused: z.boolean() });

/**
 * Puts a network conditions stage in front of `target`: a relay socket (kind `relay`) listening at
 * `host`:`port` (0: the OS picks) that forwards to the target through the settings. Clients connect
 * to the relay's `local` address instead of the server's. Its random decisions come from `seed`
 * (picked and reported in `conditions.seed` when absent), so the same seed replays the same run.
 */
export const ConditionsCreate = command('conditions.create', {
  transport: Transport,
  host: Host.default('127.0.0.1'),
  port: Port.default(0),
  target: z.object({ host: Host, port: Port.min(1) }).strict(),
  settings: ConditionsSettings.prefault({}),
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
});
/** Changes the named settings of a relay while traffic flows; what is already on its way keeps its schedule. */
export const ConditionsUpdate = command('conditions.update', { socketId: SocketId, settings: ConditionsPatch });

/**
 * A sensor client: a TCP client or a UDP endpoint that sends one `format` record every 1/`rateHz`
 * seconds, with random readings, for `durationS` seconds or `count` records (whichever ends first);
 * a TCP sensor then half-closes. It reads what comes back (e.g. a sensor server's acknowledgements).
 */
export const SensorStart = command('sensor.start', {
  transport: Transport,
  host: Host,
  port: Port.min(1),
  ...SensorRecordSpec.shape,
  rateHz: z.number().int().min(1).max(MAX_SENSOR_RATE_HZ).default(10),
  durationS: z.number().int().min(1).max(MAX_SENSOR_DURATION_S).default(60),
  count: z
    .number()
    .int()
    .min(1)
    .max(MAX_SENSOR_RATE_HZ * MAX_SENSOR_DURATION_S)
    .optional(),
  sensorId: z.number().int().min(0).max(0xffff_ffff).default(1),
  recvSize: RecvSize.default(1024),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
});

/**
 * The code that attaches a traced program to this session (`socket-playground trace --code …`,
 * docs/trace.md): the session's current one, made if there is none; `renew` replaces it, so the
 * old one stops working. The page never starts a program: it only shows the command to type.
 */
export const TraceCode = command('trace.code', { renew: z.boolean().default(false) });

/** The classroom (teacher only): see classroom.ts. */
export const ClassWatch = command('class.watch', ClassWatchShape);
export const ClassUnwatch = command('class.unwatch', ClassUnwatchShape);
export const ClassPublish = command('class.publish', ClassPublishShape);
export const ClassAllowPeers = command('class.allowPeers', ClassAllowPeersShape);
export const ClassStopStudentSockets = command('class.stopStudentSockets', ClassStopStudentSocketsShape);
export const ClassSpotlight = command('class.spotlight', ClassSpotlightShape);
export const ClassRevoke = command('class.revoke', ClassRevokeShape);
/** Any page: where its learner is in a guided lesson (shown on the teacher's roster). */
export const LessonProgressReport = command('lesson.progress', LessonProgressShape);

export const Command = z.discriminatedUnion('type', [
  TcpListen,
  TcpConnect,
  UdpBind,
  SocketSend,
  TcpEnd,
  TcpReset,
  SocketClose,
  SocketSetRecvSize,
  SocketSetNoDelay,
  SocketPauseReading,
  ServerStopListening,
  SocketRecv,
  SocketAccept,
  SocketSelect,
  TcpSpawn,
  PortSuggest,
  KernelWatch,
  KernelUnwatch,
  WireWatch,
  WireUnwatch,
  ConditionsCreate,
  ConditionsUpdate,
  SensorStart,
  TraceCode,
  ClassWatch,
  ClassUnwatch,
  ClassPublish,
  ClassAllowPeers,
  ClassStopStudentSockets,
  ClassSpotlight,
  ClassRevoke,
  LessonProgressReport,
]);
export type Command = z.infer<typeof Command>;
/** What a client writes: defaults may be left out. */
export type CommandInput = z.input<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export const COMMAND_TYPES = Command.options.map((o) => o.shape.type.value) as CommandType[];
/** A command before the client numbers it: what callers build, one variant per command type. */
export type CommandBody = CommandInput extends infer C ? (C extends { id: unknown } ? Omit<C, 'id'> : never) : never;
