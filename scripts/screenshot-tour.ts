/**
 * `pnpm screenshots`: drives the README's tour in Chromium and saves docs/images/tour.png, so the
 * picture in the README is always the real page. Needs the built web app and Debian's Chromium.
 */
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '../e2e/support/browser.ts';
import { startE2ePlayground } from '../e2e/support/playground.ts';
import { openClient, startServer, waitForState } from '../e2e/support/ui.ts';

if (!hasChromium) process.exit(1);
const out = fileURLToPath(new URL('../docs/images/tour.png', import.meta.url));
const playground = await startE2ePlayground();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(playground.url);
  await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
  const port = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
  const client = await openClient(page, { protocol: 'tcp', port });
  await waitForState(page, client, 'established');
  const card = page.locator(`[data-testid="socket-card"][data-socket-id="${client}"]`);
  await card.getByRole('button', { name: 'Send', exact: true }).click();
  const conn = page.locator('[data-testid="socket-card"][data-kind="tcp-conn"]');
  await conn.locator('[data-testid="reads"]', { hasText: '4' }).waitFor();
  await conn.click({ position: { x: 24, y: 24 } });
  await page.locator('[data-testid="hex-byte"]').first().waitFor();
  await page.screenshot({ path: out });
  console.log(`Saved ${out}`);
} finally {
  await browser.close();
  await playground.close();
}
