import { encodeFrame, FramingError } from '@playground/codec';
import type { SplitPlan } from '@playground/engine';
import { type CommandOf, MAX_SPLIT_DURATION_MS, MAX_SPLIT_WRITES, splitWriteCount } from '@playground/protocol';
import { BridgeError } from '../errors/bridge-error.ts';

export interface SendPlan {
  /** The bytes of one repetition: the message, framed when the command asked for it. */
  bytes: Uint8Array;
  split: SplitPlan | undefined;
  /** Every byte the writes will carry, which is what the quotas count. */
  total: number;
}

/**
 * What a `socket.send` will write: the message framed (a framing that cannot carry it is a
 * bad_payload, explained), then cut and repeated. The whole of it must fit the message quota, and
 * a split send is bounded in writes and in time so one command cannot occupy a socket for long.
 */
export function planSend(message: Uint8Array, command: CommandOf<'socket.send'>, maxBytes: number): SendPlan {
  let bytes = message;
  if (command.framing) {
    try {
      bytes = encodeFrame(command.framing, message);
    } catch (err) {
      if (err instanceof FramingError) throw new BridgeError('bad_payload', { reason: err.message });
      throw err;
    }
  }
  const split = command.split;
  const repeat = split?.repeat ?? 1;
  const total = bytes.byteLength * repeat;
  if (total > maxBytes) {
    throw new BridgeError('quota.sendTotal', {
      limit: 'maxMessageBytes',
      max: maxBytes,
      size: total,
      repeat,
      each: bytes.byteLength,
    });
  }
  if (!split) return { bytes, split: undefined, total };
  const writes = splitWriteCount(bytes.byteLength, split);
  if (writes > MAX_SPLIT_WRITES) {
    throw new BridgeError('bad_command.splitWrites', { writes, max: MAX_SPLIT_WRITES });
  }
  const duration = (writes - 1) * split.delayMs;
  if (duration > MAX_SPLIT_DURATION_MS) {
    throw new BridgeError('bad_command.splitDuration', {
      writes,
      delayMs: split.delayMs,
      duration,
      max: MAX_SPLIT_DURATION_MS,
    });
  }
  return { bytes, split: { chunkSize: split.chunkSize, delayMs: split.delayMs, repeat }, total };
}
