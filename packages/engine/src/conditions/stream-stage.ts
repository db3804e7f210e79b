import type { ConditionsSettings, ConditionsStats } from '@playground/protocol';
import type { Random } from './prng.ts';
import { delayFor, transmitMs } from './settings.ts';

/** Linux never retransmits sooner than 200 ms (TCP_RTO_MIN). */
export const MIN_RETRANSMIT_MS = 200;
/** Bytes waiting in one direction before the stage stops reading its source (TCP flow control does the rest). */
export const MAX_STREAM_QUEUE_BYTES = 256 * 1024;
const MIN_STREAM_QUEUE_BYTES = 4096;

/** A retransmission timeout for these settings: about RTT + 4 × variation, at least TCP_RTO_MIN. */
export function retransmitMs(s: ConditionsSettings): number {
  return Math.max(MIN_RETRANSMIT_MS, 2 * s.delayMs + 4 * s.jitterMs);
}

/** With a bandwidth limit the queue holds about half a second of it, so pausing the source has an effect. */
export function queueLimit(s: ConditionsSettings): number {
  if (s.bandwidthKbps === 0) return MAX_STREAM_QUEUE_BYTES;
  const halfSecond = (s.bandwidthKbps * 1000) / 8 / 2;
  return Math.min(MAX_STREAM_QUEUE_BYTES, Math.max(MIN_STREAM_QUEUE_BYTES, Math.round(halfSecond)));
}

export interface StreamStageOptions {
  random: Random;
  settings: () => ConditionsSettings;
  stats: ConditionsStats;
  touch: () => void;
  /** Writes one piece onward; false when the destination's buffer is full (call drained() on 'drain'). */
  write: (piece: Uint8Array) => boolean;
  /** Every byte went onward: pass the FIN on. */
  end: () => void;
  /** Stop (true) or resume (false) reading the source. */
  pauseSource: (paused: boolean) => void;
  now?: () => number;
}

interface Piece {
  bytes: Uint8Array;
  due: number;
}

/**
 * What the network does to one direction of a TCP byte stream: delay ± jitter, a bandwidth limit,
 * re-segmentation into pieces of segmentMin..segmentMax bytes, and "loss" as a retransmission that
 * holds back the piece and everything behind it. Pieces leave strictly in order (a piece is never
 * due before the one in front of it), whole and unchanged: the byte stream is intact by construction.
 * Re-cut pieces leave one per turn of the event loop, so the receiver gets to read them one by one.
 */
export class StreamStage {
  readonly #o: StreamStageOptions;
  readonly #now: () => number;
  readonly #fifo: Piece[] = [];
  #head = 0;
  #lastDue = 0;
  #linkFree = 0;
  #queuedBytes = 0;
  #ending = false;
  #ended = false;
  #waitingDrain = false;
  #sourcePaused = false;
  #timer: NodeJS.Timeout | undefined;
  #immediate: NodeJS.Immediate | undefined;
  #closed = false;

  constructor(options: StreamStageOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => performance.now());
  }

  get queuedBytes(): number {
    return this.#queuedBytes;
  }

  get pieces(): number {
    return this.#fifo.length - this.#head;
  }

  push(chunk: Uint8Array): void {
    if (this.#closed || this.#ending) return;
    const { random, stats } = this.#o;
    const s = this.#o.settings();
    stats.in++;
    stats.bytesIn += chunk.length;
    const now = this.#now();
    for (const bytes of this.#cut(chunk, s)) {
      const rDelay = random();
      const rLoss = random();
      const start = Math.max(now, this.#linkFree);
      const sent = start + transmitMs(bytes.length, s.bandwidthKbps);
      this.#linkFree = sent;
      let due = sent + delayFor(s, rDelay);
      if (rLoss * 100 < s.lossPct) {
        due += retransmitMs(s);
        stats.retransmitted++;
      }
      // In order, always: a piece that would overtake the one in front waits behind it instead.
      due = Math.max(due, this.#lastDue);
      this.#lastDue = due;
      if (due > now) stats.delayed++;
      this.#fifo.push({ bytes, due });
      this.#queuedBytes += bytes.length;
      stats.queued++;
    }
    this.#o.touch();
    if (!this.#sourcePaused && this.#queuedBytes > queueLimit(s)) {
      this.#sourcePaused = true;
      this.#o.pauseSource(true);
    }
    // Re-cut pieces never go out from the read that brought them: the receiver's next read (in the
    // loop's poll phase) must come between two pieces, and a read handler runs in that very phase.
    if (s.segmentMax > 0) this.#nextTurn();
    else this.#pump();
  }

  /** The source sent FIN: it goes on after the last byte, with the bytes' own delay. */
  end(): void {
    if (this.#closed || this.#ending) return;
    this.#ending = true;
    this.#pump();
  }

  drained(): void {
    this.#waitingDrain = false;
    this.#pump();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#o.stats.queued -= this.pieces;
    this.#fifo.length = 0;
    this.#head = 0;
    this.#queuedBytes = 0;
    clearTimeout(this.#timer);
    if (this.#immediate) clearImmediate(this.#immediate);
    this.#timer = undefined;
    this.#immediate = undefined;
  }

  /** Pieces of segmentMin..segmentMax bytes (one random draw each), or the chunk as it was read. */
  #cut(chunk: Uint8Array, s: ConditionsSettings): Uint8Array[] {
    if (s.segmentMax === 0 || chunk.length === 0) return [chunk];
    const min = Math.max(1, s.segmentMin);
    const max = Math.max(min, s.segmentMax);
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < chunk.length; ) {
      const size = min + Math.floor(this.#o.random() * (max - min + 1));
      pieces.push(chunk.subarray(at, at + size));
      at += size;
    }
    return pieces;
  }

  #pump(): void {
    if (this.#closed || this.#waitingDrain || this.#immediate !== undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const stats = this.#o.stats;
    for (;;) {
      const piece = this.#fifo[this.#head];
      if (piece === undefined) {
        this.#compact();
        if (this.#ending && !this.#ended) {
          this.#ended = true;
          this.#o.end();
        }
        return;
      }
      const wait = piece.due - this.#now();
      if (wait > 0.5) {
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#pump();
        }, wait);
        return;
      }
      this.#fifo[this.#head++] = undefined as unknown as Piece;
      if (this.#head >= 1024 && this.#head * 2 >= this.#fifo.length) {
        this.#fifo.splice(0, this.#head);
        this.#head = 0;
      }
      this.#queuedBytes -= piece.bytes.length;
      stats.queued--;
      stats.out++;
      stats.bytesOut += piece.bytes.length;
      this.#o.touch();
      const ok = this.#o.write(piece.bytes);
      if (this.#closed) return;
      if (this.#sourcePaused && this.#queuedBytes <= queueLimit(this.#o.settings()) / 4) {
        this.#sourcePaused = false;
        this.#o.pauseSource(false);
      }
      if (!ok) {
        this.#waitingDrain = true;
        return;
      }
      if (this.#o.settings().segmentMax > 0 && this.#fifo[this.#head] !== undefined) {
        // One re-cut piece per turn of the loop: the receiver reads it before the next is written.
        this.#nextTurn();
        return;
      }
    }
  }

  #nextTurn(): void {
    if (this.#immediate !== undefined || this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#immediate = setImmediate(() => {
      this.#immediate = undefined;
      this.#pump();
    });
  }

  #compact(): void {
    if (this.#head > 0) {
      this.#fifo.length = 0;
      this.#head = 0;
    }
  }
}
