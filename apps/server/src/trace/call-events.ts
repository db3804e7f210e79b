import {
  type Endpoint,
  type ErrorInfo,
  OsErrorCode,
  type ProgramCall,
  type ProgramException,
  type TraceCall,
} from '@playground/protocol';

/** The call behind a program's event, as the page shows it beside the event. */
export function programCall(call: TraceCall): ProgramCall {
  const shown: ProgramCall = { fn: call.fn, args: call.args };
  if (call.result !== undefined) shown.result = call.result;
  if (call.raised !== undefined) shown.raised = call.raised;
  if (call.file !== undefined) shown.file = call.file;
  if (call.line !== undefined) shown.line = call.line;
  if (call.thread !== undefined) shown.thread = call.thread;
  if (call.ms !== undefined) shown.ms = call.ms;
  if (call.repeat !== undefined) shown.repeat = call.repeat;
  return shown;
}

/**
 * An exception that is one of the socket errors the page explains (ECONNREFUSED, ECONNRESET,
 * EPIPE, EACCES…) becomes an `error` event, in the same words as the playground's own sockets'
 * errors; anything else (a timeout, EAGAIN, EBADF) stays a call that raised.
 */
export function socketError(raised: ProgramException | undefined, fn: string, where?: Endpoint): ErrorInfo | undefined {
  const code = OsErrorCode.safeParse(raised?.code);
  if (!raised || !code.success) return undefined;
  const error: ErrorInfo = { code: code.data, message: raised.message, syscall: fn };
  if (where) error.params = { host: where.address, port: where.port };
  return error;
}

/** Bytes of a call's data (what the tracer sent of them: the page shows no more). */
export function callBytes(call: TraceCall): Uint8Array {
  return call.data ? new Uint8Array(Buffer.from(call.data, 'base64')) : new Uint8Array(0);
}
