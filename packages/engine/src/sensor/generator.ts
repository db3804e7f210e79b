import { pack, type SensorRecordLayout } from '@playground/codec';
import { readingsFor } from './readings.ts';

/** The generator wakes at most this often; faster rates send several records per wake-up. */
export const MIN_TICK_MS = 4;
/** A sensor whose connection is backed up skips readings instead of piling them up. */
export const MAX_BACKLOG_BYTES = 64 * 1024;

export interface SensorPlan {
  layout: SensorRecordLayout;
  rateHz: number;
  /** Records to send: the count, or rate × duration, whichever is fewer. */
  total: number;
  sensorId: number;
}

export interface GeneratorHooks {
  /** One record; a rejection (the socket closed) stops the generator. */
  send(record: Uint8Array): Promise<number>;
  /** Bytes still waiting to leave: while above MAX_BACKLOG_BYTES no reading is taken. */
  backlog(): number;
  /** Every record went out. */
  finished(): void;
  now?: () => number;
  random?: () => number;
  wallClock?: () => number;
}

/**
 * The sensor's timer loop: record n is due n / rate seconds after the start (seq = n, from 0), like
 * a Python loop that packs, sends and sleeps — but without drift. Every timer is cleared by stop().
 */
export class SensorGenerator {
  readonly #plan: SensorPlan;
  readonly #hooks: GeneratorHooks;
  readonly #now: () => number;
  readonly #values: (seq: number) => ReturnType<ReturnType<typeof readingsFor>>;
  #start = 0;
  #sent = 0;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(plan: SensorPlan, hooks: GeneratorHooks) {
    this.#plan = plan;
    this.#hooks = hooks;
    this.#now = hooks.now ?? (() => performance.now());
    this.#values = readingsFor(plan.layout, {
      sensorId: plan.sensorId,
      random: hooks.random ?? Math.random,
      now: hooks.wallClock ?? Date.now,
    });
  }

  get sent(): number {
    return this.#sent;
  }

  start(): void {
    if (this.#stopped) return;
    this.#start = this.#now();
    this.#tick();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    this.#timer = undefined;
    if (this.#stopped) return;
    const { rateHz, total, layout } = this.#plan;
    const now = this.#now();
    let due = Math.min(total, Math.floor(((now - this.#start) * rateHz) / 1000) + 1);
    if (this.#hooks.backlog() > MAX_BACKLOG_BYTES) {
      // The peer is not reading: like a blocked sendall(), the loop waits, and then goes on at its pace.
      this.#start = now - (this.#sent * 1000) / rateHz;
      due = this.#sent;
    }
    while (this.#sent < due) {
      const record = pack(layout.format, this.#values(this.#sent));
      this.#sent++;
      this.#hooks.send(record).catch(() => this.stop());
      if (this.#stopped) return;
    }
    if (this.#sent >= total) {
      this.stop();
      this.#hooks.finished();
      return;
    }
    const next = this.#start + (this.#sent * 1000) / rateHz;
    this.#timer = setTimeout(() => this.#tick(), Math.max(MIN_TICK_MS, next - this.#now()));
  }
}
