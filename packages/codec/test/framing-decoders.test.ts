import { describe, expect, it } from 'vitest';
import {
  createFrameDecoder,
  crlfFraming,
  type DelimiterFraming,
  describeFraming,
  encodeFrame,
  FRAMING_PRESETS,
  FramingError,
  framingProblems,
  type LengthPrefixFraming,
  newlineFraming,
  rawFraming,
  toHex,
} from '../src/index.ts';
import { fromHex } from './helpers.ts';

const text = (s: string) => new TextEncoder().encode(s);
const str = (b: Uint8Array) => new TextDecoder().decode(b);

describe('raw framing', () => {
  it('turns every read into one message, empty datagrams included', () => {
    const decoder = createFrameDecoder(rawFraming);
    expect(decoder.push(text('hola')).frames[0]).toMatchObject({
      range: { start: 0, end: 4 },
      payload: { start: 0, end: 4 },
    });
    const second = decoder.push(new Uint8Array(0));
    expect(second.frames[0]).toMatchObject({ index: 1, range: { start: 4, end: 4 } });
    expect(second.offset).toBe(4);
    expect(decoder.end()).toMatchObject({ frames: [], errors: [], state: 'ended' });
  });

  it('refuses bytes after the end of the stream', () => {
    const decoder = createFrameDecoder(rawFraming);
    decoder.end();
    expect(() => decoder.push(text('x'))).toThrow(/already ended/);
  });
});

describe('delimiter framing', () => {
  it('finds a \\r\\n split across two reads', () => {
    const decoder = createFrameDecoder(crlfFraming);
    expect(decoder.push(text('GET /\r')).frames).toEqual([]);
    const step = decoder.push(text('\nHost'));
    expect(step.frames[0]).toMatchObject({ payload: { start: 0, end: 5 }, trailer: { start: 5, end: 7 } });
    expect(str(step.frames[0]!.data)).toBe('GET /');
    expect(step.partial).toMatchObject({ start: 7, have: 4 });
    expect(step.partial?.description).toBe("Message in progress: 4 bytes so far, no b'\\r\\n' yet.");
  });

  it('reports an over-long message, skips to the next delimiter and carries on', () => {
    const framing: DelimiterFraming = { kind: 'delimiter', delimiter: [0x0a], maxLength: 5 };
    const decoder = createFrameDecoder(framing);
    const first = decoder.push(text('ok\nwaytoolong'));
    expect(first.frames.map((f) => str(f.data))).toEqual(['ok']);
    expect(first.errors).toEqual([
      expect.objectContaining({ code: 'too-long', fatal: false, range: { start: 3, end: 9 } }),
    ]);
    expect(first.errors[0]?.message).toMatch(/No b'\\n' in the first 6 bytes .* longer than the 5 bytes allowed/);
    expect(first.state).toBe('skipping');
    expect(first.partial?.description).toMatch(/Skipping an over-long message: 10 bytes so far/);
    const rest = decoder.push(text('!!\nfine\n'));
    expect(rest.state).toBe('reading');
    expect(rest.frames.map((f) => [str(f.data), f.range.start])).toEqual([['fine', 16]]);
  });

  it('reports bytes no delimiter closed when the stream ends', () => {
    const decoder = createFrameDecoder(newlineFraming);
    decoder.push(text('a\nunfinished'));
    const end = decoder.end();
    expect(end.errors).toEqual([expect.objectContaining({ code: 'truncated', range: { start: 2, end: 12 } })]);
    expect(end.errors[0]?.message).toBe(
      "The stream ended with 10 bytes that no b'\\n' closed, so they are not a complete message.",
    );
  });

  it('will not send a message the receiver would cut somewhere else', () => {
    expect(() => encodeFrame(newlineFraming, text('two\nlines'))).toThrow(/3 bytes into this message/);
    // "ab" + delimiter "aba" reads as delimiter at 0: the message's own end starts the delimiter.
    const aba: DelimiterFraming = { kind: 'delimiter', delimiter: [...text('aba')], maxLength: 10 };
    expect(() => encodeFrame(aba, text('xab'))).toThrow(FramingError);
    expect(toHex(encodeFrame(aba, text('xa')))).toBe('78 61 61 62 61');
    expect(() => encodeFrame(aba, text('x'.repeat(11)))).toThrow(/at most 10 bytes/);
  });
});

