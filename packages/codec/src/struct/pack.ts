import { writeUint } from '../uint.ts';
import { STRUCT_CODES } from './codes.ts';
import { StructError } from './errors.ts';
import { type StructFieldLayout, type StructLayout, structLayout } from './format.ts';
import { toHalfBits } from './half.ts';
import { outOfRange, type StructValue, show, toBytes, toFloat, toInteger, truthy } from './values.ts';

/** `struct.pack(format, *values)`. Pad and alignment bytes are zero, as in CPython. */
export function pack(format: string, values: readonly StructValue[]): Uint8Array {
  const layout = structLayout(format);
  if (values.length !== layout.fields.length) {
    throw new StructError(
      'wrong-count',
      `"${format}" packs ${layout.fields.length} value${layout.fields.length === 1 ? '' : 's'}, but ${values.length} ${values.length === 1 ? 'was' : 'were'} given.`,
      `struct.error: pack expected ${layout.fields.length} items for packing (got ${values.length})`,
    );
  }
  const out = new Uint8Array(layout.size);
  const view = new DataView(out.buffer);
  layout.fields.forEach((field, i) => {
    writeField(out, view, layout, field, values[i]);
  });
  return out;
}

function writeField(
  out: Uint8Array,
  view: DataView,
  layout: StructLayout,
  field: StructFieldLayout,
  value: StructValue | undefined,
): void {
  const { code, range } = field;
  const info = STRUCT_CODES[code];
  const size = range.end - range.start;
  switch (info.kind) {
    case 'int': {
      const n = toInteger(value, code);
      const bits = BigInt(size * 8);
      const min = info.signed ? -(1n << (bits - 1n)) : 0n;
      const max = info.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
      if (n < min || n > max) throw outOfRange(n, code, min, max);
      writeUint(out, range.start, size, layout.littleEndian, BigInt.asUintN(size * 8, n));
      return;
    }
    case 'float':
      writeFloat(out, view, layout, field, toFloat(value, code));
      return;
    case 'bool':
      out[range.start] = truthy(value) ? 1 : 0;
      return;
    case 'char': {
      const bytes = value instanceof Uint8Array ? value : undefined;
      if (bytes?.length !== 1) {
        throw new StructError(
          'not-bytes',
          `'c' packs exactly one byte (like b'A'), but got ${show(value)}.`,
          'struct.error: char format requires a bytes object of length 1',
        );
      }
      out[range.start] = bytes[0] as number;
      return;
    }
    case 'bytes':
      // Longer values are cut to the field's length; shorter ones leave the zero fill in place.
      out.set(toBytes(value, code).subarray(0, size), range.start);
      return;
    case 'pascal': {
      if (size === 0) return;
      const data = toBytes(value, code).subarray(0, size - 1);
      out.set(data, range.start + 1);
      out[range.start] = Math.min(data.length, 255);
      return;
    }
    case 'pad':
      return;
  }
}

function writeFloat(out: Uint8Array, view: DataView, layout: StructLayout, field: StructFieldLayout, x: number): void {
  const { code, range } = field;
  const size = range.end - range.start;
  const tooLarge = () =>
    new StructError(
      'out-of-range',
      `${x} is too large for '${code}' (${size === 2 ? 'a half float tops out at 65504' : 'a float tops out at about 3.4e38'}).`,
      `OverflowError: float too large to pack with ${code} format`,
    );
  if (size === 2) {
    const bits = toHalfBits(x);
    if (bits === undefined) throw tooLarge();
    writeUint(out, range.start, 2, layout.littleEndian, BigInt(bits));
  } else if (size === 4) {
    // CPython's native '@f' is a plain C cast that quietly becomes infinity; the standard sizes check.
    if (!layout.native && Number.isFinite(x) && !Number.isFinite(Math.fround(x))) throw tooLarge();
    view.setFloat32(range.start, x, layout.littleEndian);
  } else {
    view.setFloat64(range.start, x, layout.littleEndian);
  }
}
