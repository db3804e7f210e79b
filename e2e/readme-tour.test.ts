import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../apps/server/src/index.ts';
import { hasChromium, launchChromium, watchPageErrors } from './support/browser.ts';
import { startE2ePlayground } from './support/playground.ts';
import { runReadmeTour, tcpPortFree } from './support/readme-tour.ts';

describe.skipIf(!hasChromium)('the README’s five-minute tour, followed literally on a fresh page', () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let seedPortFree: boolean;

  beforeAll(async () => {
    // Before the page opens: the README promises 65432 when it is free, and a free port said so when not.
    seedPortFree = await tcpPortFree();
    playground = await startE2ePlayground();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    errors = watchPageErrors(page);
    await page.goto(playground.url);
    await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('every step does what the README says, in its order, with the labels it names', async () => {
    const done: string[] = [];
    await runReadmeTour(page, {
      seedPortFree,
      afterStep: async (step) => {
        done.push(step.title);
        await page.screenshot({ path: `e2e/screenshots/readme-tour-${step.n}.png` });
      },
    });
    expect(done).toEqual(['Start a server', 'Open a client', 'Send', 'End', 'UDP', 'Writes are not reads', 'Framing']);
    expect(errors).toEqual([]);
  }, 120_000);
});
