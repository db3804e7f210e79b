import type { ErrorCode, ErrorInfo } from '@playground/protocol';

/** An error of the bridge itself (bad input, policy, quota), as opposed to one the OS reported. */
export class BridgeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

interface InfoLike {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number>;
  syscall?: string;
}

function hasErrorInfo(err: unknown): err is { toInfo(): ErrorInfo } {
  return typeof err === 'object' && err !== null && typeof (err as { toInfo?: unknown }).toInfo === 'function';
}

/** Every failure becomes a typed ErrorInfo; anything unexpected is `internal` so no stack leaks to the page. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof BridgeError) return info(err);
  if (hasErrorInfo(err)) return err.toInfo();
  return { code: 'internal', message: 'Something went wrong inside the playground. The other sockets keep working.' };
}

function info(e: InfoLike): ErrorInfo {
  const out: ErrorInfo = { code: e.code, message: e.message };
  if (e.params) out.params = e.params;
  if (e.syscall) out.syscall = e.syscall;
  return out;
}
