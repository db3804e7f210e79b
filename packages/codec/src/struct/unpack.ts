import type { ByteRange } from '../range.ts';
import { readUint } from '../uint.ts';
import { STRUCT_CODES, type StructCode } from './codes.ts';
import { StructError } from './errors.ts';
import { type StructFieldLayout, type StructLayout, type StructPadding, structLayout } from './format.ts';
import { fromHalfBits } from './half.ts';
import type { StructValue } from './values.ts';

export interface UnpackedField {
  readonly code: StructCode;
  /** The bytes of the record this value came from. */
  readonly range: ByteRange;
  readonly value: StructValue;
}

export interface Unpacked {
  readonly values: StructValue[];
  readonly fields: UnpackedField[];
  /** Bytes that belong to no value: `x` pad bytes and `@` alignment gaps. */
  readonly padding: readonly StructPadding[];
  readonly layout: StructLayout;
}

/** `struct.unpack(format, buffer)`: the buffer must be exactly `calcsize(format)` bytes long. */
export function unpack(format: string, bytes: Uint8Array): Unpacked {
  const layout = structLayout(format);
  if (bytes.length !== layout.size) {
    throw new StructError(
      'buffer-size',
      `"${format}" describes exactly ${layout.size} byte${layout.size === 1 ? '' : 's'}, but ${bytes.length} ${bytes.length === 1 ? 'was' : 'were'} given.`,
      `struct.error: unpack requires a buffer of ${layout.size} bytes`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields = layout.fields.map((field) => ({ ...field, value: readField(bytes, view, layout, field) }));
  return { values: fields.map((f) => f.value), fields, padding: layout.padding, layout };
}

function readField(bytes: Uint8Array, view: DataView, layout: StructLayout, field: StructFieldLayout): StructValue {
  const { code, range } = field;
  const info = STRUCT_CODES[code];
  const size = range.end - range.start;
  const le = layout.littleEndian;
  switch (info.kind) {
    case 'int': {
      const raw = readUint(bytes, range.start, size, le);
      const n = info.signed ? BigInt.asIntN(size * 8, raw) : raw;
      return size === 8 ? n : Number(n);
    }
    case 'float':
      if (size === 2) return fromHalfBits(Number(readUint(bytes, range.start, 2, le)));
      return size === 4 ? view.getFloat32(range.start, le) : view.getFloat64(range.start, le);
    case 'bool':
      return bytes[range.start] !== 0;
    case 'char':
    case 'bytes':
      return bytes.slice(range.start, range.end);
    case 'pascal': {
      // CPython fails on '0p' (a negative length inside the interpreter); an empty field is empty bytes.
      if (size === 0) return new Uint8Array(0);
      const length = Math.min(bytes[range.start] as number, size - 1);
      return bytes.slice(range.start + 1, range.start + 1 + length);
    }
    case 'pad':
      throw new Error(`pad code ${code} has no value`);
  }
}
