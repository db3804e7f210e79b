import {
  type Endpoint,
  type ErrorCode,
  type ErrorInfo,
  MAX_UDP_PAYLOAD,
  type OsErrorCode,
  type SocketKind,
} from '@playground/protocol';
import { hostPort } from './endpoints.ts';
import type { KernelTcpSocket } from './kernel/proc-net-tcp.ts';

export type ErrorParams = Record<string, string | number>;

export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
  readonly syscall?: string;

  constructor(code: ErrorCode, message: string, details: { params?: ErrorParams; syscall?: string } = {}) {
    super(message);
    this.code = code;
    if (details.params) this.params = details.params;
    if (details.syscall) this.syscall = details.syscall;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.params) info.params = this.params;
    if (this.syscall) info.syscall = this.syscall;
    return info;
  }
}

/** What the socket was talking to or bound to when the error happened; it becomes the error's params. */
export interface ErrorContext {
  host: string;
  port: number;
  timeoutMs?: number;
  size?: number;
}

const SENTENCES: Record<OsErrorCode, (c: ErrorContext) => string> = {
  ECONNREFUSED: (c) => `Nobody is listening on ${hostPort(c.host, c.port)}, so the other side refused the connection.`,
  ECONNRESET: (c) =>
    `${hostPort(c.host, c.port)} reset the connection (closed it abruptly), so data still in flight is lost.`,
  ETIMEDOUT: (c) =>
    c.timeoutMs === undefined
      ? `${hostPort(c.host, c.port)} stopped answering, so the connection timed out.`
      : `Nobody at ${hostPort(c.host, c.port)} answered within ${c.timeoutMs} ms, so the connection attempt was given up.`,
  EADDRINUSE: (c) =>
    `Port ${c.port} on ${c.host} is already in use by another socket; pick another port or stop the other server.`,
  EACCES: (c) =>
    `This program may not use port ${c.port} on ${c.host}; ports below 1024 usually need administrator rights.`,
  EADDRNOTAVAIL: (c) => `The address ${c.host} does not belong to this computer, so a socket cannot use it.`,
  ENOTFOUND: (c) => `The name ${c.host} could not be found, so there is no address to talk to.`,
  EMSGSIZE: (c) =>
    `A UDP datagram carries at most ${MAX_UDP_PAYLOAD} bytes${c.size === undefined ? '' : `, and this one has ${c.size}`}; split the data or use TCP.`,
  EPIPE: (c) =>
    `The connection to ${hostPort(c.host, c.port)} is already closed for writing, so these bytes cannot be sent.`,
  EHOSTUNREACH: (c) => `There is no route to ${c.host}, so it cannot be reached from this computer.`,
  ENETUNREACH: (c) => `The network of ${c.host} cannot be reached from this computer.`,
  EAFNOSUPPORT: (c) => `This socket cannot use the address family of ${c.host}; IPv4 and IPv6 sockets do not mix.`,
};

/** Node's own codes for using a socket that is already gone: to a learner that is the same mistake. */
const CLOSED_CODES = new Set(['ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_SOCKET_DGRAM_NOT_RUNNING']);

interface NodeLikeError {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  errors?: unknown;
}

export function toEngineError(err: unknown, context: ErrorContext): EngineError {
  if (err instanceof EngineError) return err;
  const e = (err ?? {}) as NodeLikeError;
  const syscall = typeof e.syscall === 'string' ? e.syscall : undefined;
  const code = codeOf(e);
  if (code !== undefined && Object.hasOwn(SENTENCES, code)) {
    return new EngineError(code as OsErrorCode, SENTENCES[code as OsErrorCode](context), {
      params: paramsOf(context),
      syscall,
    });
  }
  if (code !== undefined && CLOSED_CODES.has(code)) {
    return new EngineError('invalid_state', 'The socket is already closed, so it cannot do that any more.', {
      syscall,
    });
  }
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(err);
  return new EngineError('internal', message, { syscall });
}

/** Node's dual-stack connect ("happy eyeballs") reports an AggregateError whose code sits on the attempts. */
function codeOf(e: NodeLikeError): string | undefined {
  if (typeof e.code === 'string') return e.code;
  if (Array.isArray(e.errors)) return codeOf((e.errors[0] ?? {}) as NodeLikeError);
  return undefined;
}

function paramsOf(context: ErrorContext): ErrorParams {
  const params: ErrorParams = { host: context.host, port: context.port };
  if (context.timeoutMs !== undefined) params.timeoutMs = context.timeoutMs;
  if (context.size !== undefined) params.size = context.size;
  return params;
}

export function timedOut(context: ErrorContext): EngineError {
  return toEngineError({ code: 'ETIMEDOUT', syscall: 'connect' }, context);
}

export function unknownSocket(id: string): EngineError {
  return new EngineError('unknown_socket', `There is no socket ${id} in this session.`, { params: { socketId: id } });
}

export function wrongKind(id: string, kind: SocketKind, why: string): EngineError {
  return new EngineError('wrong_socket_kind', `${id} is a ${kind} socket: ${why}`, { params: { socketId: id, kind } });
}

export function invalidState(id: string, why: string): EngineError {
  return new EngineError('invalid_state', `${id} ${why}`, { params: { socketId: id } });
}

/**
 * What Python's bind() would say where the playground's could not: Node always sets SO_REUSEADDR,
 * so a server asked to start without it is refused here, from the kernel's own table.
 */
export function heldWithoutReuse(host: string, port: number, held: KernelTcpSocket): EngineError {
  const local = hostPort(held.local.address, held.local.port);
  const remote = hostPort(held.remote.address, held.remote.port);
  const until = held.state === 'TIME_WAIT' ? 'until TIME_WAIT ends (60 s on Linux)' : 'until that connection is gone';
  return new EngineError(
    'EADDRINUSE',
    `Port ${port} on ${host} is still held by a connection in ${held.state} (${local} ↔ ${remote}), so a server that does not set SO_REUSEADDR, like the seeds' Python servers, cannot bind it: Python's bind() fails here with "Address already in use" ${until}. Node always sets SO_REUSEADDR, so the playground checked the kernel's table and refused on Python's behalf.`,
    { params: { host, port, reason: 'noReuseAddr', state: held.state, local, remote }, syscall: 'bind' },
  );
}

export function refusedByQuota(remote: Endpoint, max: number): EngineError {
  return new EngineError(
    'quota',
    `A connection from ${hostPort(remote.address, remote.port)} was refused (reset): this session already has ${max} open sockets, the most allowed.`,
    { params: { limit: 'maxSockets', max, host: remote.address, port: remote.port } },
  );
}

/** A client of a conditions relay turned away: the connections the relay would open do not fit the socket quota. */
export function relayRefusedByQuota(remote: Endpoint, max: number, transport: 'tcp' | 'udp'): EngineError {
  const what = transport === 'tcp' ? 'A connection' : 'A datagram';
  const done = transport === 'tcp' ? 'refused (reset)' : 'dropped';
  return new EngineError(
    'quota',
    `${what} from ${hostPort(remote.address, remote.port)} to the relay was ${done}: its connections would take this session past ${max} open sockets, the most allowed.`,
    { params: { limit: 'maxSockets', max, host: remote.address, port: remote.port, via: 'relay' } },
  );
}
