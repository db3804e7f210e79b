import { formatFixed, formatNumber } from '../../../ui/numbers.ts';

/** 81.5 %, 100 % — one decimal only where it says something. */
export function formatPct(x: number): string {
  return `${formatNumber(x, { maximumFractionDigits: 1 })} %`;
}

/** 0.4 ms, 12 ms, 1,250 ms (in the page's language) */
export function formatMs(x: number | null): string {
  if (x === null) return '—';
  return x < 10 ? `${formatFixed(x, 1)} ms` : `${formatNumber(Math.round(x))} ms`;
}
