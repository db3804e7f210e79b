import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ERROR_CATALOGUE,
  ErrorCode,
  type ErrorKey,
  errorCodeOf,
  errorKeyOf,
  errorMessage,
  type WireParams,
} from '../src/index.ts';

const KEYS = Object.keys(ERROR_CATALOGUE) as ErrorKey[];

/** Params an entry accepts, every required one set: literals and enums to their value, the rest to stand-ins. */
function sample(key: ErrorKey): WireParams {
  const out: WireParams = {};
  for (const [name, schema] of Object.entries(ERROR_CATALOGUE[key].params.shape) as [string, z.ZodType][]) {
    const def = schema.def as { type: string; values?: unknown[]; entries?: Record<string, string> };
    if (def.type === 'optional') continue;
    if (def.type === 'literal') out[name] = def.values?.[0] as string;
    else if (def.type === 'enum') out[name] = Object.values(def.entries ?? {})[0] as string;
    else out[name] = def.type === 'number' ? 7 : 'x';
  }
  return out;
}

describe('the error catalogue', () => {
  it('describes every code the protocol has', () => {
    const described = new Set(KEYS.map(errorCodeOf));
    expect(ErrorCode.options.filter((code) => !described.has(code))).toEqual([]);
  });

  it('gives a code either one entry or named variants, never both', () => {
    const plain = KEYS.filter((key) => !key.includes('.'));
    expect(plain.filter((code) => KEYS.some((key) => key.startsWith(`${code}.`)))).toEqual([]);
  });

  it.each(KEYS)('reads %s back from its code and params, so no earlier variant hides it', (key) => {
    expect(errorKeyOf(errorCodeOf(key), sample(key))).toBe(key);
  });

  it('writes the bridge’s English from the params', () => {
    expect(errorMessage('quota.maxSockets', { limit: 'maxSockets', max: 200 })).toBe(
      'This session already has 200 open sockets, the most allowed.',
    );
    expect(errorMessage('ECONNREFUSED', { host: '::1', port: 9 })).toBe(
      'Nobody is listening on [::1]:9, so the other side refused the connection.',
    );
  });

  it('knows no entry for params none of a code’s variants takes', () => {
    expect(errorKeyOf('quota', { limit: 'somethingNew', max: 1 })).toBeUndefined();
    expect(errorKeyOf('bad_payload', undefined)).toBeUndefined();
  });
});
