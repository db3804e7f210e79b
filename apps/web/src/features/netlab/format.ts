/** 81.5 %, 100 % — one decimal only where it says something. */
export function formatPct(x: number): string {
  const r = Math.round(x * 10) / 10;
  return `${Number.isInteger(r) ? r : r.toFixed(1)} %`;
}

/** 0.4 ms, 12 ms, 1,250 ms */
export function formatMs(x: number | null): string {
  if (x === null) return '—';
  return x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x).toLocaleString('en')} ms`;
}
