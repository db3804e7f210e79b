/**
 * `pnpm screenshots`: drives the README's tour in Chromium and saves the pictures the README shows,
 * so they are always the real page: a 1024×768 projector, presentation mode on the same screen, and
 * a phone. Needs the built web app and Debian's Chromium.
 */
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '@playground/testkit/browser';
import { startE2ePlayground } from '../e2e/support/playground.ts';
import { runReadmeTour } from '../e2e/support/readme-tour.ts';

if (!hasChromium) process.exit(1);

const SHOTS = [
  { file: 'tour.png', viewport: { width: 1024, height: 768 }, scale: 1, query: '?present=0' },
  { file: 'present.png', viewport: { width: 1024, height: 768 }, scale: 1, query: '?present=1' },
  { file: 'phone.png', viewport: { width: 390, height: 844 }, scale: 2, query: '?present=0' },
];

const playground = await startE2ePlayground();
const browser = await launchChromium();
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      deviceScaleFactor: shot.scale,
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(`${playground.url}${shot.query}`);
    await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
    const sockets = await runReadmeTour(page);
    // End on the TCP echo: the server's connection and its four recv(16) pieces in the inspector.
    const conn = page.locator(`[data-testid="socket-card"][data-socket-id="${sockets.conn}"]`);
    await conn.locator('.socket-card__title').click();
    await page.locator('[data-testid="inspector-view-hex"]').click();
    await page.locator('[data-testid="inspector"] [data-testid="hex-byte"]').first().waitFor();
    if (shot.file === 'phone.png') await page.locator('[data-testid="inspector"]').scrollIntoViewIfNeeded();
    // Let the new-card highlight fade, so the picture shows the page at rest.
    await page.waitForTimeout(2200);
    const out = fileURLToPath(new URL(`../docs/images/${shot.file}`, import.meta.url));
    await page.screenshot({ path: out });
    console.log(`Saved ${out}`);
    await context.close();
  }
} finally {
  await browser.close();
  await playground.close();
}
