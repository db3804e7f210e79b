import { toHex, toPythonBytes } from '../bytes.ts';
import { byteRange } from '../range.ts';
import { readUint } from '../uint.ts';
import { type PrefixPlan, paddingFor, prefixPlan } from './config.ts';
import { StreamDecoder } from './stream-decoder.ts';
import type { LengthPrefixFraming, PartialFrame } from './types.ts';
import { bytes, count } from './words.ts';

/**
 * Messages preceded by their length. A prefix above `maxLength` stops the decoder for good: a
 * length-prefixed stream has no marker to resynchronise on, so guessing where the next frame starts
 * would only show the learner made-up frames. Padding that does not follow the protocol is reported
 * but the frame is still delivered, because its boundaries are known.
 */
export class LengthPrefixDecoder extends StreamDecoder {
  private readonly plan: PrefixPlan;
  /** Body size (message plus padding) of the current frame, once its prefix has been read. */
  private body: number | undefined;
  private declared = 0;

  constructor(config: LengthPrefixFraming) {
    super(config);
    this.plan = prefixPlan(config);
  }

  protected drain(): void {
    const { width } = this.plan;
    while (this.state === 'reading') {
      if (this.body === undefined && (this.queue.length < width || !this.readPrefix())) return;
      if (this.body === undefined || this.queue.length < width + this.body) return;
      this.emitFrame(this.body);
    }
  }

  private readPrefix(): boolean {
    const { width, littleEndian, unitSize, padTo, includesPadding, maxLength } = this.plan;
    const prefix = this.queue.view(0, width);
    const declared = readUint(prefix, 0, width, littleEndian);
    const units = declared * BigInt(unitSize);
    // Compared as bigint first: an 8-byte prefix can exceed what a number holds exactly.
    const body =
      units > BigInt(maxLength) ? undefined : Number(units) + (includesPadding ? 0 : paddingFor(Number(units), padTo));
    if (body === undefined || body > maxLength) {
      this.stop(prefix, declared, units);
      return false;
    }
    const start = this.queue.start;
    if (includesPadding && body % padTo !== 0) {
      this.report({
        code: 'bad-length',
        message: `The prefix says ${bytes(body)}, which is not a multiple of ${padTo}: a sender following this protocol pads every message to a multiple of ${bytes(padTo)} (did it count the bytes before padding?).`,
        range: byteRange(start, start + width),
        fatal: false,
        frameIndex: this.nextIndex,
      });
    }
    this.body = body;
    this.declared = Number(declared);
    return true;
  }

  private emitFrame(body: number): void {
    const { width, padTo, padByte, includesPadding } = this.plan;
    const start = this.queue.start;
    const content = this.queue.view(width, width + body);
    let messageLength = this.declared;
    if (includesPadding) {
      // The sender adds fewer than padTo pad bytes; anything before them is the message, as the
      // seed's strip(b'\x00') would also decide.
      let run = 0;
      while (run < Math.min(body, padTo - 1) && content[body - 1 - run] === padByte) run++;
      messageLength = body - run;
    } else {
      const wrong = content.subarray(messageLength).filter((b) => b !== padByte).length;
      if (wrong > 0) {
        this.report({
          code: 'bad-padding',
          message: `The ${bytes(body - messageLength)} after this ${bytes(messageLength)} message should all be the pad byte ${toPythonBytes(Uint8Array.of(padByte))}, but ${count(wrong)} ${wrong === 1 ? 'is' : 'are'} not: the sender pads differently or its length prefix is wrong.`,
          range: byteRange(start + width + messageLength, start + width + body),
          fatal: false,
          frameIndex: this.nextIndex,
        });
      }
    }
    this.emit({
      start,
      headerLength: width,
      payloadLength: messageLength,
      paddingLength: body - messageLength,
      trailerLength: 0,
      data: content.slice(0, messageLength),
      declaredLength: this.declared,
    });
    this.queue.drop(width + body);
    this.body = undefined;
  }

  private stop(prefix: Uint8Array, declared: bigint, units: bigint): void {
    const { width, unitSize, maxLength, littleEndian } = this.plan;
    const start = this.queue.start;
    const says = unitSize > 1 ? `${count(declared)} chunks of ${unitSize} bytes (${bytes(units)})` : bytes(declared);
    const hints: string[] = [];
    if (prefix.every((b) => b >= 0x20 && b < 0x7f)) {
      hints.push(
        `As text these bytes read ${toPythonBytes(prefix)}: the sender is probably sending plain text, not frames.`,
      );
    } else if (width > 1) {
      const flipped = readUint(prefix, 0, width, !littleEndian) * BigInt(unitSize);
      if (flipped <= BigInt(maxLength)) {
        hints.push(
          `Read ${littleEndian ? 'big' : 'little'}-endian they would mean ${bytes(flipped)}: is the sender using the other byte order?`,
        );
      }
    }
    this.report({
      code: 'too-long',
      message: [
        `The ${width}-byte length prefix ${toHex(prefix)} says ${says} follow, more than the ${bytes(maxLength)} this receiver accepts.`,
        ...hints,
        'Decoding stops here: without a length it can trust, the receiver cannot tell where the next frame begins.',
      ].join(' '),
      range: byteRange(start, start + width),
      fatal: true,
    });
    this.state = 'stopped';
    this.queue.drop(this.queue.length);
  }

  protected partial(): PartialFrame | undefined {
    const { width } = this.plan;
    const have = this.queue.length;
    const start = this.queue.start;
    if (this.body === undefined) {
      if (have === 0) return undefined;
      return {
        start,
        have,
        headerLength: width,
        description: `Length prefix in progress: ${have} of its ${bytes(width)}.`,
      };
    }
    return {
      start,
      have,
      need: width + this.body,
      headerLength: width,
      description: `Frame in progress: ${count(have - width)} of ${bytes(this.body)} after the ${width}-byte prefix.`,
    };
  }

  protected finish(): void {
    const partial = this.partial();
    if (!partial) return;
    this.report({
      code: 'truncated',
      message:
        partial.need === undefined
          ? `The stream ended after ${partial.have} of the ${bytes(partial.headerLength)} of a length prefix, so the last frame never really began.`
          : `The stream ended ${bytes(partial.have)} into a ${bytes(partial.need)} frame, so its message is incomplete.`,
      range: byteRange(partial.start, partial.start + partial.have),
      fatal: false,
    });
  }
}
