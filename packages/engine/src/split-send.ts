import { EngineError } from './errors.ts';

/** How one message becomes writes: pieces of `chunkSize` bytes (all of it if absent), `delayMs` apart, `repeat` times. */
export interface SplitPlan {
  chunkSize?: number | undefined;
  delayMs?: number;
  repeat?: number;
}

/** The writes a plan makes, in order: each repetition of the message is cut on its own. */
export function splitWrites(bytes: Uint8Array, plan: SplitPlan): Uint8Array[] {
  const size = Math.max(1, plan.chunkSize ?? bytes.length);
  const one: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) one.push(bytes.subarray(at, at + size));
  if (one.length === 0) one.push(bytes);
  const writes: Uint8Array[] = [];
  for (let r = 0; r < (plan.repeat ?? 1); r++) writes.push(...one);
  return writes;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Makes the writes one by one. Without a delay they all happen in the same tick, a burst the
 * kernel may send as one segment and the peer may read as one piece; with a delay each goes out
 * on its own. A failing write (the socket closed meanwhile) stops the rest and says how far it got.
 */
export async function sendSplit(
  bytes: Uint8Array,
  plan: SplitPlan,
  write: (piece: Uint8Array) => Promise<number>,
): Promise<number> {
  const writes = splitWrites(bytes, plan);
  const delayMs = plan.delayMs ?? 0;
  let sent = 0;
  const stopped = (err: unknown, done: number): never => {
    if (done === 0 || !(err instanceof EngineError)) throw err;
    throw new EngineError(err.code, `${err.message} (${done} of ${writes.length} writes were made.)`, {
      ...(err.params ? { params: err.params } : {}),
      ...(err.syscall ? { syscall: err.syscall } : {}),
    });
  };
  if (delayMs === 0) {
    const pending: Promise<number>[] = [];
    try {
      for (const piece of writes) pending.push(write(piece));
    } catch (err) {
      await Promise.allSettled(pending);
      stopped(err, pending.length);
    }
    for (const n of await Promise.all(pending)) sent += n;
    return sent;
  }
  for (const [i, piece] of writes.entries()) {
    if (i > 0) await sleep(delayMs);
    try {
      sent += await write(piece);
    } catch (err) {
      stopped(err, i);
    }
  }
  return sent;
}
