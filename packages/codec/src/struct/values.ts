import { STRUCT_CODES, type StructCode } from './codes.ts';
import { StructError } from './errors.ts';

/**
 * What JavaScript offers in place of Python's int, float, bool and bytes. Integer codes take a
 * number (it must be whole) or a bigint; booleans count as 0 and 1 as they do in Python. Unpacking
 * gives bigint for 8-byte integers (`q`, `Q`, and `l`/`L` with `@`) and number for all narrower
 * ones, so a field's type depends only on the format, never on the value.
 */
export type StructValue = number | bigint | boolean | Uint8Array;

const describe = (code: StructCode) => `'${code}' (${STRUCT_CODES[code].cType})`;

export function show(value: StructValue | undefined): string {
  if (value instanceof Uint8Array) return `a ${value.length}-byte bytes value`;
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

export function toInteger(value: StructValue | undefined, code: StructCode): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  throw new StructError(
    'not-an-integer',
    `${describe(code)} needs a whole number, but got ${show(value)}.`,
    'struct.error: required argument is not an integer',
  );
}

export function toFloat(value: StructValue | undefined, code: StructCode): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') {
    const x = Number(value);
    if (!Number.isFinite(x)) {
      throw new StructError(
        'out-of-range',
        `${show(value)} is too large to turn into a floating-point number for ${describe(code)}.`,
        'OverflowError: int too large to convert to float',
      );
    }
    return x;
  }
  throw new StructError(
    'not-a-float',
    `${describe(code)} needs a number, but got ${show(value)}.`,
    'struct.error: required argument is not a float',
  );
}

export function toBytes(value: StructValue | undefined, code: StructCode): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new StructError(
    'not-bytes',
    `${describe(code)} needs bytes (like b'abc'), but got ${show(value)}.`,
    `struct.error: argument for '${code}' must be a bytes object`,
  );
}

/** Python's truth test, which is all `?` looks at. */
export function truthy(value: StructValue | undefined): boolean {
  if (value instanceof Uint8Array) return value.length > 0;
  return Boolean(value);
}

export function outOfRange(value: bigint | number, code: StructCode, min: bigint | number, max: bigint | number) {
  return new StructError(
    'out-of-range',
    `${value} does not fit in ${describe(code)}: it must be between ${min} and ${max}.`,
    'struct.error: argument out of range',
  );
}
