import type { z } from 'zod';
import type { ErrorCode } from '../errors.ts';

/**
 * One way an error can happen: the params it carries (checked when the page reads them) and the
 * bridge's English sentence built from them, which travels as `ErrorInfo.message`.
 */
export interface ErrorVariant<S extends z.ZodObject = z.ZodObject> {
  readonly params: S;
  // A method, so a catalogue of variants with different params still fits one record type.
  en(params: z.infer<S>): string;
}

export function variant<S extends z.ZodObject>(params: S, en: (params: z.infer<S>) => string): ErrorVariant<S> {
  return { params, en };
}

/** Each area's table: keys are `CODE` or `CODE.variant` of a real code (a typo is a compile error). */
export type VariantTable = Partial<Record<ErrorCode | `${ErrorCode}.${string}`, ErrorVariant>>;
