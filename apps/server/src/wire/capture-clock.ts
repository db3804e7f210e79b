/**
 * Capture timestamps are the kernel's wall clock (microseconds since 1970); the session's clock is
 * monotonic (`performance.now()`). A pairing of the two, taken when a capture starts, maps one onto
 * the other; it is taken again when a capture starts and the last one is over `PAIR_LIFETIME_MS`
 * old, so a step of the wall clock (NTP) is forgotten within seconds.
 */
export interface ClockPair {
  wallUs: number;
  perfMs: number;
}

/**
 * How long the calibration spins, waiting for the wall clock's millisecond steps: long enough that
 * a busy machine's preemptions (a few ms each) leave some steps tightly bracketed. Past the first
 * span it goes on only while no step was caught within `USABLE_MS`: a looser pairing would put a
 * SYN after the `connected` it led to, and a page that shows that is not telling the truth.
 */
const SPIN_MS = 25;
const MAX_SPIN_MS = 100;
/** A step caught within this bracket is precise enough to stop looking for a tighter one. */
const GOOD_ENOUGH_MS = 0.01;
const USABLE_MS = 0.1;

/**
 * `Date.now()` steps once a millisecond; a step happens between the `performance.now()` read
 * before the last `Date.now()` that still showed the old value and the one after the first that
 * shows the new one. The tightest such bracket among a few steps (the process may be preempted in
 * one) pairs the two clocks to within microseconds — `performance.timeOrigin` alone drifts from
 * the wall clock as NTP slews it.
 */
export function calibrateClock(): ClockPair {
  const start = performance.now();
  let best: ClockPair | undefined;
  let bestWidth = Number.POSITIVE_INFINITY;
  let before = performance.now();
  let wall = Date.now();
  for (;;) {
    const lower = performance.now();
    const spun = lower - start;
    if (bestWidth <= GOOD_ENOUGH_MS || spun > MAX_SPIN_MS || (spun > SPIN_MS && bestWidth <= USABLE_MS)) break;
    const now = Date.now();
    const upper = performance.now();
    if (now !== wall) {
      const width = upper - before;
      if (width < bestWidth) {
        bestWidth = width;
        best = { wallUs: now * 1000, perfMs: (before + upper) / 2 };
      }
      wall = now;
    }
    before = lower;
  }
  if (best) return best;
  // No step seen: Date.now() is somewhere in its millisecond, read between these two.
  const lower = performance.now();
  const now = Date.now();
  return { wallUs: now * 1000 + 500, perfMs: (lower + performance.now()) / 2 };
}

/**
 * A pairing may spin the thread for up to `MAX_SPIN_MS` on a busy machine; one pairing serves
 * every capture start within this lifetime, so a page toggling the wire view cannot make the
 * bridge spin again and again. Both clocks slew together with NTP (CLOCK_MONOTONIC is adjusted
 * too); only a step of the wall clock moves them apart.
 */
const PAIR_LIFETIME_MS = 5000;
let recent: ClockPair | undefined;

/** A pairing at most `PAIR_LIFETIME_MS` old: this thread's last one, or a new one. */
export function recentClockPair(): ClockPair {
  if (!recent || performance.now() - recent.perfMs > PAIR_LIFETIME_MS) recent = calibrateClock();
  return recent;
}

/** The `performance.now()` reading at which the wall clock said `timeUs`. */
export function perfMsAt(pair: ClockPair, timeUs: number): number {
  return pair.perfMs + (timeUs - pair.wallUs) / 1000;
}
