/**
 * Counts failures per key (a remote address) in a sliding window. Once a key has `max` failures in
 * the window it is locked out until the oldest one leaves the window: five wrong join codes a
 * minute make guessing a 6-character code hopeless.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.max) return 0;
    return Math.max(1, Math.ceil((recent[0] as number) + this.windowMs - this.now()));
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
    this.prune();
  }

  /** The key's failures still inside the window; keys with none are forgotten. */
  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** A scan from many addresses must not grow the map without end. */
  private prune(): void {
    if (this.failures.size < 1024) return;
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
