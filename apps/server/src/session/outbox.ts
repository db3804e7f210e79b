import { byteSize, type EngineEvent } from '@playground/engine';
import type { Counters, EventBatch, Reply, SocketEvent } from '@playground/protocol';
import type { OutboxConfig } from '../config/config.ts';
import { countBytes, type DataEvent, isDataEvent, streamOffset, toWireEvent } from '../events/wire-event.ts';
import { TokenBucket } from '../quota/token-bucket.ts';
import { type Clock, systemClock } from '../time/clock.ts';
import { FlushClock, type FlushReason } from './flush-clock.ts';

export interface OutboxSink {
  /** One message to the page: the events, and the replies that were waiting for them. */
  send(batch: EventBatch): void;
  /** Bytes the WebSocket has queued but not yet handed to the kernel. */
  bufferedAmount(): number;
}

/** What one queued event costs on the wire besides its preview: its JSON keys, numbers and ids. */
const EVENT_OVERHEAD_BYTES = 120;
/** About what a queued reply takes on the wire; a `tcp.spawn` reply also lists its sockets. */
const REPLY_BYTES = 256;
/** An early flush is for a few events; a burst that piled up by then waits for the frame after all. */
const EAGER_MAX_EVENTS = 32;

/**
 * Coalesces a session's events, and the replies to its page's commands, into about one message per
 * frame; `FlushClock` decides when each leaves. When the browser cannot keep up, byte events beyond
 * the per-flush budget are folded (counted, not sent); state events are never folded, and counters
 * are exact because every event is counted before folding. While the WebSocket holds more than the
 * high-water mark, batches wait (the session's output budget pauses what produces them); what waits
 * here counts in that budget (`queuedBytes`).
 */
export class Outbox {
  private queue: SocketEvent[] = [];
  private replies: Reply[] = [];
  private previewBytes = 0;
  private queued = 0;
  private folded = 0;
  private readonly counters = new Map<string, Counters>();
  private readonly dirty = new Set<string>();
  /** Closed sockets whose counters are dropped once their final values went out. */
  private readonly retired = new Set<string>();
  private readonly clock: FlushClock;
  private closed = false;
  private readonly fullPreviews: TokenBucket;

  constructor(
    private readonly sink: OutboxSink,
    private readonly config: OutboxConfig,
    private readonly previewCap: number,
    time: Clock = systemClock,
  ) {
    this.fullPreviews = new TokenBucket(config.fullPreviewBytesPerSecond, config.fullPreviewBurstBytes, () =>
      time.now(),
    );
    this.clock = new FlushClock(config.flushIntervalMs, config.replyLingerMs, (reason) => this.due(reason), time);
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
    this.clock.eventQueued(event.type === 'send' || event.type === 'datagram-out');
  }

  /** About how many bytes the queued events will take on the wire (their previews in base64). */
  get queuedBytes(): number {
    return this.queued;
  }

  /**
   * A reply goes after the events that led to it, in the same message, and waits there for what its
   * command sets off (see `FlushClock`), so a round trip costs the page one message.
   */
  reply(reply: Reply): void {
    if (this.closed) return;
    this.replies.push(reply);
    this.queued += REPLY_BYTES * (1 + (reply.ok ? (reply.result.sockets?.length ?? 0) : 0));
    this.clock.replyQueued();
  }

  /** Sends what is queued now: before a kernel snapshot (which must follow the events) and before the session closes. */
  flush(): void {
    this.send();
  }

  private due(reason: FlushReason): void {
    const wait = this.clock.frameWait();
    if (reason === 'gather' && wait > 0 && this.queue.length > EAGER_MAX_EVENTS && this.replies.length === 0) {
      this.clock.retryIn(wait);
    } else if (this.sink.bufferedAmount() > this.config.highWaterBytes) {
      this.clock.retryIn(this.config.flushIntervalMs);
    } else {
      this.send();
    }
  }

  private send(): void {
    this.clock.flushed();
    if (this.queue.length === 0 && this.folded === 0 && this.dirty.size === 0 && this.replies.length === 0) return;
    const counters: Record<string, Counters> = {};
    for (const id of this.dirty) counters[id] = { ...(this.counters.get(id) as Counters) };
    const batch: EventBatch = { type: 'events', events: this.queue, folded: this.folded, counters };
    if (this.replies.length > 0) batch.replies = this.replies;
    this.queue = [];
    this.replies = [];
    this.previewBytes = 0;
    this.queued = 0;
    this.folded = 0;
    this.dirty.clear();
    for (const id of this.retired) this.counters.delete(id);
    this.retired.clear();
    this.sink.send(batch);
  }

  close(): void {
    this.clock.close();
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
}
