import {
  createFrameDecoder,
  type DecodedFrame,
  type DecoderState,
  type FrameDecoder,
  type FrameError,
  type FramingConfig,
  framingProblems,
  type PartialFrame,
} from '@playground/codec';
import { logAt, logSize } from '../../../store/appendLog.ts';
import type { ByteLog, Piece } from '../../../store/byteLog.ts';

/** A decoded frame and where its stream starts among the bytes the page kept (0 for TCP; the datagram for UDP). */
export interface FrameEntry {
  readonly frame: DecodedFrame;
  readonly base: number;
}

export interface FramesResult {
  readonly frames: readonly FrameEntry[];
  /** Frames found before the kept ones (only the newest are listed). */
  readonly older: number;
  readonly errors: readonly (FrameError & { base: number })[];
  readonly partial: (PartialFrame & { base: number }) | undefined;
  /** The stream's first bytes are gone from the page, so frames cannot be found. */
  readonly startMissing: boolean;
  /** Some bytes never reached the page (folded events, capped previews): frames after a gap may be wrong. */
  readonly holes: boolean;
  /** The framing itself is unusable. */
  readonly invalid: boolean;
  /** `skipping` an over-long line, or `stopped` at a length it cannot trust. */
  readonly state: DecoderState;
}

const MAX_FRAMES = 500;
const MAX_ERRORS = 100;

/**
 * Runs the codec's decoder over one direction of a socket as its pieces arrive, feeding only the
 * new pieces each time the log grows, so a megabyte stream is decoded once, not on every render.
 * TCP is one stream; every UDP datagram is a stream of its own.
 */
export class FrameTracker {
  private decoder: FrameDecoder | undefined;
  private fedEnd = 0;
  private frames: FrameEntry[] = [];
  private older = 0;
  private errors: (FrameError & { base: number })[] = [];
  private partial: (PartialFrame & { base: number }) | undefined;
  private holes = false;
  private state: DecoderState = 'reading';
  private readonly startMissing: boolean;
  private readonly invalid: boolean;

  constructor(
    readonly framing: FramingConfig,
    private readonly datagrams: boolean,
    log: ByteLog,
  ) {
    this.invalid = framingProblems(framing).length > 0;
    this.startMissing = log.start > 0;
    if (!this.invalid && !datagrams) this.decoder = createFrameDecoder(framing);
  }

  /** Whether this tracker can follow `log` (same stream, grown), else a new one is needed. */
  follows(log: ByteLog): boolean {
    return log.end >= this.fedEnd && log.start <= this.fedEnd;
  }

  update(log: ByteLog): FramesResult {
    if (!this.invalid && !this.startMissing) {
      const { pieces } = log;
      for (let i = firstPieceFrom(log, this.fedEnd); i < logSize(pieces); i++)
        this.feed(log, logAt(pieces, i) as Piece);
    }
    this.fedEnd = log.end;
    return {
      frames: this.frames,
      older: this.older,
      errors: this.errors,
      partial: this.partial,
      startMissing: this.startMissing,
      holes: this.holes,
      invalid: this.invalid,
      state: this.state,
    };
  }

  private feed(log: ByteLog, piece: Piece): void {
    if (piece.skipped > 0 || piece.length < piece.size) this.holes = true;
    const bytes = log.bytes.subarray(piece.offset - log.base, piece.offset - log.base + piece.length);
    if (this.datagrams) {
      const decoder = createFrameDecoder(this.framing);
      const first = decoder.push(bytes);
      const last = decoder.end();
      this.take([...first.frames, ...last.frames], [...first.errors, ...last.errors], piece.offset);
      return;
    }
    const step = (this.decoder as FrameDecoder).push(bytes);
    this.take(step.frames, step.errors, 0);
    this.partial = step.partial && { ...step.partial, base: 0 };
    this.state = step.state;
  }

  private take(frames: readonly DecodedFrame[], errors: readonly FrameError[], base: number): void {
    // New arrays, so a view holding the previous result sees it unchanged.
    this.frames = [...this.frames, ...frames.map((frame) => ({ frame, base }))];
    if (this.frames.length > MAX_FRAMES) {
      this.older += this.frames.length - MAX_FRAMES;
      this.frames = this.frames.slice(-MAX_FRAMES);
    }
    if (errors.length > 0) this.errors = [...this.errors, ...errors.map((e) => ({ ...e, base }))].slice(-MAX_ERRORS);
  }
}

/** Index of the first piece that starts at or after `offset`. */
function firstPieceFrom(log: ByteLog, offset: number): number {
  let lo = 0;
  let hi = logSize(log.pieces);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((logAt(log.pieces, mid) as Piece).offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
