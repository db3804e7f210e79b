import { type Playground, startPlayground } from '@playground/server';
import { joinToken, openSession } from '@playground/server/testing';
import { hasChromium, launchChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connected, fillJoin, openTeacher, PROJECTOR, startClassroom } from './support/classroom.ts';
import { webRoot } from './support/playground.ts';
import { openClient, startServer, waitForState } from './support/ui.ts';

/**
 * Two browser contexts, as on two computers: the teacher's (projected) and a student's. Each test
 * gets a bridge, a teacher page and students of its own, and sets up what it needs, so it passes
 * alone and in any order. A bridge per test, not one shared: a closed page's session and the echo
 * server its teacher published outlive it for the resume grace (30 s), and would crowd the next
 * test's roster and class tab. A bridge starts in milliseconds; Chromium is the slow part, shared.
 */
describe.skipIf(!hasChromium)('a class: the teacher’s page and a student’s', () => {
  let browser: Browser;
  let p: Playground;
  let teacher: { context: BrowserContext; page: Page };
  let contexts: BrowserContext[];
  let errors: string[][];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  beforeEach(async () => {
    p = await startClassroom();
    teacher = await openTeacher(browser, p);
    contexts = [teacher.context];
    errors = [watchPageErrors(teacher.page)];
  });

  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await p.close();
    // Checked after every test, as the page errors of the whole story were before the tests split.
    expect(errors.flat()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const studentCard = () => teacher.page.locator('[data-testid="student"][data-name="Ada"]');

  /** Ada's browser, on the join screen. */
  async function studentPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    errors.push(watchPageErrors(page));
    await page.goto(p.url);
    return { context, page };
  }

  /** Ada, joined with the right code and connected. */
  async function joinedStudent(): Promise<{ context: BrowserContext; page: Page }> {
    const student = await studentPage();
    await fillJoin(student.page, p.joinCode!, 'Ada');
    await connected(student.page);
    return student;
  }

  /** The teacher publishes a shared echo server; Ada connects to it from the class tab. */
  async function publishSharedEcho(s: Page): Promise<{ port: string | null; clientId: string }> {
    await teacher.page.locator('[data-testid="start-shared-echo"]').click();
    const shared = teacher.page.locator('[data-testid="shared-server"]');
    await shared.waitFor();
    await expect.poll(() => shared.locator('[data-testid="publish-toggle"]').isChecked()).toBe(true);
    await s.locator('[data-testid="side-tab-class"]').click();
    const server = s.locator('[data-testid="class-server"]');
    await server.waitFor();
    const port = await server.getAttribute('data-port');
    await server.locator('[data-testid="class-server-connect"]').click();
    const client = s.locator('[data-testid="socket-card"][data-kind="tcp-client"]');
    await client.waitFor();
    const clientId = (await client.getAttribute('data-socket-id')) as string;
    await waitForState(s, clientId, 'established');
    return { port, clientId };
  }

  /** Ada opens the recv(16) lesson and lets it set up its sockets; the first step then passes. */
  async function setUpRecvLesson(s: Page): Promise<Locator> {
    await s.locator('[data-testid="side-tab-lessons"]').click();
    await s.locator('[data-testid="lesson-item"][data-lesson-id="recv-pieces"]').click();
    await s.locator('[data-testid="lesson-setup"]').click();
    const check = s.locator('[data-testid="lesson-check"]');
    await expect.poll(() => check.getAttribute('data-passed')).toBe('true');
    return check;
  }

  /** Ada with a server of her own, a client on the shared echo server and the lesson's sockets. */
  async function busyStudent(): Promise<{ context: BrowserContext; page: Page }> {
    const student = await joinedStudent();
    await startServer(student.page, { protocol: 'tcp', port: '0', recvSize: '16' });
    await publishSharedEcho(student.page);
    await setUpRecvLesson(student.page);
    return student;
  }

  it('shows the join code, the address and a QR code on the teacher’s page; the teacher token leaves the address bar', async () => {
    const { page } = teacher;
    await expect
      .poll(() => page.locator('[data-testid="join-code"]').textContent())
      .toBe(`${p.joinCode!.slice(0, 3)} ${p.joinCode!.slice(3)}`);
    expect(await page.locator('[data-testid="join-url"]').allTextContents()).toEqual([p.url]);
    expect(await page.locator('[data-testid="join-qr"]').getAttribute('data-text')).toBe(`${p.url}#join=${p.joinCode}`);
    expect(page.url()).not.toContain(p.token);
    await page.screenshot({ path: 'e2e/screenshots/class-teacher-empty.png' });
  });

  it('refuses a wrong join code, then lets the student in with the right one', async () => {
    const { page } = await studentPage();
    await fillJoin(page, 'AAAAAA', 'Ada');
    const error = page.locator('[data-testid="join-error"]');
    await expect.poll(() => error.getAttribute('data-problem')).toBe('wrongCode');
    expect(await error.textContent()).toMatch(/not right/);
    await page.screenshot({ path: 'e2e/screenshots/class-join-wrong-code.png' });
    expect(await page.locator('[data-testid="bridge-status"]').count()).toBe(0);

    await fillJoin(page, p.joinCode!.toLowerCase(), 'Ada');
    await connected(page);
  });

  it('lists the student on the teacher’s page with the socket they open, live', async () => {
    const student = await joinedStudent();
    await studentCard().waitFor();
    expect(await studentCard().getAttribute('data-presence')).toBe('connected');
    const port = await startServer(student.page, { protocol: 'tcp', port: '0', recvSize: '16' });
    const socket = studentCard().locator('[data-testid="student-socket"][data-kind="tcp-server"]');
    await socket.waitFor();
    expect(await socket.getAttribute('data-state')).toBe('listening');
    expect(await socket.textContent()).toContain(`:${port}`);
  });

  it('publishes a shared echo server that the student can use', async () => {
    const s = (await joinedStudent()).page;
    const { port, clientId } = await publishSharedEcho(s);
    const client = s.locator('[data-testid="socket-card"][data-kind="tcp-client"]');
    expect(await client.textContent()).toContain(`127.0.0.1:${port}`);
    await client.locator('[name="message"]').fill('hola clase');
    await client.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => client.locator('[data-testid="bytes-in"]').textContent()).toBe('10');

    // The teacher sees the bytes on the roster.
    const row = studentCard().locator(`[data-testid="student-socket"][data-socket-id="${clientId}"]`);
    await expect.poll(() => row.locator('[data-testid="student-socket-bytes"]').textContent()).toBe('10/10');
  });

  it('notices when the student did what a lesson step asked, and shows the teacher their progress', async () => {
    const s = (await joinedStudent()).page;
    const check = await setUpRecvLesson(s);
    await s.locator('[data-testid="lesson-next"]').click();
    await expect.poll(() => check.getAttribute('data-passed')).toBe('false');
    expect(await check.textContent()).toMatch(
      /4 recv\(\) calls that returned bytes on server s\d+, at most 16 bytes each/,
    );
    await s.locator('[data-testid="lesson-try"]').click();
    await expect.poll(() => check.getAttribute('data-passed'), { timeout: 10_000 }).toBe('true');
    expect(await check.textContent()).toContain('4 pieces');
    await s.screenshot({ path: 'e2e/screenshots/class-student-lesson.png' });

    const progress = studentCard().locator('[data-testid="student-progress"]');
    await expect.poll(() => progress.getAttribute('data-done')).toBe('2');
    expect(await progress.textContent()).toContain('recv(16)');
  });

  it('spotlights the student on the projector: their sockets and log, live and read-only', async () => {
    const student = await busyStudent();
    const { page } = teacher;
    await page.setViewportSize(PROJECTOR);
    await studentCard().locator('[data-testid="spotlight"]').click();
    const spotlight = page.locator('[data-testid="spotlight"]');
    await spotlight.waitFor();
    expect(await page.locator('[data-testid="spotlight-title"]').textContent()).toContain('Ada');
    const cards = spotlight.locator('[data-testid="readonly-socket"]');
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(4);
    const client = student.page.locator('[data-testid="socket-card"][data-kind="tcp-client"]').first();
    const clientId = (await client.getAttribute('data-socket-id')) as string;
    const watched = spotlight.locator(
      `[data-testid="readonly-socket"][data-socket-id="${clientId}"] [data-testid="bytes-in"]`,
    );
    const before = Number(await watched.textContent());

    // What the student does now appears in the spotlight.
    await client.locator('[name="message"]').fill('otra vez');
    await client.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(async () => Number(await watched.textContent())).toBe(before + 8);
    await page.screenshot({ path: 'e2e/screenshots/class-spotlight.png' });
    await page.locator('[data-testid="spotlight-close"]').click();
    await page.locator('[data-testid="roster"]').waitFor();
    await page.screenshot({ path: 'e2e/screenshots/class-teacher-roster.png' });
  });

  it('keeps the student’s session through a reload: same sockets, still open, and says so', async () => {
    const s = (await busyStudent()).page;
    const ids = await s
      .locator('[data-testid="socket-card"]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-socket-id')}:${e.getAttribute('data-state')}`));
    await s.reload();
    await connected(s);
    await s.locator('[data-testid="session-resumed"]').waitFor();
    await expect
      .poll(() =>
        s
          .locator('[data-testid="socket-card"]')
          .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-socket-id')}:${e.getAttribute('data-state')}`)),
      )
      .toEqual(ids);
    expect(await s.locator('[data-testid="join-form"]').count()).toBe(0);
    await expect.poll(() => studentCard().getAttribute('data-presence')).toBe('connected');
    expect(await studentCard().locator('[data-testid="student-socket"]').count()).toBeGreaterThanOrEqual(3);
  });

  it('stops the student’s sockets; the student is told why', async () => {
    const s = (await busyStudent()).page;
    const stop = studentCard().locator('[data-testid="stop-sockets"]');
    await stop.click();
    await stop.click();
    await expect
      .poll(() =>
        s
          .locator('[data-testid="socket-card"]')
          .evaluateAll((els) => els.every((e) => e.getAttribute('data-state') === 'closed')),
      )
      .toBe(true);
    await expect
      .poll(() => s.locator('.banner').allTextContents())
      .toContainEqual(expect.stringContaining('Your teacher stopped your sockets'));
    expect(errors.flat()).toEqual([]);
  });

  it('keeps the teacher’s page responsive with 40 busy students', async () => {
    await joinedStudent();
    // 39 more students as real WebSocket sessions (browsers for all of them would test the machine, not the page).
    const others = await Promise.all(
      Array.from({ length: 39 }, async (_, i) => {
        const c = await openSession(p, await joinToken(p, `Student ${String(i + 2).padStart(2, '0')}`));
        const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
        const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
        return { c, client };
      }),
    );
    try {
      const started = performance.now();
      await expect
        .poll(() => teacher.page.locator('[data-testid="student"][data-presence="connected"]').count(), {
          timeout: 15_000,
        })
        .toBe(40);
      const listed = performance.now() - started;
      // Everyone sends for two seconds while the teacher uses the page.
      let sending = true;
      const traffic = (async () => {
        while (sending) {
          await Promise.all(
            others.map(({ c, client }) =>
              c.ok({
                type: 'socket.send',
                socketId: client.id,
                data: { encoding: 'text', value: 'hola mundo, 32 bytes de prueba!!' },
              }),
            ),
          );
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      // Measured in the page, where the teacher feels it: the test process shares its CPU with 40 sessions.
      const [toSockets, toClass] = await teacher.page.evaluate(async () => {
        const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t = performance.now();
        (document.querySelector('[data-testid="teacher-view-sockets"]') as HTMLElement).click();
        await frame();
        const a = performance.now() - t;
        const u = performance.now();
        (document.querySelector('[data-testid="teacher-view-class"]') as HTMLElement).click();
        await frame();
        return [a, performance.now() - u];
      });
      await teacher.page.locator('[data-testid="roster"]').waitFor();
      const totals = teacher.page.locator(
        '[data-testid="student"][data-name="Student 40"] [data-testid="student-totals"]',
      );
      const first = await totals.textContent();
      await expect.poll(() => totals.textContent(), { timeout: 5000 }).not.toBe(first);
      sending = false;
      await traffic;
      expect(toSockets).toBeLessThan(1500);
      expect(toClass).toBeLessThan(1500);
      await teacher.page.screenshot({ path: 'e2e/screenshots/class-teacher-40.png' });
      console.log(
        `40 students listed ${Math.round(listed)} ms after the last joined; under load the page switched views in ${Math.round(toSockets)} / ${Math.round(toClass)} ms`,
      );
    } finally {
      await Promise.all(others.map(({ c }) => c.close()));
    }
  }, 60_000);
});

describe.skipIf(!hasChromium)('a session that could not be resumed', () => {
  let p: Playground;
  let browser: Browser;

  beforeAll(async () => {
    p = await startPlayground({ port: 0, webRoot, resumeGraceMs: 300 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  it('tells the learner that the session before the reload ended, and with how many sockets', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(p.url);
    await connected(page);
    const port = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
    await openClient(page, { protocol: 'tcp', port });
    await page.goto('about:blank');
    // Longer than the grace period: the bridge has closed the session and its sockets.
    await page.waitForTimeout(800);
    await page.goBack();
    await connected(page);
    const banner = page.locator('[data-testid="session-ended"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('its 3 sockets were closed');
    expect(await page.locator('[data-testid="socket-card"]').count()).toBe(0);
  });
});
