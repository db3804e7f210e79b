/**
 * A token bucket: holds at most `capacity` tokens, refilled at `ratePerSecond`. `take` may drive it
 * below zero (a chunk already read must be counted), which simply makes the refill take longer.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  available(): number {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) * this.ratePerSecond) / 1000);
    this.last = t;
    return this.tokens;
  }

  take(n: number): void {
    this.tokens = this.available() - n;
  }

  tryTake(n: number): boolean {
    if (this.available() < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Milliseconds until at least `n` tokens are there again. */
  msUntil(n: number): number {
    const missing = n - this.available();
    return missing <= 0 ? 0 : Math.ceil((missing * 1000) / this.ratePerSecond);
  }

  get full(): boolean {
    return this.available() >= this.capacity;
  }
}