describe('length-prefix framing', () => {
  const base: LengthPrefixFraming = { kind: 'length-prefix', width: 2, endian: 'big', unit: 'bytes', maxLength: 1000 };

  it('writes each width and byte order', () => {
    const hola = text('hola');
    expect(toHex(encodeFrame({ ...base, width: 1 }, hola))).toBe('04 68 6f 6c 61');
    expect(toHex(encodeFrame(base, hola))).toBe('00 04 68 6f 6c 61');
    expect(toHex(encodeFrame({ ...base, endian: 'little' }, hola))).toBe('04 00 68 6f 6c 61');
    expect(toHex(encodeFrame({ ...base, width: 8, endian: 'little' }, hola))).toBe(
      '04 00 00 00 00 00 00 00 68 6f 6c 61',
    );
    expect(toHex(encodeFrame({ ...base, width: 8 }, hola))).toBe('00 00 00 00 00 00 00 04 68 6f 6c 61');
  });

  it('can count the message without its padding, and then checks the padding', () => {
    const xdr: LengthPrefixFraming = { ...base, width: 4, padTo: 4, lengthIncludesPadding: false };
    expect(toHex(encodeFrame(xdr, text('hey')))).toBe('00 00 00 03 68 65 79 00');
    const good = createFrameDecoder(xdr).push(fromHex('00 00 00 03 68 65 79 00'));
    expect(good.frames[0]).toMatchObject({ payload: { start: 4, end: 7 }, padding: { start: 7, end: 8 } });
    const bad = createFrameDecoder(xdr).push(fromHex('00 00 00 02 68 65 79 00 00 00 00 01 41 00 00 00'));
    expect(bad.errors).toEqual([
      expect.objectContaining({ code: 'bad-padding', range: { start: 6, end: 8 }, fatal: false, frameIndex: 0 }),
    ]);
    expect(bad.errors[0]?.message).toMatch(/The 2 bytes after this 2 bytes message .* but 1 is not/);
    expect(bad.frames.map((f) => str(f.data))).toEqual(['he', 'A']);
  });

  it('stops for good at a length above the maximum, and says the bytes look like text', () => {
    const decoder = createFrameDecoder({ ...base, width: 4 });
    const step = decoder.push(text('hola mundo'));
    expect(step).toMatchObject({ state: 'stopped', frames: [] });
    expect(step.errors[0]).toMatchObject({ code: 'too-long', fatal: true, range: { start: 0, end: 4 } });
    expect(step.errors[0]?.message).toMatch(
      /prefix 68 6f 6c 61 says 1,752,132,705 bytes follow, more than the 1,000 bytes .* As text these bytes read b'hola'/,
    );
    const later = decoder.push(fromHex('00 00 00 01 41'));
    expect(later).toMatchObject({ frames: [], errors: [], state: 'stopped', offset: 15 });
    expect(decoder.end()).toMatchObject({ errors: [], state: 'ended' });
  });

  it('reads 8-byte prefixes beyond 2^53 without losing precision in the message', () => {
    const step = createFrameDecoder({ ...base, width: 8 }).push(fromHex('ff ff ff ff ff ff ff fe'));
    expect(step.errors[0]?.message).toContain('says 18,446,744,073,709,551,614 bytes follow');
  });

  it('accepts empty messages and reports an unfinished frame at the end', () => {
    const decoder = createFrameDecoder(base);
    const step = decoder.push(fromHex('00 00 00 05 68 69'));
    expect(step.frames[0]).toMatchObject({ range: { start: 0, end: 2 }, declaredLength: 0 });
    expect(step.frames[0]?.data.length).toBe(0);
    expect(step.partial).toMatchObject({ start: 2, have: 4, need: 7, headerLength: 2 });
    expect(decoder.end().errors[0]).toMatchObject({ code: 'truncated', range: { start: 2, end: 6 } });
    expect(createFrameDecoder(base).push(fromHex('00')).partial?.description).toBe(
      'Length prefix in progress: 1 of its 2 bytes.',
    );
  });

  it('refuses to send what the prefix or the maximum cannot carry', () => {
    expect(() => encodeFrame({ ...base, width: 1 }, new Uint8Array(256))).toThrow(
      /1-byte prefix holds at most 255, but this message needs 256/,
    );
    expect(() => encodeFrame({ ...base, padTo: 60, maxLength: 100 }, new Uint8Array(70))).toThrow(
      /With its padding this message is 120 bytes; the framing allows at most 100 bytes/,
    );
  });
});

describe('framing settings', () => {
  it('explains settings that make no sense', () => {
    expect(framingProblems({ kind: 'delimiter', delimiter: [], maxLength: 10 })).toEqual([
      'The delimiter needs at least one byte.',
    ]);
    const chunks: LengthPrefixFraming = {
      kind: 'length-prefix',
      width: 4,
      endian: 'big',
      unit: 'chunks',
      maxLength: 10,
    };
    expect(framingProblems(chunks)).toEqual(['Counting chunks needs a chunk size of 1 byte or more.']);
    expect(framingProblems({ ...chunks, chunkSize: 4, padTo: 6, lengthIncludesPadding: false })).toEqual([
      'Counting 4-byte chunks needs messages padded to a multiple of 4 bytes.',
      'A count of chunks always includes the padding.',
    ]);
    expect(() => createFrameDecoder({ ...chunks, width: 3 as 4, chunkSize: 4 })).toThrow(/1, 2, 4 or 8 bytes wide/);
  });

  it('describes every preset in one line', () => {
    for (const preset of FRAMING_PRESETS) expect(framingProblems(preset.config)).toEqual([]);
    expect(FRAMING_PRESETS.map((p) => describeFraming(p.config)).slice(0, 3)).toEqual([
      'No framing: each read (TCP) or datagram (UDP) is one message.',
      "Each message ends with b'\\n'; at most 65,536 bytes per message.",
      "Each message ends with b'\\r\\n'; at most 65,536 bytes per message.",
    ]);
    expect(describeFraming({ kind: 'length-prefix', width: 1, endian: 'big', unit: 'bytes', maxLength: 1000 })).toBe(
      'A 1-byte length in bytes, then the message; at most 255 bytes per message.',
    );
  });
});
