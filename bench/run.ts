/**
 * `pnpm bench [-- --quick] [--only <name[,name]>] [--write]`: runs the benchmarks in order, prints
 * one table, and (for a full run) writes docs/benchmarks.md with the machine it ran on.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { bridgeEcho } from './bridge-echo.ts';
import { classPage } from './class-page.ts';
import { commandFlood } from './command-flood.ts';
import { engineEcho } from './engine-echo.ts';
import { latency } from './latency.ts';
import { parseArgs } from './lib/args.ts';
import { type Benchmark, errorRow, type Outcome, type Row, textTable } from './lib/report.ts';
import { deadline } from './lib/rounds.ts';
import { pageBench } from './page.ts';
import { proxies } from './proxies.ts';
import { scale } from './scale.ts';
import { slowBrowser } from './slow-browser.ts';
import { startup } from './startup.ts';
import { udp } from './udp.ts';
import { wireEcho } from './wire-echo.ts';
import { writeReport } from './write-report.ts';

const BENCHMARKS: Benchmark[] = [
  engineEcho,
  bridgeEcho,
  slowBrowser,
  latency,
  proxies,
  udp,
  scale,
  pageBench,
  classPage,
  wireEcho,
  commandFlood,
  startup,
];

const options = parseArgs(process.argv.slice(2));
const unknown = options.only.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; there are: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = options.only.length > 0 ? BENCHMARKS.filter((b) => options.only.includes(b.name)) : BENCHMARKS;

const machine = {
  cores: cpus().length,
  model: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGb: totalmem() / 1e9,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
console.log(
  `Socket Playground benchmarks${options.quick ? ' (quick)' : ''}: ${machine.cores} cores (${machine.model}), Node ${machine.node}`,
);

/** Other work on the machine skews even interleaved ratios (see bench/findings.md), so the report says how busy it was. */
const loadBefore = loadavg()[0] as number;
const started = performance.now();
const rows: Row[] = [];
const details: string[] = [];
for (const bench of selected) {
  const t0 = performance.now();
  console.log(`\n▶ ${bench.name}`);
  const partial: Outcome = { rows: [], details: [] };
  const ctx = { quick: options.quick, log: (m: string) => console.log(`  ${m}`), partial };
  let outcome: Outcome;
  try {
    outcome = await deadline(bench.run(ctx), options.quick ? bench.budgetMs / 2 : bench.budgetMs, bench.name);
  } catch (err) {
    // The rows measured before the failure still count; the failure is one more row.
    const message = err instanceof Error ? (err.message.split('\n')[0] as string) : String(err);
    outcome = { rows: [...partial.rows, errorRow(bench.name, message)], details: partial.details };
  }
  const seconds = (performance.now() - t0) / 1000;
  rows.push(...outcome.rows);
  details.push(...outcome.details.map((d) => `${bench.name}: ${d}`));
  for (const row of outcome.rows)
    if (row.status === 'MISS') console.log(`  MISS: ${row.name}: ${row.subject} vs target ${row.target}`);
  console.log(`  (${seconds.toFixed(1)} s)`);
}
const totalS = (performance.now() - started) / 1000;
const load = { before: loadBefore, after: loadavg()[0] as number };

console.log(`\n${textTable(rows)}\n`);
for (const d of details) console.log(`- ${d}`);
const misses = rows.filter((r) => r.status === 'MISS' || r.status === 'ERROR');
console.log(
  `\n${misses.length === 0 ? 'Every target met.' : `${misses.length} target(s) missed: ${misses.map((r) => r.name).join('; ')}`} Suite took ${totalS.toFixed(0)} s; load average ${load.before.toFixed(1)} before, ${load.after.toFixed(1)} after.`,
);

const full = !options.quick && options.only.length === 0;
if (full || options.write) {
  const path = await writeReport({ machine, rows, details, totalS, load, quick: options.quick, partial: !full });
  console.log(`Wrote ${path}.`);
} else {
  console.log('docs/benchmarks.md left as it is (quick or partial run; add --write to overwrite it).');
}
// Helpers end with the runner; a lingering handle must not keep the suite alive.
process.exit(0);
