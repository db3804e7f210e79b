import { hasChromium } from '@playground/testkit/browser';
import { describe, expect, it } from 'vitest';
import { openView } from './support/lifecycle.ts';
import { usePlaygroundPage } from './support/page-session.ts';

describe.skipIf(!hasChromium)('lesson 3’s reset, as real sockets do it, and the page agrees', () => {
  const session = usePlaygroundPage();

  it('after the RST both rows leave the OS view, the quiet server still shows FIN received and says the kernel forgot; its send gets EPIPE', async () => {
    const { page } = session;
    await openView(page, 'kernel');
    await page.locator('[data-testid="side-tab-lessons"]').click();
    await page.locator('[data-testid="lesson-item"][data-lesson-id="netstat"]').click();
    const check = page.locator('[data-testid="lesson-check"]');
    const next = () => page.locator('[data-testid="lesson-next"]').click();
    const passed = () => expect.poll(() => check.getAttribute('data-passed'), { timeout: 12_000 }).toBe('true');
    await page.locator('[data-testid="lesson-setup"]').click();
    await passed();
    await next();
    await page.locator('[data-testid="lesson-try"]').click();
    await passed();
    await next();
    await page.locator('[data-testid="lesson-setup"]').click();
    await page.locator('[data-testid="lesson-try"]').click();
    await passed();
    // The quiet server's connection, in CLOSE_WAIT for the kernel and "FIN received" for its program.
    const conn = page.locator('[data-testid="socket-card"][data-kind="tcp-conn"][data-state="fin-received"]').last();
    const connId = (await conn.getAttribute('data-socket-id')) as string;
    await expect
      .poll(() => conn.locator('[data-testid="card-kernel-state"]').getAttribute('data-state'))
      .toBe('CLOSE_WAIT');
    await next();
    await page.locator('[data-testid="lesson-try"]').click(); // Reset (RST)
    await passed();
    expect(await check.textContent()).toMatch(/both rows are gone, with no TIME_WAIT/);
    // The page agrees: no row for the connection, no TIME_WAIT, the card still "FIN received", and why.
    const card = page.locator(`[data-testid="socket-card"][data-socket-id="${connId}"]`);
    await expect.poll(() => card.locator('[data-testid="card-kernel-state"]').getAttribute('data-state')).toBe('gone');
    expect(await card.getAttribute('data-state')).toBe('fin-received');
    expect(await card.locator('[data-testid="kernel-forgot"]').textContent()).toMatch(/EPIPE/);
    expect(await page.locator(`[data-testid="kernel-row"][data-socket-id="${connId}"]`).count()).toBe(0);
    // Neither end of that connection lingers in TIME_WAIT (step 2's client still may: it closed first).
    const visitorPort = /↔\s*127\.0\.0\.1:(\d+)/.exec(
      (await card.locator('.socket-card__addresses').textContent()) ?? '',
    )?.[1];
    expect(visitorPort).toBeDefined();
    for (const side of ['local', 'remote']) {
      expect(await page.locator(`[data-testid="kernel-row"][data-${side}-port="${visitorPort}"]`).count()).toBe(0);
    }
    await page.screenshot({ path: 'e2e/screenshots/lesson3-reset.png' });

    // Step 5: the server finds out only when it writes.
    await next();
    await card.locator('[name="message"]').fill('hola');
    await card.getByRole('button', { name: 'Send', exact: true }).click();
    await passed();
    // The socket is still open, as Python's is after BrokenPipeError: "reset" until closed.
    await expect.poll(() => card.getAttribute('data-state')).toBe('reset');
    expect(await card.locator('.inline-error').first().textContent()).toMatch(
      /EPIPE|closed for writing|already ended/i,
    );
    expect(session.errors).toEqual([]);
  });

  it('a lesson in progress stays beside the network lab', async () => {
    const { page } = session;
    await page.locator('[data-testid="side-tab-lessons"]').click();
    await page.locator('[data-testid="lesson-item"][data-lesson-id="netstat"]').click();
    await page.locator('[data-testid="lesson-setup"]').click();
    await page.getByTestId('page-netlab').click();
    const panel = page.locator('[data-testid="network-lab"] [data-testid="lesson-panel"]');
    await panel.waitFor();
    expect(await panel.locator('[data-testid="lesson"]').getAttribute('data-lesson-id')).toBe('netstat');
    await page.screenshot({ path: 'e2e/screenshots/netlab-lesson.png' });
    await page.getByTestId('page-sockets').click();
  });
});
