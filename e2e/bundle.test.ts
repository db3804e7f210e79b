import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webRoot } from './support/playground.ts';

const assets = join(webRoot, 'assets');
const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));

/** The built page (`pnpm build`): no chunk big enough for Vite's warning, the big parts on demand. */
describe('the web bundle', () => {
  it('has no chunk over Vite’s 500 kB warning', () => {
    const big = scripts.filter((f) => statSync(join(assets, f)).size > 500 * 1024);
    expect(big).toEqual([]);
  });

  it('loads the network lab, the class page, replay, lessons and the join screen only when they open', () => {
    const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
    const loadedFirst = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(loadedFirst.length).toBeGreaterThan(0);
    for (const lazy of ['NetworkLab', 'ClassPage', 'ReplayApp', 'LessonPanel', 'builtin', 'JoinScreen']) {
      expect(
        scripts.some((f) => f.startsWith(`${lazy}-`)),
        `${lazy} has a chunk of its own`,
      ).toBe(true);
      expect(
        loadedFirst.some((f) => f.startsWith(`${lazy}-`)),
        `${lazy} is not loaded with the page`,
      ).toBe(false);
    }
    // uPlot (the lab's charts) is not among what the page loads first.
    const first = loadedFirst.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
    expect(first).not.toContain('uPlot');
  });
});
