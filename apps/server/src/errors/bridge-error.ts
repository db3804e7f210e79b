import {
  type ErrorCode,
  type ErrorInfo,
  type ErrorKey,
  type ErrorParams,
  errorCodeOf,
  errorMessage,
  wireParams,
} from '@playground/protocol';

/**
 * An error of the bridge itself (bad input, policy, quota), as opposed to one the OS reported. It is
 * built from an entry of the protocol's error catalogue, which also writes its English `message`.
 */
export class BridgeError<K extends ErrorKey = ErrorKey> extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly key: K,
    readonly params: ErrorParams<K>,
  ) {
    super(errorMessage(key, params));
    this.name = 'BridgeError';
    this.code = errorCodeOf(key);
  }

  is<O extends ErrorKey>(key: O): this is BridgeError<O> {
    return (this.key as ErrorKey) === key;
  }
}

function hasErrorInfo(err: unknown): err is { toInfo(): ErrorInfo } {
  return typeof err === 'object' && err !== null && typeof (err as { toInfo?: unknown }).toInfo === 'function';
}

/** Every failure becomes a typed ErrorInfo; anything unexpected is `internal` so no stack leaks to the page. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof BridgeError) return info(err);
  if (hasErrorInfo(err)) return err.toInfo();
  return { code: 'internal', message: errorMessage('internal', {}) };
}

function info(e: BridgeError): ErrorInfo {
  const out: ErrorInfo = { code: e.code, message: e.message };
  const params = wireParams(e.params);
  if (Object.keys(params).length > 0) out.params = params;
  return out;
}
