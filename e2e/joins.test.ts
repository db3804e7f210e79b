import type { Playground } from '@playground/server';
import { hasChromium, launchChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, joinAsStudent, openTeacher, startClassroom } from './support/classroom.ts';
import { startServer } from './support/ui.ts';

describe.skipIf(!hasChromium)('the teacher sees who joined and takes a join back', () => {
  let p: Playground;
  let browser: Browser;
  beforeAll(async () => {
    p = await startClassroom();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  it('lists each join with its computer; removing a student closes their sockets and shows them the join screen', async () => {
    const teacher = await openTeacher(browser, p);
    const ada = await joinAsStudent(browser, p, 'Ada');
    const errors = [watchPageErrors(teacher.page), watchPageErrors(ada.page)];
    await connected(ada.page);
    await startServer(ada.page, { protocol: 'tcp', port: '0', recvSize: '16' });

    const joins = teacher.page.getByTestId('joins-card');
    const adaJoin = joins.locator('[data-testid="join"]', { hasText: 'Ada' });
    await adaJoin.waitFor();
    await expect.poll(() => adaJoin.textContent()).toMatch(/in class/);
    expect(await joins.locator('[data-testid="join-group"]').getAttribute('data-address')).toBe('127.0.0.1');
    await joins.scrollIntoViewIfNeeded();
    await teacher.page.screenshot({ path: 'e2e/screenshots/class-joins.png' });

    await adaJoin.getByRole('button', { name: 'Remove Ada from the class' }).click();
    await ada.page.locator('[data-testid="join-form"]').waitFor({ timeout: 10_000 });
    expect(await ada.page.locator('.join__reason').textContent()).toMatch(/Your teacher removed you from the class/);
    await ada.page.screenshot({ path: 'e2e/screenshots/class-removed.png' });
    await expect.poll(() => joins.locator('[data-testid="join"]').count()).toBe(0);
    expect(await teacher.page.locator('[data-testid="student"][data-name="Ada"]').count()).toBe(0);

    // Joining again with the code works: a new place in the class.
    await ada.page.locator('[data-testid="join-form"] [name="code"]').fill(p.joinCode as string);
    await ada.page.locator('[data-testid="join-form"] button[type="submit"]').click();
    await connected(ada.page);
    await adaJoin.waitFor();
    expect(errors.flat()).toEqual([]);
    await ada.context.close();
    await teacher.context.close();
  });
});
