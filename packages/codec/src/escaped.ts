import { PayloadError } from './payload-error.ts';

/** The one-character escapes of a Python bytes literal and the byte each stands for. */
const SIMPLE: Record<string, number> = {
  '\\': 0x5c,
  "'": 0x27,
  '"': 0x22,
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
};

const OCTAL = /^[0-7]{1,3}/;
const HEX2 = /^[0-9a-fA-F]{2}/;

/**
 * Exactly what Python accepts between `b'''` and `'''`, with the same bytes: printable ASCII and
 * whitespace as themselves; `\\ \' \" \a \b \f \n \r \t \v`; `\xhh` (two hex digits); one to three
 * octal digits (`\0`, `\12`, `\101`, up to `\377`); a backslash before a line break joins the
 * lines. Anything else Python refuses (or only warns about, as it will refuse it) is an error
 * that says at which character (counted from 1) and why, so `b'hola\x00'` can be typed as written.
 */
export function parseEscaped(value: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < value.length) {
    const ch = value[i] as string;
    const code = ch.charCodeAt(0);
    if (ch !== '\\') {
      if (code > 0x7f) throw notAscii(value, i);
      out.push(code);
      i++;
      continue;
    }
    const next = value[i + 1];
    const at = i + 1;
    if (next === undefined) {
      throw new PayloadError(`The backslash at position ${at} ends the text; write \\\\ for a backslash.`, i);
    }
    const simple = SIMPLE[next];
    if (simple !== undefined) {
      out.push(simple);
      i += 2;
    } else if (next === '\n' || next === '\r') {
      // A backslash at the end of a line joins it to the next, as in Python source.
      i += next === '\r' && value[i + 2] === '\n' ? 3 : 2;
    } else if (next === 'x') {
      const hex = HEX2.exec(value.slice(i + 2, i + 4))?.[0];
      if (hex === undefined) {
        throw new PayloadError(`\\x at position ${at} needs two hex digits (0-9, a-f) after it, as in \\x0a.`, i);
      }
      out.push(Number.parseInt(hex, 16));
      i += 4;
    } else if (OCTAL.test(next)) {
      const digits = OCTAL.exec(value.slice(i + 1, i + 4))?.[0] as string;
      const byte = Number.parseInt(digits, 8);
      if (byte > 0o377) {
        throw new PayloadError(
          `\\${digits} at position ${at} is ${byte}, more than a byte holds: octal escapes go up to \\377 (255).`,
          i,
        );
      }
      out.push(byte);
      i += 1 + digits.length;
    } else {
      const shown = String.fromCodePoint(value.codePointAt(i + 1) as number);
      throw new PayloadError(
        `\\${shown} at position ${at} is not an escape Python knows in bytes: use \\\\ \\' \\" \\a \\b \\f \\n \\r \\t \\v, \\xhh or octal \\ooo.`,
        i,
      );
    }
  }
  return Uint8Array.from(out);
}

function notAscii(value: string, i: number): PayloadError {
  const ch = String.fromCodePoint(value.codePointAt(i) as number);
  const utf8 = Array.from(new TextEncoder().encode(ch), (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
  return new PayloadError(
    `"${ch}" at position ${i + 1} is not ASCII, and a Python bytes literal holds only ASCII: write its UTF-8 bytes as ${utf8}, or send it as text.`,
    i,
  );
}
