import { UNPRINTABLE_RANGES } from './unprintable.ts';
import type { PyValue } from './values.ts';

/** `str(value)`, as an f-string prints it: a str as itself, anything else as its repr(). */
export function pythonStr(value: PyValue): string {
  return value.type === 'str' ? value.value : pythonRepr(value);
}

export function pythonRepr(value: PyValue): string {
  switch (value.type) {
    case 'str':
      return reprString(value.value);
    case 'int':
      return value.value.toString();
    case 'float':
      return reprFloat(value.value);
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${value.items.map(pythonRepr).join(', ')}]`;
    case 'dict':
      return `{${Array.from(value.entries, ([k, v]) => `${reprString(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
}

/**
 * repr() of a float: the shortest digits that read back as the same number (JavaScript picks the
 * same ones), written out in full from 1e-4 up to below 1e16 and with an exponent of at least
 * two digits beyond: 100.0, -0.0, 0.0001, 1e-05, 1e+16, 1.2345678901234568e+17, nan, inf.
 */
export function reprFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  if (e < -4 || e >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${rest}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const point = e + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * repr() of a str: single quotes unless it has a single quote and no double one; backslash, the
 * quote, \t \n \r escaped; other control characters as \xhh; characters Python does not count as
 * printable (its own Unicode table) as \xhh, \uhhhh or \Uhhhhhhhh; everything else as it is.
 */
export function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x7f && cp >= 0x20) out += ch;
    else if (isPrintable(cp)) out += ch;
    else if (cp < 0x100) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + quote;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Starts and ends (inclusive) of the unprintable ranges, decoded once. */
const [STARTS, ENDS] = (() => {
  const deltas = UNPRINTABLE_RANGES.split(',').map((d) => Number.parseInt(d, 36));
  const starts = new Uint32Array(deltas.length / 2);
  const ends = new Uint32Array(deltas.length / 2);
  let last = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = last + (deltas[2 * i] as number);
    last = start + (deltas[2 * i + 1] as number);
    starts[i] = start;
    ends[i] = last;
  }
  return [starts, ends];
})();

/** Python's str.isprintable() for one code point. */
export function isPrintable(cp: number): boolean {
  let lo = 0;
  let hi = STARTS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (STARTS[mid] as number)) hi = mid - 1;
    else if (cp > (ENDS[mid] as number)) lo = mid + 1;
    else return false;
  }
  return true;
}
