import type { Playground } from '@playground/server';
import { hasChromium, launchChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connected, joinAsStudent, openTeacher, startClassroom } from './support/classroom.ts';

const serverForm = (page: Page) => page.locator('[data-testid="server-form"]');
const serverCards = (page: Page) => page.locator('[data-testid="socket-card"][data-kind="tcp-server"]');

/** Presses Start server as the student would, and returns the new card's id and the port it shows. */
async function startServer(page: Page): Promise<{ id: string; port: string; card: ReturnType<Page['locator']> }> {
  const before = await serverCards(page).count();
  await serverForm(page).getByRole('button', { name: 'Start server', exact: true }).click();
  const card = serverCards(page).nth(before);
  await card.waitFor();
  const text = (await card.locator('.socket-card__addresses').textContent()) ?? '';
  return { id: (await card.getAttribute('data-socket-id')) as string, port: /:(\d+)/.exec(text)?.[1] ?? '', card };
}

/**
 * A class on one laptop: the teacher and two students, each in their own browser. Each test gets a
 * bridge and browsers of its own (a closed page's servers outlive it for the resume grace), so it
 * passes alone and in any order; Chromium is shared.
 */
describe.skipIf(!hasChromium)('class mode: two students’ servers never collide, and a clash says whose', () => {
  let browser: Browser;
  let p: Playground;
  let teacher: { context: BrowserContext; page: Page };
  let ana: { context: BrowserContext; page: Page };
  let bob: { context: BrowserContext; page: Page };
  let errors: string[][];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  beforeEach(async () => {
    p = await startClassroom();
    teacher = await openTeacher(browser, p);
    ana = await joinAsStudent(browser, p, 'Ana');
    bob = await joinAsStudent(browser, p, 'Bob');
    errors = [teacher.page, ana.page, bob.page].map((page) => watchPageErrors(page));
    await Promise.all([connected(ana.page), connected(bob.page)]);
  });

  afterEach(async () => {
    await Promise.all([teacher, ana, bob].map(({ context }) => context.close()));
    await p.close();
    // Checked after every test, as the page errors of the whole class were before the tests split.
    expect(errors.flat()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('both press Start server as the form comes: port 0, so each gets a port the OS picked, shown on the card', async () => {
    for (const { page } of [ana, bob]) {
      expect(await serverForm(page).locator('[name="port"]').inputValue()).toBe('0');
      expect(await serverForm(page).locator('[data-testid="port-note"]').textContent()).toMatch(
        /the OS picks a free port/,
      );
    }
    const anas = await startServer(ana.page);
    const bobs = await startServer(bob.page);
    for (const server of [anas, bobs]) {
      await expect.poll(() => server.card.getAttribute('data-state')).toBe('listening');
      expect(Number(server.port)).toBeGreaterThan(0);
    }
    expect(anas.port).not.toBe(bobs.port);
    await bob.page.screenshot({ path: 'e2e/screenshots/class-ports-student.png' });
  });

  it('a port typed by hand that a classmate holds: EADDRINUSE says so, and the roster shows why the socket closed', async () => {
    const held = await startServer(ana.page);
    await expect.poll(() => held.card.getAttribute('data-state')).toBe('listening');
    const anasPort = (/:(\d+)/.exec(
      (await serverCards(ana.page).first().locator('.socket-card__addresses').textContent()) ?? '',
    ) ?? [])[1] as string;
    await serverForm(bob.page).locator('[name="port"]').fill(anasPort);
    const failed = await startServer(bob.page);
    await expect.poll(() => failed.card.getAttribute('data-state')).toBe('closed');
    const said = await failed.card.locator('.inline-error').first().textContent();
    expect(said).toContain(`Port ${anasPort} is already used by a classmate’s server`);
    expect(said).not.toMatch(/Stop the other server/);
    expect(await serverForm(bob.page).locator('.inline-error, [role="alert"]').first().textContent()).toMatch(
      /classmate/,
    );

    const bobOnRoster = teacher.page.locator('[data-testid="student"]', { hasText: 'Bob' });
    const row = bobOnRoster.locator(`[data-testid="student-socket"][data-socket-id="${failed.id}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 5000 }).toBe('closed');
    expect(await row.locator('[data-testid="student-socket-error"]').getAttribute('data-code')).toBe('EADDRINUSE');
    expect(await row.locator('[data-testid="student-socket-error"]').textContent()).toMatch(/classmate/);
    await teacher.page.screenshot({ path: 'e2e/screenshots/class-ports-roster.png' });
    expect(errors.flat()).toEqual([]);
  });
});
