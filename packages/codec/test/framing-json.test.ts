import { describe, expect, it } from 'vitest';
import {
  createFrameDecoder,
  type DecodedFrame,
  decodeJsonFrame,
  encodeJsonFrame,
  type FramingConfig,
  FramingError,
  jsonText,
  newlineFraming,
  rawFraming,
  seed002PaddedLength,
} from '../src/index.ts';

const frameOf = (config: FramingConfig, bytes: Uint8Array): DecodedFrame => {
  const [frame] = createFrameDecoder(config).push(bytes).frames;
  if (!frame) throw new Error('no frame');
  return frame;
};
const text = (s: string) => new TextEncoder().encode(s);

describe('JSON payloads', () => {
  it("writes Python's json.dumps layout or JavaScript's compact one", () => {
    const value = { a: [1, 2.5, null, true], ü: { '': 'x\n\u007f😀' } };
    expect(jsonText(value)).toBe('{"a": [1, 2.5, null, true], "\\u00fc": {"": "x\\n\\u007f\\ud83d\\ude00"}}');
    expect(jsonText(value, 'compact')).toBe(JSON.stringify(value));
    expect(jsonText([{}, []])).toBe('[{}, []]');
    expect(() => jsonText(undefined)).toThrow(FramingError);
    expect(() => jsonText({ n: 1n })).toThrow(/cannot be written as JSON/);
  });

  it('decodes to the value and its pretty text, with its place in the stream', () => {
    const frame = frameOf(newlineFraming, text('{"a":1}\n'));
    expect(decodeJsonFrame(newlineFraming, frame)).toEqual({
      ok: true,
      value: { a: 1 },
      text: '{"a":1}',
      pretty: '{\n  "a": 1\n}',
      range: { start: 0, end: 7 },
    });
  });

  it('strips every trailing pad byte, as the seed strip() does', () => {
    const framed = encodeJsonFrame(seed002PaddedLength, [1]);
    const json = decodeJsonFrame(seed002PaddedLength, frameOf(seed002PaddedLength, framed));
    expect(json.ok && json.range).toEqual({ start: 4, end: 7 });
    // A raw read keeps its zeros: nothing says they are padding.
    const raw = decodeJsonFrame(rawFraming, frameOf(rawFraming, text('[1]\u0000')));
    expect(raw.ok).toBe(false);
  });

  it('explains what is wrong with a payload that is not JSON', () => {
    const explain = (config: FramingConfig, bytes: Uint8Array) => {
      const result = decodeJsonFrame(config, frameOf(config, bytes));
      if (result.ok) throw new Error('expected a failure');
      expect(result.error).toMatchObject({ code: 'invalid-json', fatal: false, frameIndex: 0 });
      return result.error.message;
    };
    expect(explain(rawFraming, text('hola'))).toMatch(/^The message "hola" is not valid JSON \(/);
    expect(explain(rawFraming, Uint8Array.of(0x22, 0xff, 0x22))).toBe(
      'These 3 bytes are not valid UTF-8 text, so they cannot be JSON.',
    );
    expect(explain(seed002PaddedLength, Uint8Array.of(0, 0, 0, 60, ...new Uint8Array(60)))).toBe(
      'The message is empty once the padding is removed, and an empty message is not JSON.',
    );
    expect(explain(rawFraming, text('[NaN]'))).toMatch(/Python's json writes NaN and Infinity/);
  });
});
