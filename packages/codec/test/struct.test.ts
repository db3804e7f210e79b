import { describe, expect, it } from 'vitest';
import { calcsize, pack, StructError, structLayout, toHex, unpack } from '../src/index.ts';

const error = (run: () => unknown): StructError => {
  try {
    run();
  } catch (e) {
    if (e instanceof StructError) return e;
    throw e;
  }
  throw new Error('expected a StructError');
};

describe('struct for the sensor assignment (seed 003)', () => {
  it("packs seed 003's example and tells which bytes each value came from", () => {
    const packed = pack('>iii', [1, 2, 3]);
    expect(toHex(packed)).toBe('00 00 00 01 00 00 00 02 00 00 00 03');
    const { values, fields } = unpack('>iii', packed);
    expect(values).toEqual([1, 2, 3]);
    expect(fields.map((f) => [f.code, f.range.start, f.range.end])).toEqual([
      ['i', 0, 4],
      ['i', 4, 8],
      ['i', 8, 12],
    ]);
  });

  it('reads a network-order sensor record', () => {
    const record = pack('!IIdffB', [7, 1_700_000_000, 21.5, 48.25, -3.125, 1]);
    expect(record.length).toBe(25);
    const { values, fields } = unpack('!IIdffB', record);
    expect(values).toEqual([7, 1_700_000_000, 21.5, 48.25, -3.125, 1]);
    expect(fields.map((f) => f.range.start)).toEqual([0, 4, 8, 16, 20, 24]);
  });
});

describe('struct layout', () => {
  it('shows the gaps native alignment inserts, and that standard sizes have none', () => {
    const native = structLayout('@bhiq');
    expect(native.size).toBe(16);
    expect(native.padding).toEqual([{ range: { start: 1, end: 2 }, reason: 'alignment' }]);
    expect(calcsize('=bhiq')).toBe(15);
    // python3 -c "import struct; print(struct.calcsize('@b2xh'), struct.calcsize('<b2xh'))" -> 6 5
    expect(structLayout('@b2xh').padding).toEqual([
      { range: { start: 1, end: 3 }, reason: 'pad-byte' },
      { range: { start: 3, end: 4 }, reason: 'alignment' },
    ]);
    expect(structLayout('<b2xh')).toMatchObject({
      size: 5,
      padding: [{ range: { start: 1, end: 3 }, reason: 'pad-byte' }],
    });
  });

  it("makes 'l' 8 bytes natively and 4 with standard sizes, and 8-byte integers bigint", () => {
    expect(calcsize('@l')).toBe(8);
    expect(calcsize('<l')).toBe(4);
    expect(unpack('@l', pack('@l', [-1])).values).toEqual([-1n]);
    expect(unpack('<l', pack('<l', [-1])).values).toEqual([-1]);
    expect(unpack('>Q', pack('>Q', [2n ** 64n - 1n])).values).toEqual([18446744073709551615n]);
  });
});

describe('struct errors in plain words', () => {
  it('says what is wrong and what Python would print', () => {
    expect(error(() => pack('B', [300]))).toMatchObject({
      kind: 'out-of-range',
      message: "300 does not fit in 'B' (unsigned char): it must be between 0 and 255.",
      python: 'struct.error: argument out of range',
    });
    expect(error(() => pack('i', [1.5]))).toMatchObject({
      kind: 'not-an-integer',
      message: "'i' (int) needs a whole number, but got 1.5.",
      python: 'struct.error: required argument is not an integer',
    });
    expect(error(() => unpack('>iii', new Uint8Array(10)))).toMatchObject({
      kind: 'buffer-size',
      message: '">iii" describes exactly 12 bytes, but 10 were given.',
      python: 'struct.error: unpack requires a buffer of 12 bytes',
    });
    expect(error(() => pack('>ii', [1])).message).toBe('">ii" packs 2 values, but 1 was given.');
    expect(error(() => calcsize('i<')).message).toMatch(/"<" at position 2 can only be the first character/);
    expect(error(() => calcsize('3 i')).message).toMatch(/write "3i", not "3 i"/);
    expect(error(() => calcsize('iz')).message).toMatch(/"z" at position 2 is not a struct format code/);
    expect(error(() => pack('e', [70000])).message).toMatch(/too large for 'e'.*65504/);
  });
});
