import type { SensorRecord } from '@playground/protocol';

/** The chart keeps the last minute. */
export const WINDOW_S = 60;
/** Points closer than this are one point on screen: the newest one stays (1000 records/s are ~3000 points a minute). */
export const RESOLUTION_S = 0.02;

/**
 * One transport's line: x in seconds on the session clock, y the plotted field; a null where
 * sequence numbers are missing, so the line breaks at every gap. Bounded: older than a minute goes.
 */
export class Series {
  xs: number[] = [];
  ys: (number | null)[] = [];
  /** Records plotted since the start (decimated or not). */
  points = 0;
  #lastSeq: number | null = null;

  add(records: readonly SensorRecord[], eventT: number, field: number): void {
    for (const r of records) {
      const x = (eventT - r.dt) / 1000;
      const raw = r.values[field];
      const y = typeof raw === 'number' ? raw : typeof raw === 'boolean' ? Number(raw) : Number.parseFloat(String(raw));
      const gap = r.seq !== null && this.#lastSeq !== null && r.seq > this.#lastSeq + 1;
      if (r.seq !== null && (this.#lastSeq === null || r.seq > this.#lastSeq)) this.#lastSeq = r.seq;
      this.points++;
      const last = this.xs.length - 1;
      if (gap) {
        this.xs.push(x - RESOLUTION_S / 2);
        this.ys.push(null);
      } else if (last >= 0 && x - (this.xs[last] as number) < RESOLUTION_S && this.ys[last] !== null) {
        this.ys[last] = Number.isFinite(y) ? y : null;
        continue;
      }
      // Arrivals can be late (UDP reordering): x must grow for the chart, so a late one joins the newest.
      const at = Math.max(x, this.xs[this.xs.length - 1] ?? x);
      this.xs.push(at);
      this.ys.push(Number.isFinite(y) ? y : null);
    }
    this.#prune();
  }

  /** Non-null points on the chart now. */
  get plotted(): number {
    let n = 0;
    for (const y of this.ys) if (y !== null) n++;
    return n;
  }

  get lastX(): number | undefined {
    return this.xs[this.xs.length - 1];
  }

  #prune(): void {
    const end = this.lastX;
    if (end === undefined) return;
    let drop = 0;
    while (drop < this.xs.length && (this.xs[drop] as number) < end - WINDOW_S) drop++;
    if (drop > 0) {
      this.xs.splice(0, drop);
      this.ys.splice(0, drop);
    }
  }
}
