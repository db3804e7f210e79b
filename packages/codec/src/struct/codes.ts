/**
 * Python's struct format codes. Native sizes are those of CPython on x86-64 and ARM64 Linux (the
 * machines the engine runs on), where `long` is 8 bytes; standard sizes are the same everywhere.
 * With `@` every field is aligned to its own native size, which is why the table needs no separate
 * alignment column.
 */
export type StructCode =
  | 'x'
  | 'c'
  | 'b'
  | 'B'
  | '?'
  | 'h'
  | 'H'
  | 'i'
  | 'I'
  | 'l'
  | 'L'
  | 'q'
  | 'Q'
  | 'e'
  | 'f'
  | 'd'
  | 's'
  | 'p';

export type StructKind = 'pad' | 'char' | 'int' | 'bool' | 'float' | 'bytes' | 'pascal';

export interface StructCodeInfo {
  readonly kind: StructKind;
  /** The C type Python's documentation names, for tooltips and error messages. */
  readonly cType: string;
  readonly standardSize: number;
  readonly nativeSize: number;
  readonly signed: boolean;
}

const info = (kind: StructKind, cType: string, standardSize: number, nativeSize = standardSize, signed = false) => ({
  kind,
  cType,
  standardSize,
  nativeSize,
  signed,
});

export const STRUCT_CODES: Readonly<Record<StructCode, StructCodeInfo>> = {
  x: info('pad', 'pad byte', 1),
  c: info('char', 'char', 1),
  b: info('int', 'signed char', 1, 1, true),
  B: info('int', 'unsigned char', 1),
  '?': info('bool', '_Bool', 1),
  h: info('int', 'short', 2, 2, true),
  H: info('int', 'unsigned short', 2),
  i: info('int', 'int', 4, 4, true),
  I: info('int', 'unsigned int', 4),
  l: info('int', 'long', 4, 8, true),
  L: info('int', 'unsigned long', 4, 8),
  q: info('int', 'long long', 8, 8, true),
  Q: info('int', 'unsigned long long', 8),
  e: info('float', 'half float', 2),
  f: info('float', 'float', 4),
  d: info('float', 'double', 8),
  s: info('bytes', 'char[]', 1),
  p: info('pascal', 'char[] (Pascal string)', 1),
};

export function isStructCode(ch: string): ch is StructCode {
  return Object.hasOwn(STRUCT_CODES, ch);
}
