import type { SensorStats } from '@playground/protocol';

/** Ack status codes, as the `B` of the `!IB` acknowledgement. */
export const ACK_OK = 0;
export const ACK_GAP = 1;
export const ACK_LATE = 2;
export const ACK_DUPLICATE = 3;

/** Missing sequence numbers remembered, so a late arrival can be told from a duplicate. */
const MAX_REMEMBERED_MISSING = 10_000;

/**
 * Sequence numbers of one sender: which are missing, which came late, which twice. A number above
 * the next expected one leaves a gap (missing); one below it is late if it was missing (it fills
 * the gap) and a duplicate otherwise.
 */
export class SeqTracker {
  readonly stats: SensorStats = { received: 0, missing: 0, outOfOrder: 0, duplicates: 0, bad: 0, acks: 0 };
  #next: number | null = null;
  readonly #missing = new Set<number>();

  observe(seq: number | null): number {
    this.stats.received++;
    if (seq === null) return ACK_OK;
    const next = this.#next;
    if (next === null || seq === next) {
      this.#next = seq + 1;
      return ACK_OK;
    }
    if (seq > next) {
      const gap = seq - next;
      this.stats.missing += gap;
      for (let s = Math.max(next, seq - MAX_REMEMBERED_MISSING); s < seq; s++) this.#remember(s);
      this.#next = seq + 1;
      return ACK_GAP;
    }
    if (this.#missing.delete(seq)) {
      this.stats.missing--;
      this.stats.outOfOrder++;
      return ACK_LATE;
    }
    this.stats.duplicates++;
    return ACK_DUPLICATE;
  }

  #remember(seq: number): void {
    this.#missing.add(seq);
    if (this.#missing.size > MAX_REMEMBERED_MISSING) {
      this.#missing.delete(this.#missing.values().next().value as number);
    }
  }
}
