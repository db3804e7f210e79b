import { type Clock, systemClock } from '../time/clock.ts';
import { TokenBucket } from './token-bucket.ts';

/**
 * A token bucket per remote address, for rates one address may not exceed (upgrades, joins). A
 * full bucket is the same as none, so idle addresses are forgotten and a scan from many addresses
 * cannot grow the map.
 */
export class AddressBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Takes one; when there is none, how many whole seconds until there is. */
  take(address: string): { ok: true } | { ok: false; retryAfterS: number } {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      this.prune();
      bucket = new TokenBucket(this.ratePerSecond, this.burst, () => this.clock.now());
      this.buckets.set(address, bucket);
    }
    if (bucket.tryTake(1)) return { ok: true };
    return { ok: false, retryAfterS: Math.max(1, Math.ceil(bucket.msUntil(1) / 1000)) };
  }

  private prune(): void {
    if (this.buckets.size < 1024) return;
    for (const [address, bucket] of this.buckets) if (bucket.full) this.buckets.delete(address);
  }
}
