import {
  catalogueError,
  type Endpoint,
  type ErrorCode,
  type ErrorInfo,
  type ErrorKey,
  type ErrorParams,
  OsErrorCode,
  type SocketKind,
  type WireParams,
} from '@playground/protocol';
import { hostPort } from './endpoints.ts';
import type { KernelTcpSocket } from './kernel/proc-net-tcp.ts';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: ErrorCode;
  readonly params?: WireParams;
  readonly syscall?: string;

  constructor(
    code: ErrorCode,
    message: string,
    details: { params?: WireParams | undefined; syscall?: string | undefined } = {},
  ) {
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

/** Which entry of the catalogue an OS error is, given what the socket was doing. */
function osKey(code: OsErrorCode, c: ErrorContext): ErrorKey {
  switch (code) {
    case 'ETIMEDOUT':
      return c.timeoutMs === undefined ? 'ETIMEDOUT.later' : 'ETIMEDOUT.connect';
    case 'EADDRINUSE':
      return 'EADDRINUSE.other';
    case 'EMSGSIZE':
      return c.size === undefined ? 'EMSGSIZE.plain' : 'EMSGSIZE.sized';
    default:
      return code;
  }
}

/** An error of the protocol's catalogue, its English sentence written by the catalogue. */
export function catalogued<K extends ErrorKey>(key: K, params: ErrorParams<K>, syscall?: string): EngineError {
  const { code, message, params: wire } = catalogueError(key, params);
  return new EngineError(code, message, { params: wire, syscall });
}

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
  if (code !== undefined && OsErrorCode.safeParse(code).success) {
    const key = osKey(code as OsErrorCode, context);
    // The context carries every param an OS error's sentence can use.
    return catalogued(key, paramsOf(context) as ErrorParams<typeof key>, syscall);
  }
  if (code !== undefined && CLOSED_CODES.has(code)) {
    return catalogued('invalid_state.gone', {}, syscall);
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

function paramsOf(context: ErrorContext): WireParams {
  const params: WireParams = { host: context.host, port: context.port };
  if (context.timeoutMs !== undefined) params.timeoutMs = context.timeoutMs;
  if (context.size !== undefined) params.size = context.size;
  return params;
}

export function timedOut(context: ErrorContext): EngineError {
  return toEngineError({ code: 'ETIMEDOUT', syscall: 'connect' }, context);
}

export function unknownSocket(id: string): EngineError {
  return catalogued('unknown_socket', { socketId: id });
}

export function wrongKind(id: string, kind: SocketKind, why: string): EngineError {
  return catalogued('wrong_socket_kind.other', { socketId: id, kind, why });
}

export function invalidState(id: string, why: string): EngineError {
  return catalogued('invalid_state.other', { socketId: id, why });
}

/**
 * What Python's bind() would say where the playground's could not: Node always sets SO_REUSEADDR,
 * so a server asked to start without it is refused here, from the kernel's own table.
 */
export function heldWithoutReuse(host: string, port: number, held: KernelTcpSocket): EngineError {
  const local = hostPort(held.local.address, held.local.port);
  const remote = hostPort(held.remote.address, held.remote.port);
  const params = { host, port, reason: 'noReuseAddr', state: held.state, local, remote } as const;
  return catalogued('EADDRINUSE.noReuseAddr', params, 'bind');
}

export function refusedByQuota(remote: Endpoint, max: number): EngineError {
  return catalogued('quota.acceptRefused', { limit: 'maxSockets', max, host: remote.address, port: remote.port });
}

/** A client of a conditions relay turned away: the connections the relay would open do not fit the socket quota. */
export function relayRefusedByQuota(remote: Endpoint, max: number, transport: 'tcp' | 'udp'): EngineError {
  const { address: host, port } = remote;
  return catalogued('quota.relay', { limit: 'maxSockets', max, host, port, via: 'relay', transport });
}
