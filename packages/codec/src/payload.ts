/**
 * Turns what a learner typed into bytes. Each encoding fails with a message that says where the
 * input went wrong, because "invalid hex" alone does not teach anything.
 */
export type PayloadEncoding = 'text' | 'escaped' | 'hex' | 'base64';

export class PayloadError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'PayloadError';
  }
}

export function encodePayload(encoding: PayloadEncoding, value: string): Uint8Array {
  switch (encoding) {
    case 'text':
      return new TextEncoder().encode(value);
    case 'escaped':
      return parseEscaped(value);
    case 'hex':
      return parseHex(value);
    case 'base64':
      return parseBase64(value);
  }
}

/** Hex digits, with spaces, colons, commas, `0x` prefixes and `\x` escapes allowed between bytes. */
export function parseHex(value: string): Uint8Array {
  const cleaned = value.replace(/0x|\\x/gi, ' ');
  const digits: string[] = [];
  for (let i = 0; i < cleaned.length; i++) {
    const ch = cleaned[i] as string;
    if (/[0-9a-f]/i.test(ch)) digits.push(ch);
    else if (!/[\s:,-]/.test(ch)) {
      throw new PayloadError(`"${ch}" at position ${i + 1} is not a hex digit (0-9, a-f).`, i);
    }
  }
  if (digits.length % 2 !== 0) {
    throw new PayloadError('Hex needs two digits per byte, but an odd number of digits was given.', value.length);
  }
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(digits[2 * i]! + digits[2 * i + 1]!, 16);
  return out;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 10,
  r: 13,
  t: 9,
  '0': 0,
  '\\': 92,
  "'": 39,
  '"': 34,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
};

/** Text with Python-style escapes (`\n`, `\x00`, `\\`), so `b'hola\x00\x00'` can be typed as it is written. */
export function parseEscaped(value: string): Uint8Array {
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch !== '\\') {
      const cp = value.codePointAt(i) as number;
      const chars = String.fromCodePoint(cp);
      out.push(...enc.encode(chars));
      i += chars.length - 1;
      continue;
    }
    const next = value[i + 1];
    if (next === undefined) throw new PayloadError('A lone backslash ends the text; write \\\\ for a backslash.', i);
    if (next === 'x') {
      const hex = value.slice(i + 2, i + 4);
      if (!/^[0-9a-f]{2}$/i.test(hex)) throw new PayloadError(`\\x at position ${i + 1} needs two hex digits.`, i);
      out.push(Number.parseInt(hex, 16));
      i += 3;
      continue;
    }
    const simple = SIMPLE_ESCAPES[next];
    if (simple === undefined) throw new PayloadError(`Unknown escape \\${next} at position ${i + 1}.`, i);
    out.push(simple);
    i += 1;
  }
  return Uint8Array.from(out);
}

export function parseBase64(value: string): Uint8Array {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new PayloadError('This is not valid base64.', 0);
  }
  const binary = atob(compact.padEnd(Math.ceil(compact.length / 4) * 4, '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
