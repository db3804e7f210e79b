import {
  PayloadError,
  parseEscaped,
  STRUCT_CODES,
  type StructCode,
  type StructValue,
  toPythonBytes,
} from '@playground/codec';

/** A value as Python prints it after `struct.unpack`: 3, 1.5, True, b'ab'. */
export function formatValue(value: StructValue): string {
  if (value instanceof Uint8Array) return toPythonBytes(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  }
  return String(value);
}

export class FieldInputError extends Error {}

const FLOATS: Record<string, number> = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, nan: Number.NaN };

/**
 * What a learner typed into one field of the pack form, as the value `struct.pack` takes: integers
 * as bigint (decimal or 0x hex), floats as numbers (inf and nan too), bytes with Python escapes.
 */
export function parseFieldInput(code: StructCode, text: string): StructValue {
  const kind = STRUCT_CODES[code].kind;
  const trimmed = text.trim();
  switch (kind) {
    case 'int':
      try {
        if (!/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(trimmed)) throw new SyntaxError();
        const negative = trimmed.startsWith('-');
        const n = BigInt(trimmed.replace(/^[-+]/, ''));
        return negative ? -n : n;
      } catch {
        throw new FieldInputError(`"${text}" is not a whole number.`);
      }
    case 'float': {
      const special = FLOATS[trimmed.toLowerCase()];
      if (special !== undefined) return special;
      const n = Number(trimmed);
      if (trimmed === '' || Number.isNaN(n)) throw new FieldInputError(`"${text}" is not a number.`);
      return n;
    }
    case 'bool':
      return trimmed === 'True' || trimmed === 'true' || trimmed === '1';
    default:
      try {
        return parseEscaped(text);
      } catch (error) {
        if (error instanceof PayloadError) throw new FieldInputError(error.message);
        throw error;
      }
  }
}

/** A sensible first value per code, so Pack works before anything is typed: 1, 2, 3 as in seed 003. */
export function defaultInput(code: StructCode, index: number): string {
  switch (STRUCT_CODES[code].kind) {
    case 'int':
      return String(index + 1);
    case 'float':
      return `${index + 1}.5`;
    case 'bool':
      return 'True';
    case 'char':
      return 'A';
    default:
      return 'hola';
  }
}

/** Field names typed as "temp, humidity, id" (like a namedtuple); missing ones are numbered. */
export function fieldNames(names: string, count: number): string[] {
  const given = names
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  return Array.from({ length: count }, (_, i) => given[i] ?? `#${i + 1}`);
}
