import { type ByteRange, byteRange } from '../range.ts';
import { isStructCode, STRUCT_CODES, type StructCode } from './codes.ts';
import { StructError } from './errors.ts';

/**
 * Parses a struct format the way CPython does (`_struct.c`: prepare_s): an optional byte-order
 * character first, then codes with optional repeat counts, whitespace allowed between codes. The
 * result places every byte: each value's range, plus the pad bytes (`x`) and the alignment gaps
 * that `@` inserts, so a viewer can explain every byte of a record.
 */
export type ByteOrderChar = '@' | '=' | '<' | '>' | '!';

export interface StructFieldLayout {
  readonly code: StructCode;
  readonly range: ByteRange;
}

export interface StructPadding {
  readonly range: ByteRange;
  /** `pad-byte` comes from an `x` in the format; `alignment` is a gap `@` inserts before a field. */
  readonly reason: 'pad-byte' | 'alignment';
}

export interface StructLayout {
  readonly format: string;
  readonly byteOrder: ByteOrderChar;
  readonly littleEndian: boolean;
  /** True for `@` (also the default): native sizes (`l` is 8 bytes) and C alignment. */
  readonly native: boolean;
  readonly size: number;
  /** One entry per value, in the order `pack` takes them and `unpack` returns them. */
  readonly fields: readonly StructFieldLayout[];
  readonly padding: readonly StructPadding[];
}

/** The engine's platforms (x86-64 and ARM64 Linux) are little endian. */
const NATIVE_LITTLE_ENDIAN = true;
const WHITESPACE = ' \t\n\r\v\f';
/** Python accepts records of any size; a browser tab should not try to lay out a gigabyte. */
const MAX_SIZE = 1 << 24;
const MAX_FIELDS = 1 << 16;

const badFormat = (message: string, python = 'struct.error: bad char in struct format') =>
  new StructError('bad-format', message, python);

export function structLayout(format: string): StructLayout {
  const first = format[0] ?? '';
  const explicitOrder = '@=<>!'.includes(first) && first !== '';
  const byteOrder = (explicitOrder ? first : '@') as ByteOrderChar;
  const native = byteOrder === '@';
  const littleEndian = byteOrder === '<' || ((byteOrder === '@' || byteOrder === '=') && NATIVE_LITTLE_ENDIAN);
  const fields: StructFieldLayout[] = [];
  const padding: StructPadding[] = [];
  let offset = 0;

  let i = explicitOrder ? 1 : 0;
  while (i < format.length) {
    if (WHITESPACE.includes(format[i] as string)) {
      i++;
      continue;
    }
    const countStart = i;
    while (i < format.length && /[0-9]/.test(format[i] as string)) i++;
    const count = i > countStart ? Number(format.slice(countStart, i)) : 1;
    const code = format[i];
    if (code === undefined) {
      throw badFormat(
        `The format ends with the repeat count "${format.slice(countStart)}" but no format code after it.`,
        'struct.error: repeat count given without format specifier',
      );
    }
    checkCode(code, i, i > countStart);
    const info = STRUCT_CODES[code as StructCode];
    const size = native ? info.nativeSize : info.standardSize;
    if (native && size > 1 && offset % size !== 0) {
      const aligned = offset + size - (offset % size);
      padding.push({ range: byteRange(offset, aligned), reason: 'alignment' });
      offset = aligned;
    }
    if (info.kind === 'pad') {
      if (count > 0) padding.push({ range: byteRange(offset, offset + count), reason: 'pad-byte' });
      offset += count;
    } else if (info.kind === 'bytes' || info.kind === 'pascal') {
      fields.push({ code: code as StructCode, range: byteRange(offset, offset + count) });
      offset += count;
    } else {
      if (fields.length + count > MAX_FIELDS) throw tooBig(`${fields.length + count} values`);
      for (let k = 0; k < count; k++) {
        fields.push({ code: code as StructCode, range: byteRange(offset, offset + size) });
        offset += size;
      }
    }
    if (offset > MAX_SIZE) throw tooBig(`at least ${offset} bytes`);
    i++;
  }
  return { format, byteOrder, littleEndian, native, size: offset, fields, padding };
}

/** `struct.calcsize`: the number of bytes a record with this format occupies. */
export function calcsize(format: string): number {
  return structLayout(format).size;
}

function checkCode(code: string, position: number, afterCount: boolean): void {
  if (isStructCode(code)) return;
  const where = `position ${position + 1}`;
  if (afterCount && WHITESPACE.includes(code)) {
    throw badFormat(`A repeat count must touch its code, with no space in between (write "3i", not "3 i").`);
  }
  if ('@=<>!'.includes(code)) {
    throw badFormat(
      `"${code}" at ${where} can only be the first character: it sets the byte order of the whole record.`,
    );
  }
  throw badFormat(`"${code}" at ${where} is not a struct format code; use one of x c b B ? h H i I l L q Q e f d s p.`);
}

function tooBig(what: string): StructError {
  return badFormat(
    `This format describes ${what}; the playground handles records up to ${MAX_SIZE} bytes and ${MAX_FIELDS} values.`,
    '(Python accepts it; the limit is the playground’s own)',
  );
}
