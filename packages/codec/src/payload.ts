import { parseEscaped } from './escaped.ts';
import { PayloadError } from './payload-error.ts';

/**
 * Turns what a learner typed into bytes. Each encoding fails with a message that says where the
 * input went wrong, because "invalid hex" alone does not teach anything.
 */
export type PayloadEncoding = 'text' | 'escaped' | 'hex' | 'base64';

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

export function parseBase64(value: string): Uint8Array {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new PayloadError('This is not valid base64.', 0);
  }
  let binary: string;
  try {
    binary = atob(compact.padEnd(Math.ceil(compact.length / 4) * 4, '='));
  } catch {
    // Padding in the wrong place ("/=" becomes "/==="): the characters are right, the shape is not.
    throw new PayloadError('This is not valid base64.', 0);
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
