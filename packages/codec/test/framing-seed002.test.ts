import { describe, expect, it } from 'vitest';
import {
  createFrameDecoder,
  decodeJsonFrame,
  describeFraming,
  encodeJsonFrame,
  jsonText,
  seed002ChunkCount,
  seed002PaddedLength,
  toHex,
  toPythonBytes,
} from '../src/index.ts';
import { fromHex } from './helpers.ts';

/**
 * Expected bytes follow the seed's Python line by line: json.dumps(...).encode('utf-8'), then
 * b'\x00' until the length is a multiple of the chunk (4) or of 60, then the prefix.
 */
const zeros = (n: number) => ' 00'.repeat(n);

describe('seed 002, first protocol: 4-byte little-endian chunk count, 4-byte chunks', () => {
  const margot = { nombre: 'Margot', edad: 15, raza: 'Schnauzer' };
  // json.dumps gives 53 bytes; 3 pad bytes make 56 = 14 chunks; (14).to_bytes(4, 'little') = 0e 00 00 00.
  const margotHex =
    '0e 00 00 00' +
    ' 7b 22 6e 6f 6d 62 72 65 22 3a 20 22 4d 61 72 67 6f 74 22 2c 20 22 65 64 61 64 22 3a 20 31 35 2c' +
    ' 20 22 72 61 7a 61 22 3a 20 22 53 63 68 6e 61 75 7a 65 72 22 7d' +
    zeros(3);

  it('encodes the seed notebook example to its printed "Mensaje final"', () => {
    const frame = encodeJsonFrame(seed002ChunkCount, margot);
    expect(toHex(frame)).toBe(margotHex);
    expect(toPythonBytes(frame)).toBe(
      `b'\\x0e\\x00\\x00\\x00{"nombre": "Margot", "edad": 15, "raza": "Schnauzer"}\\x00\\x00\\x00'`,
    );
  });

  it('adds no padding when the JSON is already whole chunks', () => {
    // "[1, 2]" is 6 bytes -> 2 pad bytes -> 2 chunks; "\"ab\"" is exactly 4 bytes -> 1 chunk, no padding.
    expect(toHex(encodeJsonFrame(seed002ChunkCount, [1, 2]))).toBe('02 00 00 00 5b 31 2c 20 32 5d 00 00');
    expect(toHex(encodeJsonFrame(seed002ChunkCount, 'ab'))).toBe('01 00 00 00 22 61 62 22');
  });

  it('decodes the example into header, payload and padding ranges and the JSON value', () => {
    const step = createFrameDecoder(seed002ChunkCount).push(fromHex(margotHex));
    expect(step.errors).toEqual([]);
    const [frame] = step.frames;
    expect(frame).toMatchObject({
      index: 0,
      range: { start: 0, end: 60 },
      header: { start: 0, end: 4 },
      payload: { start: 4, end: 57 },
      padding: { start: 57, end: 60 },
      trailer: { start: 60, end: 60 },
      declaredLength: 14,
    });
    const json = decodeJsonFrame(seed002ChunkCount, frame!);
    expect(json.ok && json.value).toEqual(margot);
    expect(json.ok && json.pretty).toBe(JSON.stringify(margot, null, 2));
  });

  it('is described in one line', () => {
    expect(describeFraming(seed002ChunkCount)).toBe(
      "A 4-byte little-endian count of 4-byte chunks, then the message padded with b'\\x00' to a multiple of 4 bytes; at most 1,048,576 bytes per message.",
    );
  });
});

