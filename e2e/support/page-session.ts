import type { Playground } from '@playground/server';
import { launchChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startE2ePlayground } from './playground.ts';

export interface PageSession {
  playground: Playground;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page; a test ends by asserting there were none. */
  errors: string[];
}

/** One real bridge and one page connected to it for a describe block, both closed after it. */
export function usePlaygroundPage(viewport = { width: 1440, height: 900 }): PageSession {
  const session = {} as PageSession;
  beforeAll(async () => {
    session.playground = await startE2ePlayground();
    session.browser = await launchChromium();
    session.page = await session.browser.newPage({ viewport });
    session.errors = watchPageErrors(session.page);
    await session.page.goto(session.playground.url);
    await session.page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.playground?.close();
  });
  return session;
}

/** One real bridge and one Chromium for a describe block; each test opens its own pages or contexts. */
export function usePlaygroundBrowser(): { playground: Playground; browser: Browser } {
  const shared = {} as { playground: Playground; browser: Browser };
  beforeAll(async () => {
    shared.playground = await startE2ePlayground();
    shared.browser = await launchChromium();
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.playground?.close();
  });
  return shared;
}
