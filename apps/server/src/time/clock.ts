/** A timer set with a `Clock`; `unref` lets the process exit while it is pending. */
export interface Timer {
  unref(): unknown;
}

/**
 * The time a timing rule reads and the timers it sets. The bridge runs on `systemClock`; a test whose
 * subject is a timing rule (a throttle window, a flush deadline, a heartbeat) gives that rule a
 * manual clock and moves it on, while the sockets around it stay real.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale (`performance.now()` for the real clock). */
  now(): number;
  setTimeout(fn: () => void, ms: number): Timer;
  setInterval(fn: () => void, ms: number): Timer;
  /** Ends a timer set by either method; `undefined` is ignored. */
  clearTimeout(timer: Timer | undefined): void;
}

/** Reads the globals on every call, so vitest's fake timers also drive it. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
};

/** The bridge's timing rules, each on its own clock so a test can hold one still and leave the rest real. */
export interface Clocks {
  /** When a session's batch leaves for its page (`FlushClock`), and the full-preview rate. */
  outbox: Clock;
  /** The roster and class messages' throttle, and the spotlight's. */
  classroom: Clock;
  /** Upgrade and join rates per address, and the wrong-code window. */
  admission: Clock;
  /** The ping every `heartbeatMs` that finds browsers gone without a close frame. */
  heartbeat: Clock;
  /** A session's bytes- and events-per-second buckets and the throttle they set. */
  quota: Clock;
}

export const SYSTEM_CLOCKS: Clocks = {
  outbox: systemClock,
  classroom: systemClock,
  admission: systemClock,
  heartbeat: systemClock,
  quota: systemClock,
};
