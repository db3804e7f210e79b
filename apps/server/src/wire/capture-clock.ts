/**
 * Capture timestamps are the kernel's wall clock (microseconds since 1970); the session's clock is
 * monotonic (`performance.now()`). A pairing of the two, taken when a capture starts, maps one onto
 * the other; it is taken again at every start, so wall-clock adjustments (NTP) do not pile up.
 */
export interface ClockPair {
  wallUs: number;
  perfMs: number;
}

/** Longest the calibration spins waiting for the wall clock's next millisecond. */
const MAX_SPIN_MS = 3;

/**
 * `Date.now()` has millisecond steps; right after it steps, the wall clock is that whole
 * millisecond to within the microsecond this loop takes per turn, so the pairing is that precise
 * (`performance.timeOrigin` alone drifts from the wall clock as NTP slews it).
 */
export function calibrateClock(): ClockPair {
  const start = Date.now();
  const spinUntil = performance.now() + MAX_SPIN_MS;
  let wall = start;
  let perf = performance.now();
  while (wall === start && perf < spinUntil) {
    wall = Date.now();
    perf = performance.now();
  }
  return { wallUs: wall * 1000, perfMs: perf };
}

/** The `performance.now()` reading at which the wall clock said `timeUs`. */
export function perfMsAt(pair: ClockPair, timeUs: number): number {
  return pair.perfMs + (timeUs - pair.wallUs) / 1000;
}
