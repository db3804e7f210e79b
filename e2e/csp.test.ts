import type { Playground } from '@playground/server';
import { hasChromium, launchChromium, watchPageErrors } from '@playground/testkit/browser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTeacher, startClassroom } from './support/classroom.ts';
import { startE2ePlayground } from './support/playground.ts';
import { openClient, startServer, waitForState } from './support/ui.ts';

/** Every `securitypolicyviolation` the page reports, and console lines about the policy, collected from the start. */
async function watchViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe.skipIf(!hasChromium)('the built page under its Content-Security-Policy', () => {
  let local: Playground;
  let classroom: Playground;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    [local, classroom] = await Promise.all([startE2ePlayground(), startClassroom()]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([local?.close(), classroom?.close()]);
  });

  it('loads, connects, echoes and shows every view, chart and the class page with no violation reported', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const violations = await watchViolations(context, page);
    const errors = watchPageErrors(page);
    const response = await page.goto(local.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();

    const port = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
    const client = await openClient(page, { protocol: 'tcp', port });
    await waitForState(page, client, 'established');
    await page.locator(`[data-testid="socket-card"][data-socket-id="${client}"] button[type="submit"]`).first().click();
    for (const view of ['kernel', 'flow', 'clients', 'code', 'log']) {
      await page.getByTestId(`view-tab-${view}`).click();
      await page.waitForTimeout(150);
    }
    await page.getByTestId('page-netlab').click();
    for (const tab of ['sensor', 'conditions', 'compare']) {
      await page.getByTestId(`netlab-tab-${tab}`).click();
      await page.waitForTimeout(150);
    }
    const view = page.getByTestId('compare-view');
    await view.getByLabel('Messages').fill('20');
    await view.getByLabel('Every (ms)').fill('5');
    await page.getByTestId('compare-start').click();
    await page.locator('[data-testid="compare-view"][data-status="done"]').waitFor({ timeout: 45_000 });
    expect(await page.locator('[data-testid="latency-chart"] canvas').count()).toBe(1);

    const teacher = await openTeacher(browser, classroom);
    const teacherViolations = await watchViolations(teacher.context, teacher.page);
    await teacher.page.reload();
    await teacher.page.locator('[data-testid="class-page"]').waitFor();
    await teacher.page.locator('[data-testid="join-code"]').waitFor();
    await teacher.page.waitForTimeout(300);

    expect(violations).toEqual([]);
    expect(teacherViolations).toEqual([]);
    expect(errors).toEqual([]);
    await teacher.context.close();
    await context.close();
  });
});
