import { indexOfBytes } from '../bytes.ts';

/**
 * The bytes a decoder has received but not yet turned into frames, with the stream offset of the
 * first one. Chunks are appended into one growing buffer so a frame that arrived in many reads can
 * be looked at as one piece without copying it again on every read.
 */
export class ByteQueue {
  private buffer = new Uint8Array(1024);
  private head = 0;
  private tail = 0;
  /** Stream offset of the first buffered byte. */
  start = 0;

  get length(): number {
    return this.tail - this.head;
  }

  /** Stream offset of the next byte to arrive. */
  get end(): number {
    return this.start + this.length;
  }

  push(chunk: Uint8Array): void {
    if (this.tail + chunk.length > this.buffer.length) {
      const kept = this.buffer.subarray(this.head, this.tail);
      const needed = kept.length + chunk.length;
      const target = needed * 2 > this.buffer.length ? new Uint8Array(needed * 2) : this.buffer;
      target.set(kept);
      this.buffer = target;
      this.head = 0;
      this.tail = kept.length;
    }
    this.buffer.set(chunk, this.tail);
    this.tail += chunk.length;
  }

  /** Buffered bytes [from, to) without copying; valid until the next push. */
  view(from = 0, to = this.length): Uint8Array {
    return this.buffer.subarray(this.head + from, this.head + to);
  }

  drop(n: number): void {
    this.head += n;
    this.start += n;
    if (this.head === this.tail) this.head = this.tail = 0;
  }

  indexOf(needle: readonly number[], from: number, lastStart?: number): number {
    return indexOfBytes(this.view(), needle, from, lastStart);
  }
}
