import { toPythonBytes } from '../bytes.ts';
import { byteRange } from '../range.ts';
import { StreamDecoder } from './stream-decoder.ts';
import type { DelimiterFraming, PartialFrame } from './types.ts';
import { bytes } from './words.ts';

/**
 * Messages end at a delimiter. A message longer than `maxLength` is reported, then skipped up to
 * and including the next delimiter, after which decoding resumes: one bad line does not lose the
 * rest of the conversation. The report always covers the first `maxLength + delimiter` bytes, so
 * it is the same however the stream was cut into reads.
 */
export class DelimiterDecoder extends StreamDecoder {
  private readonly delimiter: readonly number[];
  private readonly shown: string;
  /** Where to resume searching, so bytes already searched are not searched again on every read. */
  private searchFrom = 0;
  /** Stream offset of the over-long message being skipped. */
  private skipStart = 0;

  constructor(private readonly framing: DelimiterFraming) {
    super(framing);
    this.delimiter = framing.delimiter;
    this.shown = toPythonBytes(Uint8Array.from(framing.delimiter));
  }

  protected drain(): void {
    const dl = this.delimiter.length;
    const max = this.framing.maxLength;
    while (this.queue.length > 0) {
      if (this.state === 'skipping') {
        const at = this.queue.indexOf(this.delimiter, this.searchFrom);
        if (at < 0) {
          // Keep only what could still be the start of a delimiter split across reads.
          this.queue.drop(Math.max(0, this.queue.length - (dl - 1)));
          this.searchFrom = 0;
          return;
        }
        this.queue.drop(at + dl);
        this.state = 'reading';
        this.searchFrom = 0;
        continue;
      }
      const at = this.queue.indexOf(this.delimiter, this.searchFrom, max);
      if (at >= 0) {
        const start = this.queue.start;
        const data = this.queue.view(0, at).slice();
        this.emit({ start, headerLength: 0, payloadLength: at, paddingLength: 0, trailerLength: dl, data });
        this.queue.drop(at + dl);
        this.searchFrom = 0;
        continue;
      }
      if (this.queue.length >= max + dl) {
        this.skipStart = this.queue.start;
        this.report({
          code: 'too-long',
          message: `No ${this.shown} in the first ${bytes(max + dl)} of this message, so it is longer than the ${bytes(max)} allowed; the decoder skips to the next ${this.shown} and starts over there.`,
          range: byteRange(this.skipStart, this.skipStart + max + dl),
          fatal: false,
        });
        this.state = 'skipping';
        this.searchFrom = max + 1;
        continue;
      }
      this.searchFrom = Math.max(0, this.queue.length - dl + 1);
      return;
    }
  }

  protected partial(): PartialFrame | undefined {
    if (this.state === 'skipping') {
      const have = this.queue.end - this.skipStart;
      return {
        start: this.skipStart,
        have,
        headerLength: 0,
        description: `Skipping an over-long message: ${bytes(have)} so far, until the next ${this.shown}.`,
      };
    }
    if (this.queue.length === 0) return undefined;
    return {
      start: this.queue.start,
      have: this.queue.length,
      headerLength: 0,
      description: `Message in progress: ${bytes(this.queue.length)} so far, no ${this.shown} yet.`,
    };
  }

  protected finish(): void {
    if (this.state !== 'reading' || this.queue.length === 0) return;
    this.report({
      code: 'truncated',
      message: `The stream ended with ${bytes(this.queue.length)} that no ${this.shown} closed, so they are not a complete message.`,
      range: byteRange(this.queue.start, this.queue.end),
      fatal: false,
    });
  }
}