describe('seed 002, second protocol: 4-byte big-endian length of the message padded to 60', () => {
  // '"hola"' is 6 bytes, padded with 54 zeros to 60; (60).to_bytes(4, 'big') = 00 00 00 3c.
  const holaHex = `00 00 00 3c 22 68 6f 6c 61 22${zeros(54)}`;
  // The server's reply to the client's first message: 72 bytes of JSON padded to 120 = 0x78.
  const reply = 'Respuesta asociada al mensaje Mensaje enviado desde cliente a servidor';
  const replyHex =
    '00 00 00 78' +
    ' 22 52 65 73 70 75 65 73 74 61 20 61 73 6f 63 69 61 64 61 20 61 6c 20 6d 65 6e 73 61 6a 65 20 4d' +
    ' 65 6e 73 61 6a 65 20 65 6e 76 69 61 64 6f 20 64 65 73 64 65 20 63 6c 69 65 6e 74 65 20 61 20 73' +
    ' 65 72 76 69 64 6f 72 22' +
    zeros(48);

  it("encodes like the seed's enviar()", () => {
    expect(toHex(encodeJsonFrame(seed002PaddedLength, 'hola'))).toBe(holaHex);
    expect(toHex(encodeJsonFrame(seed002PaddedLength, reply))).toBe(replyHex);
    // Exactly 60 bytes of JSON ('"' + 58 x + '"') needs no padding.
    expect(toHex(encodeJsonFrame(seed002PaddedLength, 'x'.repeat(58)))).toBe(`00 00 00 3c 22${' 78'.repeat(58)} 22`);
  });

  it('escapes non-ASCII text the way json.dumps does', () => {
    // json.dumps('ñandú') == '"\\u00f1and\\u00fa"', 17 bytes, so 43 pad bytes.
    expect(jsonText('ñandú')).toBe('"\\u00f1and\\u00fa"');
    expect(toHex(encodeJsonFrame(seed002PaddedLength, 'ñandú'))).toBe(
      `00 00 00 3c 22 5c 75 30 30 66 31 61 6e 64 5c 75 30 30 66 61 22${zeros(43)}`,
    );
  });

  it('finds both frames when they arrive glued together and cut at odd places', () => {
    const stream = fromHex(`${holaHex} ${replyHex}`);
    const decoder = createFrameDecoder(seed002PaddedLength);
    const first = decoder.push(stream.subarray(0, 2));
    expect(first.partial?.description).toBe('Length prefix in progress: 2 of its 4 bytes.');
    const second = decoder.push(stream.subarray(2, 27));
    expect(second.partial).toMatchObject({ start: 0, have: 27, need: 64 });
    expect(second.partial?.description).toBe('Frame in progress: 23 of 60 bytes after the 4-byte prefix.');
    const rest = decoder.push(stream.subarray(27));
    expect(rest.frames.map((f) => [f.range.start, f.payload.end, f.range.end])).toEqual([
      [0, 10, 64],
      [64, 140, 188],
    ]);
    expect(rest.frames.map((f) => decodeJsonFrame(seed002PaddedLength, f)).map((j) => j.ok && j.value)).toEqual([
      'hola',
      reply,
    ]);
    expect(rest.partial).toBeUndefined();
  });

  it('explains a sender that counted the bytes before padding', () => {
    // len() taken before the padding loop: 6 instead of 60.
    const step = createFrameDecoder(seed002PaddedLength).push(fromHex('00 00 00 06 22 68 6f 6c 61 22'));
    expect(step.errors[0]).toMatchObject({ code: 'bad-length', fatal: false, range: { start: 0, end: 4 } });
    expect(step.errors[0]?.message).toMatch(/not a multiple of 60.*before padding/);
    expect(step.frames[0]?.data).toEqual(new TextEncoder().encode('"hola"'));
  });

  it('explains the other seed-002 protocol arriving at this receiver', () => {
    // '"hola"' is 2 chunks: 02 00 00 00, which read as a big-endian byte count is 33,554,432.
    const step = createFrameDecoder(seed002PaddedLength).push(encodeJsonFrame(seed002ChunkCount, 'hola'));
    expect(step.state).toBe('stopped');
    expect(step.errors[0]).toMatchObject({ code: 'too-long', fatal: true });
    expect(step.errors[0]?.message).toContain('says 33,554,432 bytes follow');
    expect(step.errors[0]?.message).toContain('Read little-endian they would mean 2 bytes');
  });

  it('is described in one line', () => {
    expect(describeFraming(seed002PaddedLength)).toBe(
      "A 4-byte big-endian length in bytes (padding included), then the message padded with b'\\x00' to a multiple of 60 bytes; at most 1,048,576 bytes per message.",
    );
  });
});
