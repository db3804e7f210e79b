import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../e2e/support/browser.ts';
import { deadline } from './rounds.ts';

/**
 * Without a frame-rate limit Chromium produces the next frame as soon as the last one is done, so a
 * requestAnimationFrame delta is what a frame cost; at the usual 60 Hz every delta would be ≈16.7 ms
 * whatever the page did, and "p95 < 16 ms" could never hold.
 */
export function launchUnlimited(): Promise<Browser> {
  return launchChromium(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
}

/**
 * Scrolls a list a screenful per frame (every frame shows rows it never showed; at the end it starts
 * over from the top) and times each frame. Passed as source text: tsx would otherwise wrap the
 * page-side functions in a helper the page does not have.
 */
const SCROLL_FRAMES = `async (root, n) => {
  const list = document.querySelector(root);
  const candidates = [list, ...Array.from(list ? list.querySelectorAll('*') : [])];
  const scroller = candidates.find((el) => el && el.scrollHeight > el.clientHeight + 100);
  if (!scroller) throw new Error('no scrollable element in ' + root);
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  scroller.scrollTop = 0;
  await frame();
  await frame();
  const deltas = [];
  let last = await frame();
  for (let i = 0; i < n; i++) {
    const bottom = scroller.scrollHeight - scroller.clientHeight;
    scroller.scrollTop = scroller.scrollTop >= bottom - 1 ? 0 : scroller.scrollTop + scroller.clientHeight;
    const now = await frame();
    deltas.push(now - last);
    last = now;
  }
  return deltas;
}`;

export async function scrollFrames(page: Page, frames: number, root = '[data-testid="event-log"]'): Promise<number[]> {
  const run = page.evaluate(`(${SCROLL_FRAMES})(${JSON.stringify(root)}, ${frames})`) as Promise<number[]>;
  return deadline(run, 60_000, `scrolling ${root}`);
}

export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1e6;
}
