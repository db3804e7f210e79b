import type { PyValue } from './values.ts';

/** Python's json.JSONDecodeError: the text is not JSON (Python's own message is not reproduced). */
export class JsonDecodeError extends Error {
  override readonly name = 'JsonDecodeError';
}

/**
 * What makes Python's json.loads() raise something other than JSONDecodeError, which is all seed
 * 002 catches: bytes that are not text (UnicodeDecodeError), an integer of more than 4,300 digits
 * (ValueError, Python's guard against slow conversions).
 */
export class JsonValueError extends Error {
  override readonly name = 'JsonValueError';
}

/** sys.int_info.default_max_str_digits */
const MAX_INT_DIGITS = 4300;

/**
 * `json.loads(data)` for bytes, as CPython does it: the encoding is guessed from a BOM or from
 * where the zero bytes are (UTF-8, 16 or 32), decoded with 'surrogatepass'; then the strict
 * parser: NaN, Infinity and -Infinity are accepted, integers stay exact, and numbers with a
 * fraction or an exponent are floats. Throws JsonDecodeError where Python raises JSONDecodeError
 * and JsonValueError where it raises another error.
 */
export function pythonJsonLoads(data: Uint8Array): PyValue {
  return parseJson(decodeLikePython(data));
}

/** json.detect_encoding, then bytes.decode(encoding, 'surrogatepass'). */
export function decodeLikePython(b: Uint8Array): string {
  const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x);
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' = 'utf-8';
  let skip = 0;
  if (starts(0, 0, 0xfe, 0xff) || starts(0xff, 0xfe, 0, 0)) {
    encoding = b[0] === 0 ? 'utf-32be' : 'utf-32le';
    skip = 4;
  } else if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) {
    encoding = b[0] === 0xfe ? 'utf-16be' : 'utf-16le';
    skip = 2;
  } else if (starts(0xef, 0xbb, 0xbf)) {
    skip = 3;
  } else if (b.length >= 4) {
    if (b[0] === 0) encoding = b[1] ? 'utf-16be' : 'utf-32be';
    else if (b[1] === 0) encoding = b[2] || b[3] ? 'utf-16le' : 'utf-32le';
  } else if (b.length === 2) {
    if (b[0] === 0) encoding = 'utf-16be';
    else if (b[1] === 0) encoding = 'utf-16le';
  }
  const body = b.subarray(skip);
  if (encoding === 'utf-8') return utf8SurrogatePass(body);
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return utf32(body, encoding === 'utf-32le');
  return utf16(body, encoding === 'utf-16le');
}

function utf16(b: Uint8Array, little: boolean): string {
  if (b.length % 2 !== 0) throw new JsonValueError('truncated UTF-16 data');
  const units: number[] = [];
  for (let i = 0; i < b.length; i += 2) {
    units.push(
      little ? (b[i] as number) | ((b[i + 1] as number) << 8) : ((b[i] as number) << 8) | (b[i + 1] as number),
    );
  }
  // 'surrogatepass' lets unpaired surrogates through, as JavaScript strings hold them too.
  return String.fromCharCode(...units);
}

function utf32(b: Uint8Array, little: boolean): string {
  if (b.length % 4 !== 0) throw new JsonValueError('truncated UTF-32 data');
  let out = '';
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < b.length; i += 4) {
    const cp = view.getUint32(i, little);
    if (cp > 0x10ffff) throw new JsonValueError('code point out of range');
    out += String.fromCodePoint(cp);
  }
  return out;
}

