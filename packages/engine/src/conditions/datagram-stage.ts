import type { ConditionsSettings, ConditionsStats } from '@playground/protocol';
import type { Random } from './prng.ts';
import { delayFor, transmitMs } from './settings.ts';
import { TimerQueue } from './timer-queue.ts';

/** The link's queue holds at most this much traffic (at its bandwidth); more is dropped, as by a router. */
export const MAX_LINK_QUEUE_MS = 1000;
/** A held-back datagram goes on after this long even if fewer later datagrams came by. */
export const MAX_HOLD_MS = 250;
/** Datagrams waiting in one direction, at most: the stage's memory is bounded whatever the settings. */
export const MAX_QUEUED_DATAGRAMS = 10_000;

export interface DatagramStageOptions {
  random: Random;
  settings: () => ConditionsSettings;
  stats: ConditionsStats;
  /** Counters changed. */
  touch: () => void;
  /** Hands one datagram onward; false when it could not go (the target is not allowed any more). */
  forward: (bytes: Uint8Array) => boolean;
  now?: () => number;
}

interface Held {
  bytes: Uint8Array;
  /** Later datagrams still to overtake it. */
  wait: number;
  overtaken: number;
  since: number;
}

/**
 * What the network does to the datagrams of one direction. Every datagram draws exactly five random
 * numbers (loss, duplicate, hold, and one delay per copy), whatever the settings: with the same seed
 * and the same arrivals, the same datagrams are dropped, duplicated and held, and — when only loss,
 * duplication and holding are on — they leave in the same order.
 */
export class DatagramStage {
  readonly #o: DatagramStageOptions;
  readonly #now: () => number;
  readonly #queue: TimerQueue<Uint8Array>;
  readonly #held: Held[] = [];
  #holdTimer: NodeJS.Timeout | undefined;
  /** When the bandwidth-limited link is free again. */
  #linkFree = 0;
  #closed = false;

  constructor(options: DatagramStageOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => performance.now());
    this.#queue = new TimerQueue((bytes) => this.#deliver(bytes, true), this.#now);
  }

  get queued(): number {
    return this.#queue.size + this.#held.length;
  }

  push(bytes: Uint8Array): void {
    if (this.#closed) return;
    const { random, stats } = this.#o;
    const s = this.#o.settings();
    const rLoss = random();
    const rDuplicate = random();
    const rHold = random();
    const rDelay1 = random();
    const rDelay2 = random();
    stats.in++;
    stats.bytesIn += bytes.length;
    this.#o.touch();
    if (rLoss * 100 < s.lossPct) {
      stats.dropped++;
      return;
    }
    const now = this.#now();
    // The bottleneck link: a datagram waits for the ones before it, then takes size / bandwidth to send.
    const start = Math.max(now, this.#linkFree);
    if (s.bandwidthKbps > 0 && start - now > MAX_LINK_QUEUE_MS) {
      stats.overflow++;
      return;
    }
    if (this.queued >= MAX_QUEUED_DATAGRAMS) {
      stats.overflow++;
      return;
    }
    const sent = start + transmitMs(bytes.length, s.bandwidthKbps);
    this.#linkFree = sent;
    const copies = rDuplicate * 100 < s.duplicatePct ? 2 : 1;
    if (copies === 2) stats.duplicated++;
    if (rHold * 100 < s.reorderPct) {
      this.#hold({ bytes, wait: s.reorderDistance, overtaken: 0, since: now }, copies);
      return;
    }
    const due = sent + delayFor(s, rDelay1);
    this.#schedule(bytes, due, now);
    if (copies === 2) this.#schedule(bytes, sent + delayFor(s, rDelay2), now);
    this.#overtake(due, now);
  }

  close(): void {
    if (this.#closed) return;
    this.#o.stats.queued -= this.queued;
    this.#closed = true;
    this.#queue.clear();
    this.#held.length = 0;
    clearTimeout(this.#holdTimer);
    this.#holdTimer = undefined;
  }

  #hold(held: Held, copies: number): void {
    this.#held.push(held);
    // The copy of a held datagram is held along with it.
    if (copies === 2) this.#held.push({ ...held });
    this.#o.stats.queued += copies;
    this.#armHold();
  }

  /** A datagram went by: the held ones it overtook wait for one less; those done go right after it. */
  #overtake(due: number, now: number): void {
    if (this.#held.length === 0) return;
    const still: Held[] = [];
    for (const h of this.#held) {
      h.wait--;
      h.overtaken++;
      if (h.wait > 0) still.push(h);
      else this.#release(h, due, now);
    }
    this.#held.splice(0, this.#held.length, ...still);
    this.#armHold();
  }

  #release(h: Held, after: number, now: number): void {
    if (h.overtaken > 0) this.#o.stats.reordered++;
    this.#o.stats.queued--;
    const s = this.#o.settings();
    this.#schedule(h.bytes, Math.max(after, now + delayFor(s, 0.5)), now, true);
  }

  #armHold(): void {
    clearTimeout(this.#holdTimer);
    this.#holdTimer = undefined;
    const first = this.#held[0];
    if (first === undefined || this.#closed) return;
    this.#holdTimer = setTimeout(
      () => {
        this.#holdTimer = undefined;
        const now = this.#now();
        const due = this.#held.filter((h) => now - h.since >= MAX_HOLD_MS - 1);
        for (const h of due) this.#held.splice(this.#held.indexOf(h), 1);
        for (const h of due) this.#release(h, now, now);
        this.#armHold();
      },
      Math.max(0, first.since + MAX_HOLD_MS - this.#now()),
    );
  }

  #schedule(bytes: Uint8Array, due: number, now: number, held = false): void {
    const stats = this.#o.stats;
    if (due > now || held) stats.delayed++;
    if (due <= now && !held && this.#queue.size === 0) {
      this.#deliver(bytes);
      return;
    }
    this.#queue.push(due, bytes);
    stats.queued++;
  }

  #deliver(bytes: Uint8Array, queued = false): void {
    if (this.#closed) return;
    const stats = this.#o.stats;
    if (queued) stats.queued--;
    if (this.#o.forward(bytes)) {
      stats.out++;
      stats.bytesOut += bytes.length;
    }
    this.#o.touch();
  }
}
