import type { Clock, Timer } from '../src/time/clock.ts';

interface Pending {
  at: number;
  every: number | undefined;
  fn: () => void;
}

/**
 * A clock that stands still until the test moves it: the timing rule it drives (a throttle window, a
 * flush deadline, a heartbeat) then sees exactly the time the test says, however busy the machine
 * is, while sockets and everything else run in real time.
 */
export class ManualClock implements Clock {
  private time: number;
  private readonly pending = new Map<Timer, Pending>();

  constructor(start = 1000) {
    this.time = start;
  }

  now = (): number => this.time;

  setTimeout = (fn: () => void, ms: number): Timer => this.add(fn, Math.max(1, ms), undefined);

  setInterval = (fn: () => void, ms: number): Timer => this.add(fn, ms, Math.max(1, ms));

  clearTimeout = (timer: Timer | undefined): void => {
    if (timer) this.pending.delete(timer);
  };

  /** Timers not yet fired (intervals count until cleared). */
  get timers(): number {
    return this.pending.size;
  }

  /** Moves time on by `ms` (timers are at least 1 ms apart, as Node's, so this ends), firing every timer that falls due on the way, in time order, each at its own time. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: [Timer, Pending] | undefined;
      for (const entry of this.pending) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      const [timer, due] = next;
      this.time = Math.max(this.time, due.at);
      if (due.every === undefined) this.pending.delete(timer);
      else due.at += due.every;
      due.fn();
    }
    this.time = end;
  }

  private add(fn: () => void, ms: number, every: number | undefined): Timer {
    const timer: Timer = { unref: () => timer };
    this.pending.set(timer, { at: this.time + ms, every, fn });
    return timer;
  }
}
