import type { z } from 'zod';
import type { ErrorCode } from '../errors.ts';
import { COMMAND_ERRORS } from './commands.ts';
import type { ErrorVariant, VariantTable } from './define.ts';
import { OS_ERRORS } from './os.ts';
import { POLICY_ERRORS } from './policy.ts';
import { QUOTA_ERRORS } from './quota.ts';
import { SETTINGS_ERRORS } from './settings.ts';

export { formatBytes, hostPort } from './words.ts';

/**
 * Every error the bridge sends, one entry per way it happens: `CODE` when a code happens one way,
 * `CODE.variant` when it happens several. The bridge's English `message` and the page's English
 * and Spanish are all written against these keys and params.
 */
export const ERROR_CATALOGUE = {
  ...OS_ERRORS,
  ...COMMAND_ERRORS,
  ...SETTINGS_ERRORS,
  ...POLICY_ERRORS,
  ...QUOTA_ERRORS,
} satisfies VariantTable;

export type ErrorKey = keyof typeof ERROR_CATALOGUE;
export type ErrorParams<K extends ErrorKey> = z.infer<(typeof ERROR_CATALOGUE)[K]['params']>;
export type ErrorCodeOf<K extends ErrorKey> = K extends `${infer C}.${string}` ? C & ErrorCode : K & ErrorCode;

/** The variants of a code (`quota` → `maxSockets` | …), or never for a code that happens one way. */
type VariantOf<C extends ErrorCode> = ErrorKey extends infer K ? (K extends `${C}.${infer V}` ? V : never) : never;

/**
 * What a translation of the catalogue provides: a template per code, or per variant of a code. A
 * missing or extra key is a compile error.
 */
export type ErrorTemplates = {
  [C in ErrorCode]: [VariantOf<C>] extends [never] ? string : { [V in VariantOf<C>]: string };
};

export type WireParams = Record<string, string | number>;

export function errorCodeOf<K extends ErrorKey>(key: K): ErrorCodeOf<K> {
  return key.split('.')[0] as ErrorCodeOf<K>;
}

/** The bridge's English sentence for an error: what travels as `ErrorInfo.message`. */
export function errorMessage<K extends ErrorKey>(key: K, params: ErrorParams<K>): string {
  return (ERROR_CATALOGUE[key] as ErrorVariant).en(params);
}

/** An entry of the catalogue as it travels: its code, its English sentence and the params that were set. */
export function catalogueError<K extends ErrorKey>(
  key: K,
  params: ErrorParams<K>,
): { code: ErrorCode; message: string; params?: WireParams } {
  const set = Object.entries(params).filter(([, v]) => v !== undefined);
  const out = { code: errorCodeOf(key), message: errorMessage(key, params) };
  return set.length === 0 ? out : { ...out, params: Object.fromEntries(set) as WireParams };
}

const KEYS_OF_CODE = new Map<string, ErrorKey[]>();
for (const key of Object.keys(ERROR_CATALOGUE) as ErrorKey[]) {
  const code = errorCodeOf(key);
  KEYS_OF_CODE.set(code, [...(KEYS_OF_CODE.get(code) ?? []), key]);
}

/**
 * Which entry an error of the wire is, read from its code and params: the first variant of the
 * code whose params parse. Undefined when none does (an error the catalogue does not describe, or
 * a bridge of a newer build), so the page shows the bridge's own sentence.
 */
export function errorKeyOf(code: ErrorCode, params: WireParams | undefined): ErrorKey | undefined {
  return KEYS_OF_CODE.get(code)?.find((key) => ERROR_CATALOGUE[key].params.safeParse(params ?? {}).success);
}
