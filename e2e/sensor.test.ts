import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../apps/server/src/index.ts';
import { hasChromium, launchChromium, watchPageErrors } from './support/browser.ts';
import { startE2ePlayground } from './support/playground.ts';

async function points(page: Page, transport: 'tcp' | 'udp'): Promise<number> {
  return Number(await page.getByTestId('sensor-chart').getAttribute(`data-points-${transport}`));
}

describe.skipIf(!hasChromium)('the sensor stream (seed 003) in the browser', () => {
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
    await page.getByTestId('page-netlab').click();
    await page.getByTestId('netlab-tab-sensor').click();
    await page.getByTestId('sensor-view').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('explains a struct format it cannot use, and will not start with it', async () => {
    const format = page.getByLabel('struct format');
    await format.fill('!IIdffZ');
    expect(await page.getByTestId('sensor-record-problem').textContent()).toMatch(
      /"Z" at position 7 is not a struct format code/,
    );
    expect(await page.getByTestId('sensor-start').isDisabled()).toBe(true);
    await format.fill('!IIdffB');
    expect(await page.getByTestId('sensor-start').isDisabled()).toBe(false);
  });

  it('decodes the records of both transports and plots them live, with UDP’s gaps under loss', async () => {
    const view = page.getByTestId('sensor-view');
    await view.getByLabel('Loss').fill('20');
    await view.getByLabel('Records per second').fill('100');
    await view.getByLabel('For (seconds)').fill('4');
    await page.getByTestId('sensor-start').click();
    await page.locator('[data-testid="sensor-view"][data-status="running"]').waitFor();
    await page.waitForFunction(
      () => {
        const chart = document.querySelector('[data-testid="sensor-chart"]');
        return (
          Number(chart?.getAttribute('data-points-tcp')) > 50 && Number(chart?.getAttribute('data-points-udp')) > 50
        );
      },
      undefined,
      { timeout: 15_000 },
    );
    expect(await points(page, 'tcp')).toBeGreaterThan(50);
    expect(await points(page, 'udp')).toBeGreaterThan(50);
    expect(await page.locator('[data-testid="sensor-chart"] canvas').count()).toBe(1);
    await page.locator('[data-testid="sensor-view"][data-status="finished"]').waitFor({ timeout: 15_000 });
    const tcp = page.getByTestId('sensor-stats-tcp');
    const udp = page.getByTestId('sensor-stats-udp');
    expect(Number(await tcp.getAttribute('data-received'))).toBe(400);
    expect(await tcp.getAttribute('data-missing')).toBe('0');
    expect(Number(await udp.getAttribute('data-missing'))).toBeGreaterThan(0);
    expect(Number(await udp.getAttribute('data-received'))).toBeLessThan(400);
    expect(await page.getByTestId('python-panel').textContent()).toContain("FORMAT = '!IIdffB'");
    await page.screenshot({ path: 'e2e/screenshots/sensor.png' });
    expect(errors).toEqual([]);
  });
});
