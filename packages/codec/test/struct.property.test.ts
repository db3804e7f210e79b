import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calcsize, pack, STRUCT_CODES, type StructCode, type StructValue, structLayout, unpack } from '../src/index.ts';

/** A random format item with values that fit it, for `<order><count><code>` formats. */
interface Item {
  code: StructCode;
  count: number;
  values: StructValue[];
}

const ORDERS = ['', '@', '=', '<', '>', '!'];

function valueFor(code: StructCode, size: number): fc.Arbitrary<StructValue> {
  const info = STRUCT_CODES[code];
  switch (info.kind) {
    case 'int': {
      const bits = BigInt(size * 8);
      const min = info.signed ? -(1n << (bits - 1n)) : 0n;
      const max = info.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
      return fc.bigInt({ min, max }).map((n) => (size < 8 ? Number(n) : n));
    }
    case 'float':
      if (code === 'e') return fc.double({ min: -65504, max: 65504, noNaN: true });
      if (code === 'f') return fc.double({ min: -3.4e38, max: 3.4e38 });
      return fc.double();
    case 'bool':
      return fc.boolean();
    default:
      return fc.uint8Array({ minLength: code === 'c' ? 1 : 0, maxLength: code === 'c' ? 1 : 12 });
  }
}

const format = fc.constantFrom(...ORDERS).chain((order) => {
  const native = order === '' || order === '@';
  const item = fc
    .tuple(fc.constantFrom(...(Object.keys(STRUCT_CODES) as StructCode[])), fc.integer({ min: 0, max: 4 }))
    .chain(([code, count]): fc.Arbitrary<Item> => {
      const size = native ? STRUCT_CODES[code].nativeSize : STRUCT_CODES[code].standardSize;
      const kind = STRUCT_CODES[code].kind;
      if (kind === 'pad') return fc.constant({ code, count, values: [] });
      if (kind === 'bytes' || kind === 'pascal') {
        return valueFor(code, size).map((v) => ({ code, count: Math.max(count, 1) * 3, values: [v] }));
      }
      return fc
        .array(valueFor(code, size), { minLength: count, maxLength: count })
        .map((values) => ({ code, count, values }));
    });
  return fc.array(item, { maxLength: 6 }).map((items) => ({
    format: order + items.map((i) => `${i.count}${i.code}`).join(' '),
    items,
  }));
});

/** What unpack should give back for a value that went through pack. */
function expected(code: StructCode, fieldSize: number, value: StructValue): StructValue {
  if (code === 'f') return Math.fround(value as number);
  if (code === 's') {
    const out = new Uint8Array(fieldSize);
    out.set((value as Uint8Array).subarray(0, fieldSize));
    return out;
  }
  if (code === 'p') return (value as Uint8Array).slice(0, fieldSize - 1);
  return value;
}

describe('struct round trips', () => {
  it('unpack(pack(values)) gives the values back, field by field', () => {
    fc.assert(
      fc.property(format, ({ format: fmt, items }) => {
        const values = items.flatMap((i) => i.values);
        const packed = pack(fmt, values);
        expect(packed.length).toBe(calcsize(fmt));
        const { fields } = unpack(fmt, packed);
        expect(fields.length).toBe(values.length);
        fields.forEach((field, i) => {
          const sent = values[i] as StructValue;
          const size = field.range.end - field.range.start;
          if (field.code === 'e') {
            // Half floats keep 11 significant bits; relative error is at most 2^-11 above the subnormals.
            expect(Math.abs((field.value as number) - (sent as number))).toBeLessThanOrEqual(
              Math.max(Math.abs(sent as number) * 2 ** -11, 2 ** -25),
            );
          } else {
            expect(field.value).toStrictEqual(expected(field.code, size, sent));
          }
          expect(typeof field.value === 'bigint').toBe(STRUCT_CODES[field.code].kind === 'int' && size === 8);
        });
        // Packing what came out reproduces the bytes: the unpacked values are exactly representable.
        expect(pack(fmt, unpack(fmt, packed).values)).toEqual(packed);
      }),
      { numRuns: 300 },
    );
  });

  it('fields and padding tile the record without gaps or overlaps', () => {
    fc.assert(
      fc.property(format, ({ format: fmt }) => {
        const layout = structLayout(fmt);
        const spans = [...layout.fields.map((f) => f.range), ...layout.padding.map((p) => p.range)]
          .filter((r) => r.end > r.start)
          .sort((a, b) => a.start - b.start);
        let at = 0;
        for (const span of spans) {
          expect(span.start).toBe(at);
          at = span.end;
        }
        expect(at).toBe(layout.size);
      }),
      { numRuns: 300 },
    );
  });
});
