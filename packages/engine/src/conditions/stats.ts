import type { ConditionsStats } from '@playground/protocol';

export function zeroStats(): ConditionsStats {
  return {
    in: 0,
    out: 0,
    bytesIn: 0,
    bytesOut: 0,
    dropped: 0,
    duplicated: 0,
    reordered: 0,
    delayed: 0,
    retransmitted: 0,
    overflow: 0,
    queued: 0,
    flows: 0,
  };
}

/** Stats go out at most this often while they change: a few rows a second in the log, not one per datagram. */
export const STATS_EVERY_MS = 200;

/**
 * The counters of one relay, and their throttled reporting: `touch()` after a change, and a
 * `conditions-stats` event follows within STATS_EVERY_MS. One timer at most, cleared by close().
 */
export class StatsReporter {
  readonly stats = zeroStats();
  #timer: NodeJS.Timeout | undefined;
  #dirty = false;
  #closed = false;

  constructor(private readonly emit: (stats: ConditionsStats) => void) {}

  touch(): void {
    this.#dirty = true;
    if (this.#timer !== undefined || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, STATS_EVERY_MS);
  }

  flush(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    this.emit({ ...this.stats });
  }

  /** The last counts go out now; nothing after. */
  close(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.flush();
    this.#closed = true;
  }
}
