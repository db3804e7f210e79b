import { z } from 'zod';

/** Errors the operating system reports, under their POSIX names. */
export const OsErrorCode = z.enum([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EADDRINUSE',
  'EACCES',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EMSGSIZE',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAFNOSUPPORT',
]);
export type OsErrorCode = z.infer<typeof OsErrorCode>;

/** Errors of the playground itself. */
export const BridgeErrorCode = z.enum([
  'bad_json',
  'bad_command',
  'bad_payload',
  'unknown_socket',
  'wrong_socket_kind',
  'invalid_state',
  'not_allowed',
  'quota',
  'unknown_student',
  'internal',
]);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCode>;

export const ErrorCode = z.enum([...OsErrorCode.options, ...BridgeErrorCode.options]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorInfo = z.object({
  code: ErrorCode,
  /** A sentence a learner understands, in English; the web app translates by `code` and `params`. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The system call that failed (connect, bind, send, …) when the OS reported the error. */
  syscall: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;
