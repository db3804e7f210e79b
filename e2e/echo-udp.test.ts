import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../apps/server/src/index.ts';
import { hasChromium, launchChromium, watchPageErrors } from './support/browser.ts';
import { startE2ePlayground } from './support/playground.ts';
import { openClient, startServer } from './support/ui.ts';

describe.skipIf(!hasChromium)('UDP echo in the browser', () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    playground = await startE2ePlayground();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    errors = watchPageErrors(page);
    await page.goto(playground.url);
    await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('echoes each datagram as one event with its source, and truncates like recvfrom(N)', async () => {
    const port = await startServer(page, { protocol: 'udp', port: '0', recvSize: '8' });
    const client = await openClient(page, { protocol: 'udp', port });
    const card = page.locator(`[data-testid="socket-card"][data-socket-id="${client}"]`);
    await card.locator('[name="message"]').fill('twenty bytes of text');
    await card.getByRole('button', { name: 'Send', exact: true }).click();

    const server = page.locator('[data-testid="socket-card"][data-kind="udp"]').first();
    const serverId = await server.getAttribute('data-socket-id');
    const inRow = page.locator(`[data-testid="event-row"][data-type="datagram-in"][data-socket-id="${serverId}"]`);
    await inRow.first().waitFor();
    expect(await inRow.count()).toBe(1);
    expect(await inRow.getAttribute('data-size')).toBe('8');
    const text = (await inRow.textContent()) ?? '';
    expect(text).toContain('127.0.0.1');
    expect(text).toMatch(/12/);

    const back = page.locator(`[data-testid="event-row"][data-type="datagram-in"][data-socket-id="${client}"]`);
    await back.first().waitFor();
    expect(await back.getAttribute('data-size')).toBe('8');
    await page.screenshot({ path: 'e2e/screenshots/udp-echo.png' });
    expect(errors).toEqual([]);
  });
});
