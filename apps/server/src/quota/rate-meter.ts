import { byteSize, type EngineEvent } from '@playground/engine';
import { BridgeError } from '../errors/bridge-error.ts';
import { isDataEvent } from '../events/wire-event.ts';
import { type Clock, systemClock, type Timer } from '../time/clock.ts';
import { TokenBucket } from './token-bucket.ts';

export type RateLimit = 'bytesPerSecond' | 'eventsPerSecond';

export interface RateMeterOptions {
  bytesPerSecond: number;
  eventsPerSecond: number;
  /** true: stop reading from the session's sockets (the limit that ran out is named); false: read again. */
  onThrottle(throttled: boolean, limit: RateLimit): void;
  clock?: Clock;
}

/** Reading resumes once this share of a second's budget is back, so it does not flicker per event. */
const RESUME_SHARE = 0.05;

/**
 * Per-session rate quotas, one token bucket for bytes (read plus written, every socket) and one
 * for events, each holding one second's worth. Every engine event is counted. When a bucket runs
 * dry the session stops reading from its TCP sockets (as a real proxy throttles: TCP flow control
 * then slows the peer) until the bucket has refilled a little, and commands that send are refused
 * with a `quota` error naming the limit.
 */
export class RateMeter {
  private readonly bytes: TokenBucket;
  private readonly events: TokenBucket;
  private throttledBy: RateLimit | undefined;
  private timer: Timer | undefined;
  private readonly clock: Clock;
  /** Closing the session still emits events (every socket's `closed`); they must not arm a timer. */
  private closed = false;

  constructor(private readonly options: RateMeterOptions) {
    this.clock = options.clock ?? systemClock;
    const now = () => this.clock.now();
    this.bytes = new TokenBucket(options.bytesPerSecond, options.bytesPerSecond, now);
    this.events = new TokenBucket(options.eventsPerSecond, options.eventsPerSecond, now);
  }

  observe(event: EngineEvent): void {
    if (this.closed) return;
    this.events.take(1);
    if (isDataEvent(event)) this.bytes.take(byteSize(event));
    if (this.throttledBy !== undefined) return;
    const limit = this.exhausted(0);
    if (limit === undefined) return;
    this.throttledBy = limit;
    this.options.onThrottle(true, limit);
    this.scheduleResume();
  }

  /** Before a command sends `size` bytes: refuses it when the session's budget for this second is spent. */
  checkSend(size: number): void {
    if (this.bytes.available() < size) {
      const max = this.options.bytesPerSecond;
      throw new BridgeError('quota.bytesPerSecond', { limit: 'bytesPerSecond', max });
    }
    if (this.events.available() < 1) {
      const max = this.options.eventsPerSecond;
      throw new BridgeError('quota.eventsPerSecond', { limit: 'eventsPerSecond', max });
    }
  }

  close(): void {
    this.closed = true;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private exhausted(floorShare: number): RateLimit | undefined {
    if (this.bytes.available() <= this.bytes.capacity * floorShare) return 'bytesPerSecond';
    if (this.events.available() <= this.events.capacity * floorShare) return 'eventsPerSecond';
    return undefined;
  }

  private scheduleResume(): void {
    const wait = Math.max(
      this.bytes.msUntil(this.bytes.capacity * RESUME_SHARE),
      this.events.msUntil(this.events.capacity * RESUME_SHARE),
      1,
    );
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      const limit = this.throttledBy;
      if (limit === undefined) return;
      if (this.exhausted(RESUME_SHARE) !== undefined) {
        this.scheduleResume();
        return;
      }
      this.throttledBy = undefined;
      this.options.onThrottle(false, limit);
    }, wait);
  }
}
