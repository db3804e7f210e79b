/**
 * The tracer's clock is performance.now(). Python's time.monotonic(), Node's hrtime and the bridge's
 * clock all read the system's monotonic clock (CLOCK_MONOTONIC on Linux), so this difference maps
 * one onto the other exactly, on the same computer.
 */
export function monotonicOffset(): number {
  return performance.now() - Number(process.hrtime.bigint()) / 1e6;
}