/** UTF-8 as Python decodes it with 'surrogatepass': like TextDecoder's fatal mode, but ED A0 80–ED BF BF are surrogates. */
function utf8SurrogatePass(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const need =
      c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) throw new JsonValueError(`invalid UTF-8 at byte ${i}`);
    let cp = need === 0 ? c : c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cont = b[i + k] as number;
      // A missing byte (the data ends mid-character) reads as undefined, which fails this test too.
      if ((cont & 0xc0) !== 0x80) throw new JsonValueError(`invalid UTF-8 at byte ${i + k}`);
      cp = (cp << 6) | (cont & 0x3f);
    }
    // Overlong forms and code points beyond Unicode are refused, as by Python.
    if ((need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff))) {
      throw new JsonValueError(`invalid UTF-8 at byte ${i}`);
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** json.loads(str): the value, and nothing but whitespace around it. */
export function parseJson(text: string): PyValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonDecodeError(`${what} at character ${i}`);
  };
  const skip = () => {
    while (i < text.length && WS.has(text[i] as string)) i++;
  };
  const literal = (word: string, value: PyValue): PyValue => {
    if (!text.startsWith(word, i)) fail('Expecting value');
    i += word.length;
    return value;
  };

  const string = (): string => {
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string');
      const ch = text[i] as string;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch.charCodeAt(0) < 0x20) fail('Invalid control character');
      if (ch !== '\\') {
        out += ch;
        i++;
        continue;
      }
      const esc = text[i + 1];
      if (esc === 'u') {
        const unit = unicodeEscape(i + 2);
        i += 6;
        // A high surrogate followed by an escaped low one is one character; any other stays alone.
        if (unit >= 0xd800 && unit <= 0xdbff && text.startsWith('\\u', i)) {
          const low = Number.parseInt(text.slice(i + 2, i + 6), 16);
          if (HEX4.test(text.slice(i + 2, i + 6)) && low >= 0xdc00 && low <= 0xdfff) {
            out += String.fromCharCode(unit, low);
            i += 6;
            continue;
          }
        }
        out += String.fromCharCode(unit);
      } else if (esc !== undefined && ESCAPES[esc] !== undefined) {
        out += ESCAPES[esc];
        i += 2;
      } else {
        fail('Invalid \\escape');
      }
    }
  };
  const unicodeEscape = (at: number): number => {
    const digits = text.slice(at, at + 4);
    if (!HEX4.test(digits)) fail('Invalid \\uXXXX escape');
    return Number.parseInt(digits, 16);
  };

  const value = (): PyValue => {
    const ch = text[i];
    switch (ch) {
      case '"':
        return { type: 'str', value: string() };
      case '{':
        return object();
      case '[':
        return array();
      case 'n':
        return literal('null', { type: 'none' });
      case 't':
        return literal('true', { type: 'bool', value: true });
      case 'f':
        return literal('false', { type: 'bool', value: false });
      case 'N':
        return literal('NaN', { type: 'float', value: Number.NaN });
      case 'I':
        return literal('Infinity', { type: 'float', value: Number.POSITIVE_INFINITY });
    }
    if (text.startsWith('-Infinity', i))
      return literal('-Infinity', { type: 'float', value: Number.NEGATIVE_INFINITY });
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m === null) return fail('Expecting value');
    i += m[0].length;
    if (m[1] !== undefined || m[2] !== undefined) return { type: 'float', value: Number(m[0]) };
    if (m[0].replace('-', '').length > MAX_INT_DIGITS) {
      throw new JsonValueError(`an integer of more than ${MAX_INT_DIGITS} digits`);
    }
    return { type: 'int', value: BigInt(m[0]) };
  };

  const object = (): PyValue => {
    i++;
    const entries = new Map<string, PyValue>();
    skip();
    if (text[i] === '}') {
      i++;
      return { type: 'dict', entries };
    }
    for (;;) {
      if (text[i] !== '"') fail('Expecting property name enclosed in double quotes');
      const key = string();
      skip();
      if (text[i] !== ':') fail("Expecting ':' delimiter");
      i++;
      skip();
      entries.set(key, value());
      skip();
      if (text[i] === '}') {
        i++;
        return { type: 'dict', entries };
      }
      if (text[i] !== ',') fail("Expecting ',' delimiter");
      i++;
      skip();
    }
  };

  const array = (): PyValue => {
    i++;
    const items: PyValue[] = [];
    skip();
    if (text[i] === ']') {
      i++;
      return { type: 'list', items };
    }
    for (;;) {
      items.push(value());
      skip();
      if (text[i] === ']') {
        i++;
        return { type: 'list', items };
      }
      if (text[i] !== ',') fail("Expecting ',' delimiter");
      i++;
      skip();
    }
  };

  skip();
  const result = value();
  skip();
  if (i !== text.length) fail('Extra data');
  return result;
}
