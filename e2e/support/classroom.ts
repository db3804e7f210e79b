import { DEFAULT_ADMISSION, type Playground, startPlayground } from '@playground/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { webRoot } from './playground.ts';

/**
 * A classroom bridge for browser tests: LAN mode (join code, teacher token, roles, LAN policy), but
 * bound to 127.0.0.1 so the test never opens a port to the network. Every page comes from the same
 * address here, unlike in a real class, so the per-address session and join limits are raised.
 */
export function startClassroom(overrides: Parameters<typeof startPlayground>[0] = {}): Promise<Playground> {
  return startPlayground({
    mode: 'lan',
    host: '127.0.0.1',
    port: 0,
    webRoot,
    classroomIntervalMs: 200,
    admission: {
      ...DEFAULT_ADMISSION,
      maxSessionsPerAddress: 100,
      upgradesPerSecond: 100,
      upgradeBurst: 100,
      joinBurst: 100,
      maxJoinsPerAddress: 100,
    },
    ...overrides,
  });
}

export const PROJECTOR = { width: 1280, height: 720 };

/** The teacher opens the link the bridge printed: the token rides in the fragment. */
export async function openTeacher(browser: Browser, p: Playground): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PROJECTOR, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${p.url}#teacher=${p.token}`);
  await page.locator('[data-testid="class-page"]').waitFor();
  return { context, page };
}

/** A student on their own browser: the join screen, the code, a name. */
export async function joinAsStudent(
  browser: Browser,
  p: Playground,
  name: string,
  code = p.joinCode as string,
  locale = 'en-US',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  const page = await context.newPage();
  await page.goto(p.url);
  await fillJoin(page, code, name);
  return { context, page };
}

export async function fillJoin(page: Page, code: string, name: string): Promise<void> {
  const form = page.locator('[data-testid="join-form"]');
  await form.waitFor();
  await form.locator('[name="code"]').fill(code);
  await form.locator('[name="name"]').fill(name);
  await form.locator('button[type="submit"]').click();
}

export function connected(page: Page): Promise<void> {
  return page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
}
