import type { Playground } from '@playground/server';
import { hasChromium, launchChromium, watchPageErrors } from '@playground/testkit/browser';
import { en } from '@playground/web/i18n/en';
import { es } from '@playground/web/i18n/es';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connected, fillJoin, startClassroom } from './support/classroom.ts';
import { startE2ePlayground } from './support/playground.ts';
import { openClient, startServer, waitForState } from './support/ui.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

/**
 * Every English text of the UI that Spanish says differently, without placeholders (so it would
 * show verbatim) and long enough not to occur by chance inside other text.
 */
const english = flatten(en as unknown as Tree);
const spanish = flatten(es as unknown as Tree);
const ENGLISH_ONLY = [...english]
  .filter(([key, text]) => text !== spanish.get(key) && !text.includes('{{') && text.length >= 10)
  .map(([, text]) => text);

/** English UI text visible on the page, in text or in the labels a screen reader reads. */
async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate((needles) => {
    const visible = (el: Element | null): boolean => !!el && (el as HTMLElement).checkVisibility?.() !== false;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (visible(node.parentElement)) texts.push(node.textContent ?? '');
    }
    for (const el of Array.from(document.querySelectorAll('[title], [aria-label], [placeholder]'))) {
      if (!visible(el)) continue;
      for (const attr of ['title', 'aria-label', 'placeholder']) texts.push(el.getAttribute(attr) ?? '');
    }
    const all = texts.join('\n');
    return needles.filter((n) => all.includes(n));
  }, ENGLISH_ONLY);
}

describe.skipIf(!hasChromium)('the Spanish UI has no English left', () => {
  let local: Playground;
  let lan: Playground;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    local = await startE2ePlayground();
    lan = await startClassroom();
    browser = await launchChromium();
  });

  // Each test starts from a Spanish browser's first visit: a fresh context, nothing remembered.
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'es-ES' });
    page = await context.newPage();
    errors = watchPageErrors(page);
    await page.goto(local.url);
    await connected(page);
  });

  afterEach(async () => {
    await context?.close();
    // Every test's page, not only the last one's, ends without an uncaught error.
    expect(errors).toEqual([]);
  });

  /** Lesson "recv-pieces", set up and checked, on its second step. */
  async function secondStepOfRecvPieces(): Promise<void> {
    await page.locator('[data-testid="lesson-item"][data-lesson-id="recv-pieces"]').click();
    await page.locator('[data-testid="lesson-setup"]').click();
    await expect.poll(() => page.locator('[data-testid="lesson-check"]').getAttribute('data-passed')).toBe('true');
    await page.locator('[data-testid="lesson-next"]').click();
  }

  afterAll(async () => {
    await browser?.close();
    await local?.close();
    await lan?.close();
  });

  it('is chosen from the browser’s language, with <html lang="es">', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.locator('[data-testid="bridge-status"]').textContent()).toContain('Conectado');
    expect(ENGLISH_ONLY.length).toBeGreaterThan(400);
  });

  it('the playground: forms, cards, every view, the inspector, the session menu', async () => {
    expect(await untranslated(page)).toEqual([]);
    const port = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
    const client = await openClient(page, { protocol: 'tcp', port });
    await waitForState(page, client, 'established');
    const card = page.locator(`[data-testid="socket-card"][data-socket-id="${client}"]`);
    await card.locator('[name="message"]').fill('hola mundo, este mensaje ocupa 50 bytes exactos!!!');
    await card.getByRole('button', { name: 'Enviar', exact: true }).click();
    await expect.poll(() => card.locator('[data-testid="bytes-in"]').textContent()).toBe('50');
    await card.click();
    expect(await untranslated(page)).toEqual([]);
    for (const tab of await page.locator('[data-testid="views"] [role="tab"]').all()) {
      await tab.click();
      await page.waitForTimeout(300);
      expect(await untranslated(page), (await tab.textContent()) ?? '').toEqual([]);
    }
    for (const view of await page
      .locator('[data-testid="inspector"] [role="tab"], [data-testid="inspector"] [role="radio"]')
      .all()) {
      if (!(await view.isVisible())) continue;
      await view.click();
      expect(await untranslated(page)).toEqual([]);
    }
    await page.locator('[data-testid="session-menu"] summary').click();
    await page.locator('[data-testid="share-setup"]').click();
    expect(await untranslated(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: 'e2e/screenshots/es-playground.png' });
  });

  it('the lessons, in Spanish too', async () => {
    await page.locator('[data-testid="side-tab-lessons"]').click();
    expect(await untranslated(page)).toEqual([]);
    expect(await page.locator('[data-testid="lesson-item"]').first().textContent()).toContain(
      'Eco: servidor y cliente',
    );
    await secondStepOfRecvPieces();
    expect(await page.locator('[data-testid="lesson"]').textContent()).toContain('Un mensaje en cuatro trozos');
    expect(await untranslated(page)).toEqual([]);
    await page.screenshot({ path: 'e2e/screenshots/es-lesson.png' });
  });

  it('switches language from the header, and remembers it', async () => {
    await page.locator('[data-testid="side-tab-lessons"]').click();
    await secondStepOfRecvPieces();
    await page.locator('[data-testid="language-switch"]').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('[data-testid="bridge-status"]').textContent()).toContain('Connected');
    expect(await page.locator('[data-testid="lesson"]').textContent()).toContain('A message in four pieces');
    // The same walk finds plenty of English now: it would notice a string left untranslated.
    expect((await untranslated(page)).length).toBeGreaterThan(10);
    await page.reload();
    await connected(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('[data-testid="language-switch"]').selectOption('es');
    await expect.poll(() => page.locator('[data-testid="bridge-status"]').textContent()).toContain('Conectado');
    expect(errors).toEqual([]);
  });

  it('the join screen, its errors, the teacher’s class page and the spotlight', async () => {
    const teacherContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'es-ES' });
    const teacher = await teacherContext.newPage();
    await teacher.goto(`${lan.url}#teacher=${lan.token}`);
    await teacher.locator('[data-testid="class-page"]').waitFor();
    await teacher.locator('[data-testid="roster"]').waitFor();
    expect(await untranslated(teacher)).toEqual([]);

    const studentContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'es-ES' });
    const student = await studentContext.newPage();
    await student.goto(lan.url);
    await student.locator('[data-testid="join-form"]').waitFor();
    expect(await untranslated(student)).toEqual([]);
    await fillJoin(student, 'ZZZZZZ', 'Ana');
    await student.locator('[data-testid="join-error"]').waitFor();
    expect(await student.locator('[data-testid="join-error"]').textContent()).toContain('no es correcto');
    expect(await untranslated(student)).toEqual([]);
    await student.screenshot({ path: 'e2e/screenshots/es-join.png' });
    await fillJoin(student, lan.joinCode!, 'Ana');
    await connected(student);
    await startServer(student, { protocol: 'tcp', port: '0', recvSize: '16' });
    await student.locator('[data-testid="side-tab-class"]').click();
    expect(await untranslated(student)).toEqual([]);

    const card = teacher.locator('[data-testid="student"][data-name="Ana"]');
    await card.locator('[data-testid="student-socket"]').first().waitFor();
    expect(await untranslated(teacher)).toEqual([]);
    await teacher.screenshot({ path: 'e2e/screenshots/es-class.png' });
    await card.locator('[data-testid="spotlight"]').click();
    await teacher.locator('[data-testid="spotlight"]').waitFor();
    expect(await untranslated(teacher)).toEqual([]);
    await teacherContext.close();
    await studentContext.close();
  });
});
