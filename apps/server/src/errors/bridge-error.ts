import { catalogueError, type ErrorInfo, type ErrorKey, type ErrorParams } from '@playground/protocol';

/**
 * An error of the bridge itself (bad input, policy, quota), as opposed to one the OS reported. It is
 * built from an entry of the protocol's error catalogue, which also writes its English `message`.
 */
export class BridgeError<K extends ErrorKey = ErrorKey> extends Error {
  readonly info: ErrorInfo;

  constructor(
    readonly key: K,
    readonly params: ErrorParams<K>,
  ) {
    const info = catalogueError(key, params);
    super(info.message);
    this.name = 'BridgeError';
    this.info = info;
  }

  get code(): ErrorInfo['code'] {
    return this.info.code;
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
  if (err instanceof BridgeError) return err.info;
  if (hasErrorInfo(err)) return err.toInfo();
  return catalogueError('internal', {});
}
