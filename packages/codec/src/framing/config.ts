import { maxUint } from '../uint.ts';
import type { FramingConfig, LengthPrefixFraming } from './types.ts';

export type FramingErrorCode = 'bad-config' | 'too-long' | 'contains-delimiter' | 'not-json';

/** Thrown when sending cannot follow the framing (and for configurations that make no sense). */
export class FramingError extends Error {
  constructor(
    readonly code: FramingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FramingError';
  }
}

/** A length-prefix framing with its defaults filled in and its arithmetic worked out. */
export interface PrefixPlan {
  readonly width: number;
  readonly littleEndian: boolean;
  /** Bytes per unit the prefix counts: 1, or the chunk size. */
  readonly unitSize: number;
  /** Padding granularity; 1 means no padding. */
  readonly padTo: number;
  readonly padByte: number;
  readonly includesPadding: boolean;
  readonly maxLength: number;
  /** The largest number the prefix can hold. */
  readonly capacity: bigint;
}

export function prefixPlan(config: LengthPrefixFraming): PrefixPlan {
  const unitSize = config.unit === 'chunks' ? (config.chunkSize ?? 1) : 1;
  return {
    width: config.width,
    littleEndian: config.endian === 'little',
    unitSize,
    padTo: config.padTo ?? unitSize,
    padByte: config.padByte ?? 0,
    includesPadding: config.lengthIncludesPadding ?? true,
    maxLength: config.maxLength,
    capacity: maxUint(config.width),
  };
}

export function paddingFor(length: number, padTo: number): number {
  return (padTo - (length % padTo)) % padTo;
}

/** The pad byte a framing appends, which the JSON layer strips as seed 002's `strip(b'\x00')` does. */
export function padByteOf(config: FramingConfig): number | undefined {
  if (config.kind !== 'length-prefix') return undefined;
  const plan = prefixPlan(config);
  return plan.padTo > 1 ? plan.padByte : undefined;
}

const isCount = (n: unknown, min: number) => typeof n === 'number' && Number.isSafeInteger(n) && n >= min;
const isByte = (n: unknown) => isCount(n, 0) && (n as number) <= 255;

/** Everything wrong with a framing, as sentences for a settings form; empty when it is usable. */
export function framingProblems(config: FramingConfig): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  switch (config.kind) {
    case 'raw':
      break;
    case 'delimiter':
      need(config.delimiter.length > 0, 'The delimiter needs at least one byte.');
      need(config.delimiter.every(isByte), 'Every delimiter byte must be a number from 0 to 255.');
      need(isCount(config.maxLength, 0), 'The maximum length must be a whole number of bytes, 0 or more.');
      break;
    case 'length-prefix': {
      need([1, 2, 4, 8].includes(config.width), 'The length prefix must be 1, 2, 4 or 8 bytes wide.');
      need(config.endian === 'big' || config.endian === 'little', 'The byte order must be big or little endian.');
      need(config.unit === 'bytes' || config.unit === 'chunks', 'The prefix counts either bytes or chunks.');
      need(isCount(config.maxLength, 0), 'The maximum length must be a whole number of bytes, 0 or more.');
      need(config.padByte === undefined || isByte(config.padByte), 'The pad byte must be a number from 0 to 255.');
      need(config.padTo === undefined || isCount(config.padTo, 1), 'Padding must be to a multiple of 1 byte or more.');
      if (config.unit === 'chunks') {
        need(isCount(config.chunkSize, 1), 'Counting chunks needs a chunk size of 1 byte or more.');
        const { padTo, unitSize } = prefixPlan(config);
        need(
          padTo % unitSize === 0,
          `Counting ${unitSize}-byte chunks needs messages padded to a multiple of ${unitSize} bytes.`,
        );
        need(config.lengthIncludesPadding !== false, 'A count of chunks always includes the padding.');
      } else {
        need(config.chunkSize === undefined, 'A chunk size only applies when the prefix counts chunks.');
      }
      break;
    }
  }
  return problems;
}

export function assertFraming(config: FramingConfig): void {
  const problems = framingProblems(config);
  if (problems.length > 0) throw new FramingError('bad-config', problems.join(' '));
}
