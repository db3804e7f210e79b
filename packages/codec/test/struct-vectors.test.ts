import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findPython } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { calcsize, pack, StructError, type StructErrorKind, type StructValue, toHex, unpack } from '../src/index.ts';
import { fromHex } from './helpers.ts';

/** Vectors written by CPython's own struct module; see fixtures/make_struct_vectors.py. */
type Tagged = { int: string } | { float: string } | { bool: boolean } | { bytes: string } | { str: string };
interface Vector {
  format: string;
  values?: Tagged[];
  unpack?: string;
  size?: number;
  hex?: string;
  unpacked?: Tagged[];
  error?: string;
}
interface VectorFile {
  python: string;
  cases: Vector[];
}

const generator = fileURLToPath(new URL('./fixtures/make_struct_vectors.py', import.meta.url));
const committed: VectorFile = JSON.parse(
  readFileSync(new URL('./fixtures/struct-vectors.json', import.meta.url), 'utf8'),
);

const FLOATS: Record<string, number> = { nan: Number.NaN, inf: Number.POSITIVE_INFINITY, '-inf': -Infinity };

/** Pack input as a JavaScript caller would write it: numbers while they are exact, bigint beyond. */
function toValue(t: Tagged): StructValue {
  if ('int' in t) {
    const n = BigInt(t.int);
    return Number.isSafeInteger(Number(n)) ? Number(n) : n;
  }
  if ('float' in t) return FLOATS[t.float] ?? Number(t.float);
  if ('bool' in t) return t.bool;
  if ('bytes' in t) return fromHex(t.bytes);
  // Python strings stand in for wrong argument types; pack must reject them like Python does.
  return t.str as unknown as StructValue;
}

function expectSame(actual: StructValue | undefined, expected: Tagged, where: string): void {
  if ('int' in expected) expect(String(actual), where).toBe(expected.int);
  else if ('float' in expected) expect(Object.is(actual, toValue(expected)), `${where}: ${actual}`).toBe(true);
  else if ('bytes' in expected) expect(toHex(actual as Uint8Array, ''), where).toBe(expected.bytes);
  else expect(actual, where).toBe((expected as { bool: boolean }).bool);
}

/** Python's messages differ by code path and version; what matters is the kind of mistake. */
function kindOf(pythonError: string): StructErrorKind {
  const rules: [RegExp, StructErrorKind][] = [
    [/not an integer/, 'not-an-integer'],
    [/not a float/, 'not-a-float'],
    [/bytes object/, 'not-bytes'],
    [/items for packing/, 'wrong-count'],
    [/bad char|repeat count/, 'bad-format'],
    [/unpack requires/, 'buffer-size'],
    [/format requires|out of range|too large/, 'out-of-range'],
  ];
  const rule = rules.find(([pattern]) => pattern.test(pythonError));
  if (!rule) throw new Error(`unclassified Python error: ${pythonError}`);
  return rule[1];
}

function run(vector: Vector): void {
  const where = `${JSON.stringify(vector.format)} ${JSON.stringify(vector.values ?? vector.unpack)}`;
  const act = () =>
    vector.unpack === undefined
      ? pack(vector.format, (vector.values ?? []).map(toValue))
      : unpack(vector.format, fromHex(vector.unpack)).values;
  if (vector.error !== undefined) {
    const kind = kindOf(vector.error);
    let caught: unknown;
    try {
      act();
    } catch (error) {
      caught = error;
    }
    expect(caught, where).toBeInstanceOf(StructError);
    expect((caught as StructError).kind, where).toBe(kind);
    // Integer range messages vary with the code path in CPython; every other message matches word for word.
    if (kind !== 'out-of-range') expect((caught as StructError).python, where).toBe(vector.error);
    return;
  }
  if (vector.hex !== undefined) {
    expect(toHex(pack(vector.format, (vector.values ?? []).map(toValue)), ''), where).toBe(vector.hex);
    expect(calcsize(vector.format), where).toBe(vector.size);
  }
  const got = unpack(vector.format, fromHex(vector.hex ?? vector.unpack ?? '')).values;
  expect(got.length, where).toBe(vector.unpacked?.length);
  vector.unpacked?.forEach((expected, i) => {
    expectSame(got[i], expected, `${where} value ${i}`);
  });
}

describe('struct against CPython vectors', () => {
  it(`has a useful number of vectors (${committed.cases.length}, from Python ${committed.python})`, () => {
    expect(committed.cases.length).toBeGreaterThan(500);
  });

  it('packs, unpacks and fails exactly like Python for every vector', () => {
    for (const vector of committed.cases) run(vector);
  });

  const hasPython = findPython('re-checking the committed struct vectors against Python') !== undefined;

  it.skipIf(!hasPython)('the committed vectors are what this Python generates', () => {
    const run = spawnSync('python3', [generator], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const fresh: VectorFile = JSON.parse(run.stdout);
    // Error wording changes between Python versions; compare it only on the version that wrote the file.
    const sameVersion = fresh.python === committed.python;
    const comparable = (file: VectorFile) =>
      file.cases.map((c) => (c.error === undefined || sameVersion ? c : { ...c, error: 'error' }));
    expect(comparable(fresh)).toEqual(comparable(committed));
  });
});
