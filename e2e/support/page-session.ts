import type { Playground } from '@playground/server';
import { launchChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startE2ePlayground } from './playground.ts';

export interface PageSession {
  playground: Playground;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page; a test ends by asserting there were none. */
  errors: string[];
}

/**
 * One real bridge and one Chromium for a describe block, and for each test a page of its own in a
 * fresh browser context (no storage, no session carried over), connected before the test starts:
 * a test sets up what it needs and passes alone, in any order (`-t`, `--sequence.shuffle`).
 */
export function usePlaygroundPage(viewport = { width: 1440, height: 900 }): PageSession {
  const session = {} as PageSession;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    session.playground = await startE2ePlayground();
    session.browser = await launchChromium();
  });
  beforeEach(async () => {
    context = await session.browser.newContext({ viewport });
    session.page = await context.newPage();
    session.errors = watchPageErrors(session.page);
    await session.page.goto(session.playground.url);
    await session.page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
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
