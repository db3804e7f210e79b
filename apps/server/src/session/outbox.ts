import { byteSize, type EngineEvent } from '@playground/engine';
import type { Counters, EventBatch, Reply, SocketEvent } from '@playground/protocol';
import type { OutboxConfig } from '../config.ts';
import { TokenBucket } from '../quota/token-bucket.ts';
import { countBytes, type DataEvent, isDataEvent, streamOffset, toWireEvent } from './wire-event.ts';

export interface OutboxSink {
  send(batch: EventBatch): void;
  reply(reply: Reply): void;
  /** Keep what is sent from now on in one write until `release` (see `Outbox.reply`). */
  hold(): void;
  release(): void;
  /** Bytes the WebSocket has queued but not yet handed to the kernel. */
  bufferedAmount(): number;
}

/** What one queued event costs on the wire besides its preview: its JSON keys, numbers and ids. */
const EVENT_OVERHEAD_BYTES = 120;

/**
 * Flushes that may go out on the next tick although the last one left less than a frame ago. Each
 * reply grants a few, so what a command caused (the echo of a `send`, typically one tick after the
 * reply) is not held for the rest of the frame; a few more per frame serve events nobody asked for
 * (a peer's message). A flood earns none beyond those, so it still goes out about once per frame
 * instead of once per chunk, which is what a naive bridge does and pays for in throughput.
 */
const EAGER_PER_REPLY = 2;
const EAGER_PER_FRAME = 4;
const MAX_EAGER_CREDIT = 8;
/** An early flush is for a few events; a burst that piled up by then waits for the frame after all. */
const EAGER_MAX_EVENTS = 32;

/**
 * Coalesces a session's events into about one message per frame. Light traffic (a lone event, a
 * ping-pong) goes out on the next tick, so batching never delays it by a frame. When the browser
 * cannot keep up, byte events beyond the per-flush budget are folded (counted, not sent); state
 * events are never folded, and counters are exact because every event is counted before folding.
 * While the WebSocket holds more than the high-water mark, batches wait (the session's output
 * budget pauses what produces them); what waits here counts in that budget (`queuedBytes`).
 */
export class Outbox {
  private queue: SocketEvent[] = [];
  private previewBytes = 0;
  private queued = 0;
  private folded = 0;
  private readonly counters = new Map<string, Counters>();
  private readonly dirty = new Set<string>();
  /** Closed sockets whose counters are dropped once their final values went out. */
  private readonly retired = new Set<string>();
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private eagerTick = false;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private frameStart = Number.NEGATIVE_INFINITY;
  private eagerInFrame = 0;
  private eagerCredit = 0;
  private holding = false;
  private closed = false;
  private readonly fullPreviews: TokenBucket;

  constructor(
    private readonly sink: OutboxSink,
    private readonly config: OutboxConfig,
    private readonly previewCap: number,
  ) {
    this.fullPreviews = new TokenBucket(config.fullPreviewBytesPerSecond, config.fullPreviewBurstBytes);
  }

  push(event: EngineEvent): void {
    if (this.closed) return;
    if (!isDataEvent(event)) {
      if (event.type === 'closed') this.retired.add(event.socketId);
      this.queue.push(toWireEvent(event, this.previewCap));
      this.queued += EVENT_OVERHEAD_BYTES;
    } else {
      const counters = this.count(event);
      if (this.overBudget()) {
        this.folded++;
      } else {
        const cap = this.previewSize(byteSize(event));
        const preview = Math.min(event.data.byteLength, cap);
        this.previewBytes += preview;
        this.queued += EVENT_OVERHEAD_BYTES + Math.ceil(preview / 3) * 4;
        this.queue.push(toWireEvent(event, cap, streamOffset(counters, event)));
      }
    }
    this.schedule();
  }

  /** About how many bytes the queued events will take on the wire (their previews in base64). */
  get queuedBytes(): number {
    return this.queued;
  }

  /**
   * Sends what is queued now: before a reply (which must follow the events that led to it) and
   * before the session closes. What the command causes next may go out without waiting a frame.
   */
  flush(): void {
    this.eagerCredit = Math.min(MAX_EAGER_CREDIT, this.eagerCredit + EAGER_PER_REPLY);
    this.send();
  }

