import { z } from 'zod';
import { ConditionsSettings, Transport } from './conditions.ts';
import { FramingConfig } from './framing.ts';
import { ProgramInfo } from './program.ts';
import { SensorInfo } from './sensor.ts';

export const MIN_RECV_SIZE = 1;
export const MAX_RECV_SIZE = 65536;
/** Largest UDP payload over IPv4: 65,535 minus the 8-byte UDP and 20-byte IP headers. */
export const MAX_UDP_PAYLOAD = 65507;

export const SocketId = z.string().min(1).max(64);
export type SocketId = z.infer<typeof SocketId>;

/** `relay`: a network conditions stage (`conditions.create`) that clients reach instead of their server. */
export const SocketKind = z.enum(['tcp-server', 'tcp-conn', 'tcp-client', 'udp', 'relay']);
export type SocketKind = z.infer<typeof SocketKind>;

/**
 * What the socket API has observed, never a guess about the kernel: `fin-sent` means we called
 * end() (shutdown(SHUT_WR)); `fin-received` means a read returned 0 bytes (Python's `b''`);
 * `reset` means a read or write failed with ECONNRESET or EPIPE: the connection is gone, but the
 * socket stays open (as Python's does after ConnectionResetError) until it is closed.
 */
export const SocketState = z.enum([
  'listening',
  'bound',
  'connecting',
  'established',
  'fin-sent',
  'fin-received',
  'reset',
  'closed',
]);
export type SocketState = z.infer<typeof SocketState>;

export const Family = z.enum(['IPv4', 'IPv6']);
export type Family = z.infer<typeof Family>;

export const Endpoint = z.object({
  address: z.string(),
  port: z.number().int().min(0).max(65535),
  family: Family,
});
export type Endpoint = z.infer<typeof Endpoint>;

/**
 * What a server does with what it reads: `echo`, `none` (only observes), the classic RFC services
 * (`qotd` 865, `daytime` 867, `discard` 863, `chargen` 864), `upper` (seed 000's exercise) and
 * `framed-json` (seed 002's server: one JSON message per frame, answered in the same framing) and
 * `sensor` (seed 003's server: decodes fixed-size struct records, counts missing and late ones).
 */
export const Behaviour = z.enum([
  'echo',
  'none',
  'upper',
  'qotd',
  'daytime',
  'discard',
  'chargen',
  'framed-json',
  'sensor',
]);
export type Behaviour = z.infer<typeof Behaviour>;

/** How a TCP server serves its clients: all at once, or one at a time like a plain accept() loop. */
export const Concurrency = z.enum(['concurrent', 'one-at-a-time']);
export type Concurrency = z.infer<typeof Concurrency>;

export const RecvSize = z.number().int().min(MIN_RECV_SIZE).max(MAX_RECV_SIZE);

export const Port = z.number().int().min(0).max(65535);

/** Host names are resolved by the bridge and checked by policy; the schema only bounds the text. */
export const Host = z.string().min(1).max(253);

export const PayloadEncoding = z.enum(['text', 'escaped', 'hex', 'base64']);
export type PayloadEncoding = z.infer<typeof PayloadEncoding>;

export const Payload = z.object({
  encoding: PayloadEncoding,
  value: z.string().max(1_000_000),
});
export type Payload = z.infer<typeof Payload>;

export const SocketInfo = z.object({
  id: SocketId,
  kind: SocketKind,
  /** The listening server an accepted connection belongs to. */
  parentId: SocketId.optional(),
  local: Endpoint.optional(),
  remote: Endpoint.optional(),
  recvSize: RecvSize,
  behaviour: Behaviour.optional(),
  backlog: z.number().int().optional(),
  /** The framing a `framed-json` server (and each of its connections) decodes and answers with. */
  framing: FramingConfig.optional(),
  /** TCP servers: how clients are served. */
  concurrency: Concurrency.optional(),
  /** TCP servers: false when started like the seeds' servers, without SO_REUSEADDR (`tcp.listen`). */
  reuseAddress: z.boolean().optional(),
  /** Clients opened together by one `tcp.spawn` share a group, e.g. `spawn-1`. */
  group: z.string().max(64).optional(),
  /** A `relay`: the conditions stage, where it forwards to, and the seed of its random decisions. */
  conditions: z
    .object({ transport: Transport, target: Endpoint, settings: ConditionsSettings, seed: z.number().int() })
    .optional(),
  /** A sensor client (`sensor.start`) or a server with the `sensor` behaviour. */
  sensor: SensorInfo.optional(),
  /**
   * A socket of the learner's own program, traced (docs/trace.md): the playground only watches it,
   * so the page offers no buttons for it; `recvSize` means nothing for it (each recv names its own).
   */
  program: ProgramInfo.optional(),
  /** Driven by a program in the page (Python): it reads and accepts only when that program calls recv or accept. */
  manual: z.boolean().optional(),
});
export type SocketInfo = z.infer<typeof SocketInfo>;

export const Counters = z.object({
  bytesIn: z.number().int().nonnegative(),
  bytesOut: z.number().int().nonnegative(),
  reads: z.number().int().nonnegative(),
  writes: z.number().int().nonnegative(),
});
export type Counters = z.infer<typeof Counters>;
