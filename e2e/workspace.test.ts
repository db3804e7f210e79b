import { hasChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connected, openTeacher, startClassroom } from './support/classroom.ts';
import { usePlaygroundBrowser } from './support/page-session.ts';
import { runReadmeTour } from './support/readme-tour.ts';
import { chooseProtocol } from './support/ui.ts';

const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const card = el?.closest('[data-testid="socket-card"]') as HTMLElement | null;
    return { tag: el?.tagName ?? null, text: el?.textContent ?? '', card: card?.dataset.socketId ?? null };
  });

describe.skipIf(!hasChromium)('the workspace', () => {
  const env = usePlaygroundBrowser();

  it('presentation mode at 1024×768: 22 px type, the log and inspector get most of the room, remembered', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${env.playground.url}?present=1`);
    await connected(page);
    await runReadmeTour(page);
    expect(await page.locator('[data-testid="present-toggle"]').getAttribute('aria-pressed')).toBe('true');
    // Body text, the log's rows and the cards' text read from the back of the room.
    expect(await fontSize(page, 'body')).toBeGreaterThanOrEqual(22);
    expect(await fontSize(page, '[data-testid="event-row"]')).toBeGreaterThanOrEqual(22);
    expect(await fontSize(page, '.socket-card__explain')).toBeGreaterThanOrEqual(20);
    // The views and the inspector take two thirds of the width.
    const width = async (selector: string) => (await page.locator(selector).boundingBox())?.width ?? 0;
    expect(await width('[data-testid="inspector"]')).toBeGreaterThan(1024 * 0.62);
    expect(await width('[data-testid="views"]')).toBeGreaterThan(1024 * 0.62);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
    await page.screenshot({ path: 'e2e/screenshots/present-1024.png' });

    // Remembered by the browser: a reload without the parameter stays in presentation mode.
    await page.goto(env.playground.url);
    await connected(page);
    expect(await fontSize(page, 'body')).toBeGreaterThanOrEqual(22);
    // The header's toggle turns it off (and that is remembered too).
    await page.locator('[data-testid="present-toggle"]').click();
    expect(await fontSize(page, 'body')).toBe(16);
    await page.reload();
    await connected(page);
    expect(await page.locator('[data-testid="present-toggle"]').getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a new card scrolls into view, is highlighted, and takes focus on its main action', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(env.playground.url);
    await connected(page);
    // Some cards first, so the next one lands below the sockets pane's fold.
    await runReadmeTour(page);

    const form = page.locator('[data-testid="server-form"]');
    await chooseProtocol(page, 'server-form', 'tcp');
    await form.locator('[name="port"]').fill('0');
    await form.locator('button[type="submit"]').focus();
    const servers = page.locator('[data-testid="socket-card"][data-kind="tcp-server"]');
    const serversBefore = await servers.count();
    await page.keyboard.press('Enter');
    const server = servers.nth(serversBefore);
    await server.waitFor();
    await expect.poll(() => server.evaluate((el) => el.classList.contains('is-new'))).toBe(true);
    const serverId = await server.getAttribute('data-socket-id');
    // Focus is on its "Connect here", never on the page body.
    await expect
      .poll(() => focused(page))
      .toMatchObject({ tag: 'BUTTON', card: serverId, text: 'Connect a client here' });
    // It is in view inside the sockets pane, and so is the button that has focus.
    const inPane = (selector: string) =>
      page.evaluate((s) => {
        const el = document.querySelector(s) as HTMLElement;
        const pane = el.closest('.panel__body') as HTMLElement;
        const a = el.getBoundingClientRect();
        const b = pane.getBoundingClientRect();
        return a.bottom > b.top && a.top < b.bottom;
      }, selector);
    await expect.poll(() => inPane(`[data-socket-id="${serverId}"]`)).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getBoundingClientRect().top ?? -1))
      .toBeGreaterThan(0);

    // Enter on "Connect here" fills the client form and focuses Connect; Enter again connects.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Connect', card: null });
    const clients = page.locator('[data-testid="socket-card"][data-kind="tcp-client"]');
    const before = await clients.count();
    await page.keyboard.press('Enter');
    const client = clients.nth(before);
    await client.waitFor();
    const clientId = await client.getAttribute('data-socket-id');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Send', card: clientId });
    // Its highlight goes after a moment.
    await expect.poll(() => client.evaluate((el) => el.classList.contains('is-new')), { timeout: 5000 }).toBe(false);

    // Closing the socket removes its buttons: focus stays on the card, not on the page body.
    await client.getByRole('button', { name: 'Close', exact: true }).focus();
    await page.keyboard.press('Enter');
    await client.locator('xpath=self::*[@data-state="closed"]').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', card: clientId });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('skip link first, then panes resized from the keyboard and remembered per browser', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(env.playground.url);
    await connected(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the work area');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('work');

    // The inspector's share of the right-hand column (a banner after a reload may make the column shorter).
    const share = () =>
      page.evaluate(() => {
        const height = (id: string) =>
          document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().height ?? 0;
        return height('inspector') / (height('inspector') + height('views'));
      });
    const bar = page.getByRole('separator', { name: 'Resize the views and the byte inspector' });
    const before = await share();
    await bar.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    const after = await share();
    expect(after).toBeGreaterThan(before + 0.1);
    await page.reload();
    await connected(page);
    expect(Math.abs((await share()) - after)).toBeLessThan(0.02);
    await context.close();
  });

  it('the teacher’s class page grows on a 1920×1080 projector', async () => {
    const classroom = await startClassroom();
    try {
      const sizes: number[] = [];
      for (const viewport of [
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        const { context, page } = await openTeacher(env.browser, classroom);
        await page.setViewportSize(viewport);
        await connected(page);
        sizes.push(await fontSize(page, '[data-testid="class-page"]'));
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(viewport.height);
        if (viewport.width === 1920) await page.screenshot({ path: 'e2e/screenshots/class-1920.png' });
        await context.close();
      }
      expect(sizes[0]).toBe(16);
      expect(sizes[1]).toBeGreaterThanOrEqual(22);
    } finally {
      await classroom.close();
    }
  });
});
