import { encodeFrame, type FramingConfig } from '@playground/codec';
import {
  MAX_CHUNK_SIZE,
  MAX_SPLIT_DELAY_MS,
  MAX_SPLIT_REPEAT,
  MIN_CHUNK_SIZE,
  splitWriteCount,
} from '@playground/protocol';
import type { CommandBody } from '../../bridge/client.ts';

/** The send box's "how to write it" choices, as typed. */
export interface SendOptionsValue {
  mode: 'one' | 'split';
  chunkSize: string;
  delayMs: string;
  repeat: string;
  framing: FramingConfig;
}

export const DEFAULT_SEND_OPTIONS: SendOptionsValue = {
  mode: 'one',
  chunkSize: '4',
  delayMs: '0',
  repeat: '1',
  framing: { kind: 'raw' },
};

export type SendOptionField = 'chunkSize' | 'delayMs' | 'repeat';
export interface SendOptionProblem {
  field: SendOptionField;
  min: number;
  max: number;
}

type SendExtras = Pick<Extract<CommandBody, { type: 'socket.send' }>, 'split' | 'framing'>;

const LIMITS: Record<SendOptionField, [number, number]> = {
  chunkSize: [MIN_CHUNK_SIZE, MAX_CHUNK_SIZE],
  delayMs: [0, MAX_SPLIT_DELAY_MS],
  repeat: [1, MAX_SPLIT_REPEAT],
};

function whole(value: string, field: SendOptionField): number | SendOptionProblem {
  const [min, max] = LIMITS[field];
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : { field, min, max };
}

/** The command fields for these options, or the first field that is out of range. */
export function sendExtras(options: SendOptionsValue): { extras: SendExtras; problem: SendOptionProblem | null } {
  const extras: SendExtras = options.framing.kind === 'raw' ? {} : { framing: options.framing };
  const repeat = whole(options.repeat, 'repeat');
  if (typeof repeat !== 'number') return { extras, problem: repeat };
  if (options.mode === 'one') {
    if (repeat > 1) extras.split = { repeat };
    return { extras, problem: null };
  }
  const chunkSize = whole(options.chunkSize, 'chunkSize');
  if (typeof chunkSize !== 'number') return { extras, problem: chunkSize };
  const delayMs = whole(options.delayMs, 'delayMs');
  if (typeof delayMs !== 'number') return { extras, problem: delayMs };
  extras.split = { chunkSize, delayMs, repeat };
  return { extras, problem: null };
}

/** Bytes and writes the send will make, for the line under the box; null when the framing cannot carry it. */
export function plannedWrites(message: Uint8Array, extras: SendExtras): { bytes: number; writes: number } | null {
  let size = message.length;
  if (extras.framing) {
    try {
      size = encodeFrame(extras.framing, message).length;
    } catch {
      return null;
    }
  }
  return { bytes: size, writes: splitWriteCount(size, extras.split) };
}

/** A reply to a split send with pauses comes once every write is made: wait long enough for it. */
export function sendTimeoutMs(extras: SendExtras, writes: number): number | undefined {
  const delay = extras.split?.delayMs ?? 0;
  return delay > 0 ? 10_000 + delay * writes : undefined;
}
