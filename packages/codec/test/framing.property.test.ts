import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concatBytes,
  createFrameDecoder,
  crlfFraming,
  type DecodedFrame,
  type DelimiterFraming,
  type Endian,
  encodeFrame,
  type FramingConfig,
  FramingError,
  type LengthPrefixFraming,
  newlineFraming,
  type PrefixWidth,
  seed002ChunkCount,
  seed002PaddedLength,
} from '../src/index.ts';
import { splitAt } from './helpers.ts';

/**
 * TCP may deliver N writes as M reads cut anywhere. For every framing, encoding messages and
 * feeding the stream back in arbitrary pieces must give back exactly the messages, in order,
 * with frames that tile the stream.
 */
const messages = fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 8 });
const cuts = fc.array(fc.nat(), { maxLength: 12 });

const sendable = (config: FramingConfig, message: Uint8Array): boolean => {
  try {
    encodeFrame(config, message);
    return true;
  } catch (error) {
    if (error instanceof FramingError) return false;
    throw error;
  }
};

/** When the prefix counts the padding, a message ending in the pad byte is ambiguous (as in the seed); avoid it. */
function unambiguous(config: FramingConfig, message: Uint8Array): Uint8Array {
  if (config.kind !== 'length-prefix' || config.lengthIncludesPadding === false) return message;
  const padByte = config.padByte ?? 0;
  return message.at(-1) === padByte ? concatBytes([message, Uint8Array.of(padByte ^ 0xff)]) : message;
}

function decodeInPieces(config: FramingConfig, pieces: Uint8Array[]) {
  const decoder = createFrameDecoder(config);
  const frames: DecodedFrame[] = [];
  const errors: unknown[] = [];
  for (const piece of pieces) {
    const step = decoder.push(piece);
    frames.push(...step.frames);
    errors.push(...step.errors);
  }
  const end = decoder.end();
  return { frames, errors: [...errors, ...end.errors] };
}

function roundTrips(config: FramingConfig, numRuns: number): void {
  fc.assert(
    fc.property(messages, cuts, (raw, cutPoints) => {
      const sent = raw.map((m) => unambiguous(config, m)).filter((m) => sendable(config, m));
      const stream = concatBytes(sent.map((m) => encodeFrame(config, m)));
      const { frames, errors } = decodeInPieces(config, splitAt(stream, cutPoints));
      expect(errors).toEqual([]);
      expect(frames.map((f) => f.data)).toEqual(sent);
      let at = 0;
      frames.forEach((frame, i) => {
        expect(frame.index).toBe(i);
        expect(frame.range.start).toBe(at);
        expect([frame.header.end, frame.payload.end, frame.padding.end, frame.trailer.end]).toEqual([
          frame.payload.start,
          frame.padding.start,
          frame.trailer.start,
          frame.range.end,
        ]);
        at = frame.range.end;
      });
      expect(at).toBe(stream.length);
    }),
    { numRuns },
  );
}

const lengthPrefixes: LengthPrefixFraming[] = ([1, 2, 4, 8] as PrefixWidth[]).flatMap((width) =>
  (['big', 'little'] as Endian[]).flatMap((endian) => {
    const base = { kind: 'length-prefix', width, endian, maxLength: 4096 } as const;
    return [
      { ...base, unit: 'bytes' },
      { ...base, unit: 'bytes', padTo: 60 },
      { ...base, unit: 'bytes', padTo: 8, padByte: 0x20, lengthIncludesPadding: false },
      { ...base, unit: 'chunks', chunkSize: 4 },
      { ...base, unit: 'chunks', chunkSize: 3, padTo: 6, padByte: 0xff },
    ];
  }),
);

describe('every framing survives arbitrary read boundaries', () => {
  it.each([
    ['\\n', newlineFraming],
    ['\\r\\n', crlfFraming],
    ['seed 002 chunk count', seed002ChunkCount],
    ['seed 002 padded length', seed002PaddedLength],
  ] as const)('%s', (_name, config) => roundTrips(config, 200));

  it.each(lengthPrefixes.map((c) => [JSON.stringify(c), c] as const))('length prefix %s', (_name, config) =>
    roundTrips(config, 60),
  );

  it('any delimiter', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4 }), messages, cuts, (delimiter, raw, cutPoints) => {
        const config: DelimiterFraming = { kind: 'delimiter', delimiter: [...delimiter], maxLength: 100 };
        const sent = raw.filter((m) => sendable(config, m));
        const stream = concatBytes(sent.map((m) => encodeFrame(config, m)));
        const { frames, errors } = decodeInPieces(config, splitAt(stream, cutPoints));
        expect(errors).toEqual([]);
        expect(frames.map((f) => f.data)).toEqual(sent);
      }),
      { numRuns: 200 },
    );
  });

  it('raw framing hands back each read as it came', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 })), (reads) => {
        expect(decodeInPieces({ kind: 'raw' }, reads).frames.map((f) => f.data)).toEqual(reads);
      }),
      { numRuns: 200 },
    );
  });

  it('over-long lines are reported and skipped the same way however the stream is cut', () => {
    const config: DelimiterFraming = { kind: 'delimiter', delimiter: [0x0d, 0x0a], maxLength: 10 };
    const line = fc.oneof(fc.string({ maxLength: 25 }), fc.constant('\r'), fc.constant('x'.repeat(12)));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.string({ maxLength: 5 }), cuts, (lines, tail, cutPoints) => {
        const stream = new TextEncoder().encode(`${lines.join('\r\n')}\r\n${tail}`);
        const whole = decodeInPieces(config, [stream]);
        const pieces = decodeInPieces(config, splitAt(stream, cutPoints));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});
