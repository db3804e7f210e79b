/** What every benchmark hands back, and how the runner prints it. */

export type Status = 'PASS' | 'MISS' | 'INFO' | 'SKIP' | 'ERROR';

export interface Row {
  name: string;
  baseline: string;
  subject: string;
  ratio: string;
  target: string;
  status: Status;
}

export interface Outcome {
  rows: Row[];
  /** Supporting numbers and explanations, printed under the table. */
  details: string[];
}

export interface BenchContext {
  quick: boolean;
  log(message: string): void;
  /** Rows and details pushed here as they are measured are kept even if the benchmark then runs out of time. */
  partial: Outcome;
}

export interface Benchmark {
  name: string;
  /** The whole benchmark is abandoned (ERROR) after this long, so the suite always ends. */
  budgetMs: number;
  run(ctx: BenchContext): Promise<Outcome>;
}

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

export const fmt = {
  gbps: (bytesPerMs: number) => `${(bytesPerMs / 1e6).toFixed(3)} GB/s`,
  us: (us: number) => `${us.toFixed(0)} µs`,
  ms: (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`,
  mb: (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`,
  kb: (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`,
  ratio: (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—'),
  count: (n: number) => n.toLocaleString('en-US'),
  size: (bytes: number) => (bytes >= MiB ? `${bytes / MiB} MiB` : bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} B`),
};

/** A ratio row: higher is better unless `lowerIsBetter`. */
export function ratioRow(
  name: string,
  baseline: string,
  subject: string,
  ratio: number,
  target: { min?: number; max?: number },
): Row {
  const pass =
    Number.isFinite(ratio) &&
    (target.min === undefined || ratio >= target.min) &&
    (target.max === undefined || ratio <= target.max);
  const targetText = target.min !== undefined ? `≥ ${target.min}×` : `≤ ${target.max}×`;
  return { name, baseline, subject, ratio: fmt.ratio(ratio), target: targetText, status: pass ? 'PASS' : 'MISS' };
}

/** A row judged on an absolute figure (a count, a latency bound) rather than a ratio. */
export function checkRow(name: string, baseline: string, subject: string, target: string, pass: boolean): Row {
  return { name, baseline, subject, ratio: '—', target, status: pass ? 'PASS' : 'MISS' };
}

export function infoRow(name: string, baseline: string, subject: string, ratio = '—'): Row {
  return { name, baseline, subject, ratio, target: '—', status: 'INFO' };
}

/** A row that could not be measured, and why (it stalled, a helper died). */
export function errorRow(name: string, why: string): Row {
  return { name, baseline: '—', subject: `error: ${why}`, ratio: '—', target: '—', status: 'ERROR' };
}

export function skipRow(name: string, why: string): Row {
  return { name, baseline: '—', subject: why, ratio: '—', target: '—', status: 'SKIP' };
}

const HEAD: Row = {
  name: 'benchmark',
  baseline: 'baseline',
  subject: 'subject',
  ratio: 'ratio',
  target: 'target',
  status: 'result' as Status,
};
const COLUMNS = ['name', 'baseline', 'subject', 'ratio', 'target', 'status'] as const;

export function textTable(rows: readonly Row[]): string {
  const all = [HEAD, ...rows];
  const widths = COLUMNS.map((c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) => COLUMNS.map((c, i) => r[c].padEnd(widths[i] as number)).join('  ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const line = (r: Row) => `| ${COLUMNS.map((c) => esc(r[c])).join(' | ')} |`;
  return [line(HEAD), `|${COLUMNS.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
