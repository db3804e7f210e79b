import { StreamDecoder } from './stream-decoder.ts';

/**
 * Every chunk is a message, including an empty one: an empty UDP datagram is a real message. On TCP
 * this shows exactly where the reads happened to fall, which is the point of the lesson.
 */
export class RawDecoder extends StreamDecoder {
  protected override accept(chunk: Uint8Array): void {
    const start = this.queue.end;
    this.queue.push(chunk);
    this.queue.drop(chunk.length);
    this.emit({
      start,
      headerLength: 0,
      payloadLength: chunk.length,
      paddingLength: 0,
      trailerLength: 0,
      data: chunk.slice(),
    });
  }

  protected drain(): void {}

  protected partial(): undefined {
    return undefined;
  }

  protected finish(): void {}
}
