/** Order statistics for small samples; every benchmark figure goes through these. */

export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..100): always a value that was actually measured. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))] as number;
}

/** The middle value, averaging the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
  };
}

/**
 * Interleaved rounds drift together (another test starts, the CPU heats up), so the ratio of each
 * round is steadier than the ratio of two medians taken over different moments.
 */
export function pairedRatio(baseline: readonly number[], subject: readonly number[]): number {
  const n = Math.min(baseline.length, subject.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) ratios.push((subject[i] as number) / (baseline[i] as number));
  return median(ratios);
}
