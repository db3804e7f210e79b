import { STRUCT_CODES, type StructCode, type StructKind } from './struct/codes.ts';
import { StructError } from './struct/errors.ts';
import { type StructLayout, structLayout } from './struct/format.ts';

/**
 * A sensor record (seed 003): a Python struct format plus one name per value. Shared by the engine
 * (which packs and unpacks records) and the page (which checks the learner's format as it is typed),
 * so both say the same thing about the same mistake.
 */
export interface SensorField {
  readonly name: string;
  readonly code: StructCode;
  readonly kind: StructKind;
}

export interface SensorRecordLayout {
  readonly format: string;
  readonly fields: readonly SensorField[];
  readonly size: number;
  /** Index of the `seq` value, which the server checks for gaps and order; null when there is none. */
  readonly seqIndex: number | null;
  readonly layout: StructLayout;
}

export type SensorRecordProblem = 'format' | 'count' | 'name' | 'duplicate' | 'seq' | 'size';

export class SensorRecordError extends Error {
  constructor(
    readonly problem: SensorRecordProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SensorRecordError';
  }
}

/** A record must fit one UDP datagram comfortably, and thousands go by every second. */
export const MAX_RECORD_BYTES = 1024;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

/** Checks the format and the names together; throws a SensorRecordError a learner can act on. */
export function sensorRecordLayout(format: string, names: readonly string[]): SensorRecordLayout {
  let layout: StructLayout;
  try {
    layout = structLayout(format);
  } catch (err) {
    if (err instanceof StructError) throw new SensorRecordError('format', err.message);
    throw err;
  }
  if (layout.size === 0 || layout.fields.length === 0) {
    throw new SensorRecordError('format', `"${format}" packs no values; a record needs at least one, e.g. "!If".`);
  }
  if (layout.size > MAX_RECORD_BYTES) {
    throw new SensorRecordError(
      'size',
      `"${format}" makes records of ${layout.size} bytes; the playground's sensors send at most ${MAX_RECORD_BYTES}.`,
    );
  }
  if (names.length !== layout.fields.length) {
    const n = layout.fields.length;
    throw new SensorRecordError(
      'count',
      `"${format}" packs ${n} value${n === 1 ? '' : 's'}, so it needs ${n} field name${n === 1 ? '' : 's'}, but ${names.length} ${names.length === 1 ? 'was' : 'were'} given.`,
    );
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (!NAME.test(name)) {
      throw new SensorRecordError(
        'name',
        `"${name}" is not a Python name: use letters, digits and _, not starting with a digit.`,
      );
    }
    if (seen.has(name)) throw new SensorRecordError('duplicate', `The field name "${name}" is used twice.`);
    seen.add(name);
  }
  const fields = layout.fields.map((f, i) => ({
    name: names[i] as string,
    code: f.code,
    kind: STRUCT_CODES[f.code].kind,
  }));
  const seqIndex = names.indexOf('seq');
  if (seqIndex >= 0 && fields[seqIndex]?.kind !== 'int') {
    const code = fields[seqIndex]?.code;
    throw new SensorRecordError(
      'seq',
      `"seq" counts the records, so it needs an integer code such as I, H or Q, not '${code}' (${code ? STRUCT_CODES[code].cType : ''}).`,
    );
  }
  return { format, fields, size: layout.size, seqIndex: seqIndex >= 0 ? seqIndex : null, layout };
}

/** The sentence for a bad record, or null when it is fine: what a form shows as the learner types. */
export function sensorRecordProblem(format: string, names: readonly string[]): string | null {
  try {
    sensorRecordLayout(format, names);
    return null;
  } catch (err) {
    if (err instanceof SensorRecordError) return err.message;
    throw err;
  }
}
