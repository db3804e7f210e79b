import { type ByteRange, byteRange } from '../range.ts';
import { ByteQueue } from './byte-queue.ts';
import type {
  DecodedFrame,
  DecoderState,
  DecodeStep,
  FrameDecoder,
  FrameError,
  FramingConfig,
  PartialFrame,
} from './types.ts';

export interface FrameParts {
  readonly start: number;
  readonly headerLength: number;
  readonly payloadLength: number;
  readonly paddingLength: number;
  readonly trailerLength: number;
  readonly data: Uint8Array;
  readonly declaredLength?: number;
}

/**
 * What every framing's decoder shares: the received-but-undecoded bytes, frame numbering, and
 * collecting what one push produced. Subclasses only say how frames are found.
 */
export abstract class StreamDecoder implements FrameDecoder {
  protected readonly queue = new ByteQueue();
  protected state: DecoderState = 'reading';
  private frames: DecodedFrame[] = [];
  private errors: FrameError[] = [];
  private frameCount = 0;

  constructor(readonly config: FramingConfig) {}

  push(chunk: Uint8Array): DecodeStep {
    if (this.state === 'ended') throw new Error('This stream has already ended; a new stream needs a new decoder.');
    if (this.state === 'stopped') {
      this.queue.push(chunk);
      this.queue.drop(this.queue.length);
    } else {
      this.accept(chunk);
    }
    return this.step();
  }

  end(): DecodeStep {
    if (this.state === 'reading' || this.state === 'skipping') this.finish();
    this.state = 'ended';
    return this.step();
  }

  protected accept(chunk: Uint8Array): void {
    this.queue.push(chunk);
    this.drain();
  }

  /** Turns as many buffered bytes into frames as possible. */
  protected abstract drain(): void;

  /** The frame in progress, if any. */
  protected abstract partial(): PartialFrame | undefined;

  /** The stream ended: reports what was left unfinished. */
  protected abstract finish(): void;

  /** The index the next frame will get, for errors about a frame before it is emitted. */
  protected get nextIndex(): number {
    return this.frameCount;
  }

  protected emit(parts: FrameParts): void {
    let at = parts.start;
    const next = (length: number): ByteRange => {
      const range = byteRange(at, at + length);
      at = range.end;
      return range;
    };
    const header = next(parts.headerLength);
    const payload = next(parts.payloadLength);
    const padding = next(parts.paddingLength);
    const trailer = next(parts.trailerLength);
    this.frames.push({
      index: this.frameCount++,
      range: byteRange(parts.start, at),
      header,
      payload,
      padding,
      trailer,
      data: parts.data,
      ...(parts.declaredLength === undefined ? {} : { declaredLength: parts.declaredLength }),
    });
  }

  protected report(error: FrameError): void {
    this.errors.push(error);
  }

  private step(): DecodeStep {
    const partial = this.state === 'reading' || this.state === 'skipping' ? this.partial() : undefined;
    const step: DecodeStep = {
      frames: this.frames,
      errors: this.errors,
      state: this.state,
      offset: this.queue.end,
      ...(partial ? { partial } : {}),
    };
    this.frames = [];
    this.errors = [];
    return step;
  }
}
