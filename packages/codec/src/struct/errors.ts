/**
 * Python raises a bare `struct.error` with a terse message. Here each failure has a kind the UI can
 * switch on, a sentence a learner can act on, and the message Python itself would print so the
 * two can be matched up.
 */
export type StructErrorKind =
  | 'bad-format'
  | 'wrong-count'
  | 'not-an-integer'
  | 'not-a-float'
  | 'not-bytes'
  | 'out-of-range'
  | 'buffer-size';

export class StructError extends Error {
  constructor(
    readonly kind: StructErrorKind,
    message: string,
    /** What CPython 3.11 prints for the same mistake (closest generic form). */
    readonly python: string,
  ) {
    super(message);
    this.name = 'StructError';
  }
}
