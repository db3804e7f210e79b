import { concatBytes, indexOfBytes, toPythonBytes } from '../bytes.ts';
import { writeUint } from '../uint.ts';
import { assertFraming, FramingError, paddingFor, prefixPlan } from './config.ts';
import type { DelimiterFraming, FramingConfig, LengthPrefixFraming } from './types.ts';
import { bytes, count } from './words.ts';

/** The bytes to write for one message. Throws FramingError when the framing cannot carry it. */
export function encodeFrame(config: FramingConfig, message: Uint8Array): Uint8Array {
  assertFraming(config);
  switch (config.kind) {
    case 'raw':
      return message.slice();
    case 'delimiter':
      return encodeDelimited(config, message);
    case 'length-prefix':
      return encodeLengthPrefixed(config, message);
  }
}

function encodeDelimited(config: DelimiterFraming, message: Uint8Array): Uint8Array {
  if (message.length > config.maxLength) {
    throw new FramingError(
      'too-long',
      `This message is ${bytes(message.length)}; the framing allows at most ${bytes(config.maxLength)}.`,
    );
  }
  const frame = concatBytes([message, Uint8Array.from(config.delimiter)]);
  // Searching the whole frame also catches a message that ends with the start of the delimiter.
  const at = indexOfBytes(frame, config.delimiter);
  if (at !== message.length) {
    throw new FramingError(
      'contains-delimiter',
      `The receiver would find the delimiter ${toPythonBytes(Uint8Array.from(config.delimiter))} ${bytes(at)} into this message and cut it there.`,
    );
  }
  return frame;
}

function encodeLengthPrefixed(config: LengthPrefixFraming, message: Uint8Array): Uint8Array {
  const plan = prefixPlan(config);
  const body = message.length + paddingFor(message.length, plan.padTo);
  if (body > plan.maxLength) {
    throw new FramingError(
      'too-long',
      `${body > message.length ? 'With its padding this' : 'This'} message is ${bytes(body)}; the framing allows at most ${bytes(plan.maxLength)}.`,
    );
  }
  const declared = BigInt(plan.includesPadding ? body / plan.unitSize : message.length);
  if (declared > plan.capacity) {
    throw new FramingError(
      'too-long',
      `A ${plan.width}-byte prefix holds at most ${count(plan.capacity)}, but this message needs ${count(declared)}.`,
    );
  }
  const frame = new Uint8Array(plan.width + body).fill(plan.padByte, plan.width + message.length);
  writeUint(frame, 0, plan.width, plan.littleEndian, declared);
  frame.set(message, plan.width);
  return frame;
}
