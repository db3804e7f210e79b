import { hasChromium } from '@playground/testkit/browser';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePlaygroundPage } from './support/page-session.ts';

async function points(page: Page, transport: 'tcp' | 'udp'): Promise<number> {
  return Number(await page.getByTestId('sensor-chart').getAttribute(`data-points-${transport}`));
}

describe.skipIf(!hasChromium)('the sensor stream (seed 003) in the browser', () => {
  const session = usePlaygroundPage();

  beforeEach(async () => {
    const { page } = session;
    await page.getByTestId('page-netlab').click();
    await page.getByTestId('netlab-tab-sensor').click();
    await page.getByTestId('sensor-view').waitFor();
  });

  it('explains a struct format it cannot use, and will not start with it', async () => {
    const format = session.page.getByLabel('struct format');
    await format.fill('!IIdffZ');
    expect(await session.page.getByTestId('sensor-record-problem').textContent()).toMatch(
      /"Z" at position 7 is not a struct format code/,
    );
    expect(await session.page.getByTestId('sensor-start').isDisabled()).toBe(true);
    await format.fill('!IIdffB');
    expect(await session.page.getByTestId('sensor-start').isDisabled()).toBe(false);
  });

  it('decodes the records of both transports and plots them live, with UDP’s gaps under loss', async () => {
    const view = session.page.getByTestId('sensor-view');
    await view.getByLabel('Loss').fill('20');
    await view.getByLabel('Records per second').fill('100');
    await view.getByLabel('For (seconds)').fill('4');
    await session.page.getByTestId('sensor-start').click();
    await session.page.locator('[data-testid="sensor-view"][data-status="running"]').waitFor();
    await session.page.waitForFunction(
      () => {
        const chart = document.querySelector('[data-testid="sensor-chart"]');
        return (
          Number(chart?.getAttribute('data-points-tcp')) > 50 && Number(chart?.getAttribute('data-points-udp')) > 50
        );
      },
      undefined,
      { timeout: 15_000 },
    );
    expect(await points(session.page, 'tcp')).toBeGreaterThan(50);
    expect(await points(session.page, 'udp')).toBeGreaterThan(50);
    expect(await session.page.locator('[data-testid="sensor-chart"] canvas').count()).toBe(1);
    await session.page.locator('[data-testid="sensor-view"][data-status="finished"]').waitFor({ timeout: 15_000 });
    const tcp = session.page.getByTestId('sensor-stats-tcp');
    const udp = session.page.getByTestId('sensor-stats-udp');
    expect(Number(await tcp.getAttribute('data-received'))).toBe(400);
    expect(await tcp.getAttribute('data-missing')).toBe('0');
    expect(Number(await udp.getAttribute('data-missing'))).toBeGreaterThan(0);
    expect(Number(await udp.getAttribute('data-received'))).toBeLessThan(400);
    expect(await session.page.getByTestId('sensor-python').textContent()).toContain("FORMAT = '!IIdffB'");
    await session.page.screenshot({ path: 'e2e/screenshots/sensor.png' });
    expect(session.errors).toEqual([]);
  });
});
