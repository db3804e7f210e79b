import { type Clock, systemClock, type Timer } from '../time/clock.ts';

/**
 * Flushes that may go out within a frame of the last one. Each reply grants a few, so what a
 * command caused (the echo of a `send`) is not held for the rest of the frame; a few more per frame
 * serve events nobody asked for (a peer's message). A flood earns none beyond those, so it still
 * goes out about once per frame instead of once per chunk, which is what a naive bridge does and
 * pays for in throughput.
 */
const EAGER_PER_REPLY = 2;
const EAGER_PER_FRAME = 4;
const MAX_EAGER_CREDIT = 8;

/** Node keeps a timer list per duration: whole milliseconds share one instead of making a list each. */
const wholeMs = (ms: number): number => Math.max(1, Math.ceil(ms));

/**
 * Why a flush is pending: `idle` (the first event after a quiet spell: next check phase), `gather`
 * (an early flush at the next check phase, or the one after when bytes went out, so that what they
 * set off on loopback a loop turn later joins them), `linger` (a reply waits for what its command
 * sets off, within `lingerMs`), `frame` (the rest of the frame, or a retry).
 */
export type FlushReason = 'idle' | 'gather' | 'linger' | 'frame';

/**
 * Decides when the outbox's next batch leaves. Light traffic goes out on the next tick, so batching
 * never delays a lone event by a frame; a reply lingers until the next event arrives (the echo of a
 * `send`, however long the peer takes, up to `lingerMs`) so that the events before it, the reply and
 * the echo reach the page in one message: on loopback every message wakes the page's process, and
 * that wake-up is most of what a message costs.
 */
export class FlushClock {
  private timer: Timer | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private reason: FlushReason | undefined;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private frameStart = Number.NEGATIVE_INFINITY;
  private eagerInFrame = 0;
  private eagerCredit = 0;
  /** When the oldest reply not yet sent must leave. */
  private lingerUntil: number | undefined;
  /**
   * Wakes a lingering reply at its deadline. Usually the echo comes first; the timer is then left
   * to fire (and re-armed for a later reply's deadline) rather than cleared, so a stream of round
   * trips costs a timer every `lingerMs`, not one per reply.
   */
  private lingerTimer: Timer | undefined;
  /** Bytes went out while gathering: their answer from a socket of this session comes a loop turn later. */
  private awaitAnswer = false;

  constructor(
    private readonly intervalMs: number,
    private readonly lingerMs: number,
    private readonly due: (reason: FlushReason) => void,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Milliseconds until a frame has passed since the last flush (≤ 0: it has). */
  frameWait(now = this.clock.now()): number {
    return this.lastFlush + this.intervalMs - now;
  }

  /** `outgoing`: the event is bytes this session wrote (`send`, `datagram-out`). */
  eventQueued(outgoing: boolean): void {
    if (this.reason === 'gather') this.awaitAnswer ||= outgoing;
    if (this.reason === 'linger') {
      this.arm('gather');
      this.awaitAnswer = outgoing;
      return;
    }
    if (this.reason !== undefined) return;
    const now = this.clock.now();
    const wait = this.frameWait(now);
    if (wait <= 0) this.arm('idle');
    else if (this.takeEager(now)) {
      this.arm('gather');
      this.awaitAnswer = outgoing;
    } else this.arm('frame', wait);
  }

  replyQueued(): void {
    const now = this.clock.now();
    this.lingerUntil ??= now + this.lingerMs;
    this.eagerCredit = Math.min(MAX_EAGER_CREDIT, this.eagerCredit + EAGER_PER_REPLY);
    if (this.reason === 'linger') return;
    // A flush due sooner for events queued before the reply waits with it for what follows.
    if (this.reason === 'frame' && this.frameWait(now) <= this.lingerUntil - now) return;
    this.cancel();
    this.reason = 'linger';
    this.lingerTimer ??= this.clock.setTimeout(() => this.lingerOver(), wholeMs(this.lingerUntil - now));
  }

  /** The batch left: the next one is timed afresh. */
  flushed(): void {
    this.cancel();
    this.lastFlush = this.clock.now();
    this.lingerUntil = undefined;
  }

  /** Not now after all (the page is behind, or a burst waits for its frame): again in `ms`. */
  retryIn(ms: number): void {
    this.arm('frame', ms);
  }

  /** Also ends the linger timer: the session is closing. */
  close(): void {
    this.cancel();
    this.clock.clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
  }

  cancel(): void {
    this.clock.clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    this.reason = undefined;
  }

  private arm(reason: Exclude<FlushReason, 'linger'>, ms = 0): void {
    this.cancel();
    this.reason = reason;
    if (reason === 'idle') this.immediate = setImmediate(() => this.fire(reason));
    else if (reason === 'gather') {
      // After bytes went out, one more check phase, so the loop polls once more first: what they set
      // off on loopback (the echo arriving at the session's own client) lands in the same message.
      // Bytes that only came in (an outside peer's echo) set off nothing here: no reason to wait.
      this.immediate = setImmediate(() => {
        if (this.awaitAnswer) this.immediate = setImmediate(() => this.fire(reason));
        else this.fire(reason);
      });
    } else this.timer = this.clock.setTimeout(() => this.fire(reason), ms);
  }

  private lingerOver(): void {
    this.lingerTimer = undefined;
    if (this.reason !== 'linger' || this.lingerUntil === undefined) return;
    const left = this.lingerUntil - this.clock.now();
    if (left > 0) this.lingerTimer = this.clock.setTimeout(() => this.lingerOver(), wholeMs(left));
    else this.fire('linger');
  }

  private fire(reason: FlushReason): void {
    this.timer = undefined;
    this.immediate = undefined;
    this.reason = undefined;
    this.due(reason);
  }

  private takeEager(now: number): boolean {
    if (now - this.frameStart >= this.intervalMs) {
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
}
