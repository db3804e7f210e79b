import { type ByteRange, byteRange } from '../range.ts';
import { padByteOf } from './config.ts';
import { encodeFrame } from './encode.ts';
import { type JsonStyle, jsonText } from './json-text.ts';
import type { DecodedFrame, FrameError, FramingConfig } from './types.ts';
import { bytes } from './words.ts';

/** JSON carried inside any framing: the seed 002 protocols, a line per object, or one per datagram. */
export type JsonPayload =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** The JSON text as received (pad bytes removed). */
      readonly text: string;
      readonly pretty: string;
      /** Stream bytes of the JSON text. */
      readonly range: ByteRange;
    }
  | { readonly ok: false; readonly error: FrameError };

export function encodeJsonFrame(config: FramingConfig, value: unknown, style: JsonStyle = 'python'): Uint8Array {
  return encodeFrame(config, new TextEncoder().encode(jsonText(value, style)));
}

export function decodeJsonFrame(config: FramingConfig, frame: DecodedFrame): JsonPayload {
  const padByte = padByteOf(config);
  let end = frame.data.length;
  // Like the seed's strip(b'\x00'): a sender that over-pads still yields its JSON.
  while (padByte !== undefined && end > 0 && frame.data[end - 1] === padByte) end--;
  const range = byteRange(frame.payload.start, frame.payload.start + end);
  const fail = (message: string): JsonPayload => ({
    ok: false,
    error: { code: 'invalid-json', message, range, fatal: false, frameIndex: frame.index },
  });

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(frame.data.subarray(0, end));
  } catch {
    return fail(`These ${bytes(end)} are not valid UTF-8 text, so they cannot be JSON.`);
  }
  if (text.trim() === '') {
    return fail(
      `The message is empty${padByte === undefined ? '' : ' once the padding is removed'}, and an empty message is not JSON.`,
    );
  }
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value, text, pretty: JSON.stringify(value, null, 2), range };
  } catch (error) {
    const start = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    const python = /\b(NaN|-?Infinity)\b/.test(text)
      ? " Python's json writes NaN and Infinity, but standard JSON has no such values."
      : '';
    return fail(`The message ${JSON.stringify(start)} is not valid JSON (${(error as Error).message}).${python}`);
  }
}
