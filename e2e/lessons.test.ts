import { captureProblem } from '@playground/server';
import { hasChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connected } from './support/classroom.ts';
import { usePlaygroundBrowser } from './support/page-session.ts';

const problem = hasChromium ? await captureProblem() : undefined;
if (problem) console.warn(`Skipping the wire lesson in the browser: packet capture is not possible here (${problem}).`);
const LESSONS = [
  'echo',
  'recv-pieces',
  'netstat',
  'tcp-vs-udp',
  'framing',
  'many-clients',
  'struct',
  'sensor',
  ...(problem === undefined ? ['wire'] : []),
];

/** Does each step as a learner who follows the lesson would: set up, try, and (where asked) say so. */
async function walk(page: Page, id: string): Promise<string[]> {
  const outcome: string[] = [];
  // Those lessons ask the learner to open the OS view, or the Wire view, first.
  if (id === 'netstat') await page.locator('[data-testid="view-tab-kernel"]').click();
  if (id === 'wire') await page.locator('[data-testid="view-tab-wire"]').click();
  await page.locator('[data-testid="side-tab-lessons"]').click();
  await page.locator(`[data-testid="lesson-item"][data-lesson-id="${id}"]`).click();
  for (let step = 1; ; step++) {
    const setup = page.locator('[data-testid="lesson-setup"]');
    if (await setup.count()) {
      await setup.click();
      await page.waitForTimeout(300);
    }
    const tryIt = page.locator('[data-testid="lesson-try"]');
    if (await tryIt.count()) await tryIt.click();
    // Lesson 3's last step asks the learner to send from the quiet server's connection by hand.
    if (id === 'netstat' && step === 5) {
      const conn = page.locator('[data-testid="socket-card"][data-kind="tcp-conn"][data-state="fin-received"]').last();
      await conn.locator('[name="message"]').fill('hola');
      await conn.getByRole('button', { name: 'Send', exact: true }).click();
    }
    const manual = page.locator('[data-testid="lesson-manual"]');
    if (await manual.count()) await manual.click();
    const check = page.locator('[data-testid="lesson-check"]');
    const passed = await expect
      .poll(() => check.getAttribute('data-passed'), { timeout: 12_000 })
      .toBe('true')
      .then(() => true)
      .catch(() => false);
    const problem = (await page.locator('[data-testid="lesson-problem"]').allTextContents()).join(' ');
    outcome.push(passed ? `${id} ${step}: done` : `${id} ${step}: ${await check.textContent()} ${problem}`);
    const next = page.locator('[data-testid="lesson-next"]');
    if (!(await next.count())) return outcome;
    await next.click();
  }
}

describe.skipIf(!hasChromium)('the built-in lessons, followed in the browser', () => {
  const env = usePlaygroundBrowser();

  it.each(LESSONS)('every step of %s can be done, and its check notices', async (id) => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(env.playground.url);
    await connected(page);
    const outcome = await walk(page, id);
    expect(
      outcome.every((o) => o.endsWith(': done')),
      outcome.join('\n'),
    ).toBe(true);
    expect(outcome.length).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
