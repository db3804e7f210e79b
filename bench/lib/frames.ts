import { launchChromium } from '@playground/testkit/browser';
import type { Browser, Page } from 'playwright-core';
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

/**
 * The floor for a frame on this machine: the least a virtualized list can do (a plain scroller,
 * ~40 absolutely placed text rows rewritten on scroll, 100,000 rows tall), in the same browser.
 */
const MINIMAL_LIST = `<!doctype html><html><body style="margin:0">
<section data-testid="event-log"><div id="s" style="height:700px;overflow-y:auto;position:relative">
<div id="b" style="height:3200000px;position:relative"></div></div></section>
<script>
const s = document.getElementById('s'), b = document.getElementById('b');
const rows = [];
for (let i = 0; i < 40; i++) { const r = document.createElement('div'); r.style.cssText = 'position:absolute;left:0;right:0;height:32px;font:15px sans-serif;white-space:nowrap'; b.appendChild(r); rows.push(r); }
const draw = () => { const first = Math.floor(s.scrollTop / 32); rows.forEach((r, i) => { const n = first + i; r.style.transform = 'translateY(' + n * 32 + 'px)'; r.textContent = n + '  12.345 s  s3 (connection)  received 16 bytes  b"0123456789abcdef"'; }); };
s.addEventListener('scroll', draw); draw();
</script></body></html>`;

/** The floor's frames, scrolled as the page's lists are, in a page of its own. */
export async function floorFrames(browser: Browser, frames: number): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.setContent(MINIMAL_LIST);
    return await scrollFrames(page, frames);
  } finally {
    await page.close();
  }
}

export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1e6;
}
