import { hasChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type AxeFinding, axeViolations } from './support/axe.ts';
import { connected, joinAsStudent, openTeacher, startClassroom } from './support/classroom.ts';
import { openView } from './support/lifecycle.ts';
import { usePlaygroundBrowser } from './support/page-session.ts';
import { runReadmeTour } from './support/readme-tour.ts';
import { startServer } from './support/ui.ts';

const describeFinding = (f: AxeFinding) => `${f.rule} at ${f.targets.join(' ')}: ${f.summary}`;

async function expectNoViolations(page: Page): Promise<void> {
  expect((await axeViolations(page)).map(describeFinding)).toEqual([]);
}

/**
 * axe-core on every page of the playground in a busy state, not only an empty one: after the
 * README tour with 20 spawned clients, the network lab after a run, a lesson in progress, and the
 * teacher's class page with students.
 */
describe.skipIf(!hasChromium)('accessibility of the busy pages (axe-core)', () => {
  const env = usePlaygroundBrowser();

  async function page(viewport = { width: 1366, height: 768 }): Promise<{ page: Page; errors: string[] }> {
    const p = await env.browser.newPage({ viewport, locale: 'en-US' });
    const errors = watchPageErrors(p);
    await p.goto(env.playground.url);
    await connected(p);
    return { page: p, errors };
  }

  it('the Sockets page after the tour, with 20 clients from "Many clients", in every view', async () => {
    const { page: p, errors } = await page();
    await runReadmeTour(p);
    const server = await startServer(p, { protocol: 'tcp', port: '0', recvSize: '16' });
    await openView(p, 'clients');
    const form = p.locator('[data-testid="spawn-panel"] form');
    await form.locator('[name="port"]').fill(server);
    await form.locator('[name="count"]').fill('20');
    await form.locator('[name="messages"]').fill('2');
    await form.getByRole('button', { name: 'Spawn clients' }).click();
    await expect.poll(() => p.locator('[data-testid="spawn-lane"]').count()).toBe(20);
    await expectNoViolations(p);
    for (const view of ['log', 'wire', 'kernel', 'flow', 'code'] as const) {
      await openView(p, view);
      await p.waitForTimeout(300);
      await expectNoViolations(p);
    }
    for (const inspector of ['ribbon', 'frames', 'struct'] as const) {
      await p.locator(`[data-testid="inspector-view-${inspector}"]`).click();
      await expectNoViolations(p);
    }
    expect(errors).toEqual([]);
    await p.close();
  });

  it('the Network lab after a TCP vs UDP run, and its other tabs', async () => {
    const { page: p, errors } = await page();
    await p.getByTestId('page-netlab').click();
    const view = p.getByTestId('compare-view');
    await view.waitFor();
    await view.getByLabel('Messages').fill('40');
    await view.getByLabel('Every (ms)').fill('5');
    await p.getByTestId('compare-start').click();
    await p.locator('[data-testid="compare-view"][data-status="done"]').waitFor({ timeout: 30_000 });
    await expectNoViolations(p);
    for (const tab of ['sensor', 'conditions'] as const) {
      await p.getByTestId(`netlab-tab-${tab}`).click();
      await p.waitForTimeout(300);
      await expectNoViolations(p);
    }
    expect(errors).toEqual([]);
    await p.close();
  });

  it('a lesson in progress', async () => {
    const { page: p, errors } = await page();
    await p.locator('[data-testid="side-tab-lessons"]').click();
    await expectNoViolations(p);
    await p.locator('[data-testid="lesson-item"][data-lesson-id="recv-pieces"]').click();
    await p.locator('[data-testid="lesson-setup"]').click();
    await expect.poll(() => p.locator('[data-testid="lesson-check"]').getAttribute('data-passed')).toBe('true');
    await expectNoViolations(p);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('the teacher’s class page with students and their sockets, and the spotlight', async () => {
    const classroom = await startClassroom();
    try {
      const teacher = await openTeacher(env.browser, classroom);
      await connected(teacher.page);
      const students = [];
      for (const name of ['Ada', 'Grace', 'Linus']) {
        const student = await joinAsStudent(env.browser, classroom, name);
        await connected(student.page);
        await startServer(student.page, { protocol: 'tcp', port: '0', recvSize: '16' });
        students.push(student);
      }
      await teacher.page.locator('[data-testid="start-shared-echo"]').click();
      await expect.poll(() => teacher.page.locator('[data-testid="student-socket"]').count()).toBe(3);
      await expectNoViolations(teacher.page);
      await teacher.page.locator('[data-testid="student"] [data-testid="spotlight"]').first().click();
      await teacher.page.locator('[data-testid="spotlight-title"]').waitFor();
      await expectNoViolations(teacher.page);
      // A student's own page in a class: the class tab with the shared server.
      const s = students[0]?.page as Page;
      await s.locator('[data-testid="side-tab-class"]').click();
      await s.locator('[data-testid="class-server"]').waitFor();
      await expectNoViolations(s);
      for (const c of [teacher, ...students]) await c.context.close();
    } finally {
      await classroom.close();
    }
  });
});