  /**
   * A reply goes after the events that led to it. The page's connection is held until the eager
   * flush that follows (or two check phases, if nothing follows), so the events before the reply,
   * the reply and what the command set off on loopback (the echo of a `send`, a loop turn later)
   * leave in one write: one wake-up of the page per round trip instead of three.
   */
  reply(reply: Reply): void {
    if (!this.closed) {
      if (!this.holding) this.sink.hold();
      this.holding = true;
      setImmediate(() => setImmediate(() => this.releaseUnlessFlushing()));
    }
    this.flush();
    this.sink.reply(reply);
  }

  /** An eager flush on its way releases the held write itself, with the events it carries. */
  private releaseUnlessFlushing(): void {
    if (this.timer && this.eagerTick) return;
    this.release();
  }

  private release(): void {
    if (!this.holding) return;
    this.holding = false;
    this.sink.release();
  }

  private send(): void {
    this.clearTimer();
    if (this.queue.length === 0 && this.folded === 0 && this.dirty.size === 0) return;
    const counters: Record<string, Counters> = {};
    for (const id of this.dirty) counters[id] = { ...(this.counters.get(id) as Counters) };
    const batch: EventBatch = { type: 'events', events: this.queue, folded: this.folded, counters };
    this.queue = [];
    this.previewBytes = 0;
    this.queued = 0;
    this.folded = 0;
    this.dirty.clear();
    for (const id of this.retired) this.counters.delete(id);
    this.retired.clear();
    this.lastFlush = performance.now();
    this.sink.send(batch);
  }

  close(): void {
    this.clearTimer();
    this.release();
    this.closed = true;
  }

  private previewSize(size: number): number {
    const full = Math.min(size, this.previewCap);
    if (full <= this.config.floodPreviewBytes || this.fullPreviews.tryTake(full)) return this.previewCap;
    return this.config.floodPreviewBytes;
  }

  private overBudget(): boolean {
    return (
      this.queue.length >= this.config.maxEventsPerFlush || this.previewBytes >= this.config.maxPreviewBytesPerFlush
    );
  }

  /** Counts a byte event into its socket's totals (exact, whether or not it is folded) and returns them. */
  private count(event: DataEvent): Counters {
    let c = this.counters.get(event.socketId);
    if (!c) {
      c = { bytesIn: 0, bytesOut: 0, reads: 0, writes: 0 };
      this.counters.set(event.socketId, c);
    }
    countBytes(c, event);
    this.dirty.add(event.socketId);
    return c;
  }

  private schedule(): void {
    if (this.timer) return;
    const now = performance.now();
    const wait = this.lastFlush + this.config.flushIntervalMs - now;
    if (wait <= 0) {
      this.timer = setImmediate(() => this.tick());
    } else if (this.takeEager(now)) {
      // Two check phases later, so the loop polls once more first: what this event set off on
      // loopback (the echo arriving at the session's own client) lands in the same message.
      this.eagerTick = true;
      this.timer = setImmediate(() => {
        this.timer = setImmediate(() => this.tick());
      });
    } else {
      this.timer = setTimeout(() => this.tick(), wait);
    }
  }

  private takeEager(now: number): boolean {
    if (now - this.frameStart >= this.config.flushIntervalMs) {
      this.frameStart = now;
      this.eagerInFrame = 0;
    }
    if (this.eagerCredit > 0) {
      this.eagerCredit--;
      return true;
    }
    if (this.eagerInFrame < EAGER_PER_FRAME) {
      this.eagerInFrame++;
      return true;
    }
    return false;
  }

  private tick(): void {
    this.flushOrWait();
    this.release();
  }

  private flushOrWait(): void {
    this.timer = undefined;
    const eager = this.eagerTick;
    this.eagerTick = false;
    const wait = this.lastFlush + this.config.flushIntervalMs - performance.now();
    if (eager && wait > 0 && this.queue.length > EAGER_MAX_EVENTS) {
      this.timer = setTimeout(() => this.tick(), wait);
      return;
    }
    if (this.sink.bufferedAmount() > this.config.highWaterBytes) {
      this.timer = setTimeout(() => this.tick(), this.config.flushIntervalMs);
      return;
    }
    this.send();
  }

  private clearTimer(): void {
    this.eagerTick = false;
    if (!this.timer) return;
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = undefined;
  }
}
