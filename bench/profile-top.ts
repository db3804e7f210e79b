/**
 * `tsx bench/profile-top.ts <file.cpuprofile> [n]`: the functions with the most self time, for reading
 * the profiles `BENCH_CPU_PROF=<dir> pnpm bench` writes for every helper process.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/profile-top.ts <file.cpuprofile> [n]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<string, number>();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
let totalUs = 0;
for (let i = 0; i < samples.length; i++) {
  const node = byNode.get(samples[i] as number);
  const dt = deltas[i] ?? 0;
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^.*\/(node_modules|work\/main)\//, '')}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'} ${where}`;
  selfUs.set(key, (selfUs.get(key) ?? 0) + dt);
  totalUs += dt;
}
const rows = [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
console.log(`total ${(totalUs / 1000).toFixed(0)} ms sampled`);
for (const [key, us] of rows) console.log(`${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${key}`);
