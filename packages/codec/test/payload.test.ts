import { describe, expect, it } from 'vitest';
import { encodePayload, fromBase64, PayloadError, toBase64, toHex, toPythonBytes } from '../src/index.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('payload parsing', () => {
  it('encodes text as UTF-8', () => {
    expect(toHex(encodePayload('text', 'hola ñ'))).toBe('68 6f 6c 61 20 c3 b1');
  });

  it('reads hex with spaces, 0x prefixes, colons and \\x escapes', () => {
    for (const v of ['68 6f 6c 61', '0x68,0x6f,0x6c,0x61', '68:6f:6c:61', '\\x68\\x6f\\x6c\\x61', '686F6C61']) {
      expect(text(encodePayload('hex', v))).toBe('hola');
    }
  });

  it('says where hex goes wrong', () => {
    expect(() => encodePayload('hex', '68 6g')).toThrow(/"g" at position 5/);
    expect(() => encodePayload('hex', '686')).toThrow(/odd number/);
    expect(() => encodePayload('hex', '686')).toThrow(PayloadError);
  });

  it('understands Python escapes', () => {
    expect(toHex(encodePayload('escaped', 'a\\x00\\n\\\\'))).toBe('61 00 0a 5c');
    expect(() => encodePayload('escaped', 'bad \\q')).toThrow(/\\q at position 5 is not an escape Python knows/);
    expect(() => encodePayload('escaped', 'end\\')).toThrow(/backslash at position 4 ends the text/);
    expect(() => encodePayload('escaped', '\\x4')).toThrow(/two hex digits/);
  });

  it('round-trips base64 and prints bytes the way Python does', () => {
    const bytes = Uint8Array.from([104, 105, 0, 10, 39, 92, 255]);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(encodePayload('base64', toBase64(bytes))).toEqual(bytes);
    expect(() => encodePayload('base64', 'no!')).toThrow(/not valid base64/);
    expect(() => encodePayload('base64', '/=')).toThrow(/not valid base64/);
    expect(toPythonBytes(bytes)).toBe("b'hi\\x00\\n\\'\\\\\\xff'");
  });
});
