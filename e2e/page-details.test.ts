import { hasChromium } from '@playground/testkit/browser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openView } from './support/lifecycle.ts';
import { usePlaygroundPage } from './support/page-session.ts';

/** Selects whose chosen text does not fit them (measured with the select's own font). */
function cutSelects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    const cut: string[] = [];
    for (const s of Array.from(document.querySelectorAll('select'))) {
      if (!(s as HTMLElement).offsetParent) continue;
      const st = getComputedStyle(s);
      ctx.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      const text = s.options[s.selectedIndex]?.text ?? '';
      // What is left for the text once padding and the arrow are taken.
      const room = s.clientWidth - Number.parseFloat(st.paddingLeft) - Number.parseFloat(st.paddingRight) - 20;
      if (ctx.measureText(text).width > room) cut.push(`${s.name}: ${text}`);
    }
    return cut;
  });
}

describe.skipIf(!hasChromium)('small things the page must get right (1366×768)', () => {
  const session = usePlaygroundPage({ width: 1366, height: 768 });

  it('selects show their whole text, recv() shows 1024, a LISTEN row is two lines, labels do not wrap', async () => {
    const { page } = session;
    const form = page.locator('[data-testid="server-form"]');
    await form.locator('[name="recvSize"]').fill('1024');
    await form.locator('[name="behaviour"]').selectOption('framed-json');
    await form.locator('[name="port"]').fill('0');
    await form.locator('button[type="submit"]').evaluate((b: HTMLButtonElement) => b.click());
    const server = page.locator('[data-testid="socket-card"][data-kind="tcp-server"]').first();
    await server.waitFor();
    await page
      .locator('[data-testid="client-form"] button[type="submit"]')
      .evaluate((b: HTMLButtonElement) => b.click());
    const client = page.locator('[data-testid="socket-card"][data-kind="tcp-client"]').first();
    await client.waitFor();
    await client.locator('.send-box__more summary').evaluate((s: HTMLElement) => s.click());
    await client.locator('.send-options__struct summary').evaluate((s: HTMLElement) => s.click());
    expect(await cutSelects(page)).toEqual([]);

    // The recv() size box of a card shows all of 1024.
    const box = server.locator('[data-testid="socket-card"][data-kind="tcp-conn"] .read-controls__exact');
    await box.waitFor();
    const fits = await box.evaluate((el: HTMLInputElement) => {
      const st = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      ctx.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      const room = el.clientWidth - Number.parseFloat(st.paddingLeft) - Number.parseFloat(st.paddingRight) - 18;
      return ctx.measureText(el.value).width <= room && el.value === '1024';
    });
    expect(fits).toBe(true);

    // Struct field labels stay on one line.
    const labels = await client
      .locator('.struct-pack__fields label')
      .evaluateAll((els) => els.map((l) => l.getBoundingClientRect().height));
    expect(labels.length).toBeGreaterThan(0);
    expect(Math.max(...labels)).toBeLessThan(30);

    // The OS view: the server's LISTEN row is its name and one note, two lines at most.
    await openView(page, 'kernel');
    const listen = page.locator('[data-testid="kernel-row"][data-state="LISTEN"]').first();
    await listen.waitFor();
    expect(await listen.evaluate((tr) => tr.getBoundingClientRect().height)).toBeLessThan(60);
    expect(session.errors).toEqual([]);
  });

  it('the lab’s chart readouts show the latest values without hovering; “Queue full 0” is not red', async () => {
    const { page } = session;
    await page.getByTestId('page-netlab').click();
    const view = page.getByTestId('compare-view');
    await view.getByRole('radio', { name: /Lossy Wi-Fi/ }).click();
    await view.getByLabel('Messages').fill('40');
    await view.getByLabel('Every (ms)').fill('5');
    await page.getByTestId('compare-start').click();
    await page.locator('[data-testid="compare-view"][data-status="done"]').waitFor({ timeout: 45_000 });
    const values = await page.locator('[data-testid="latency-chart"] .u-legend .u-value').allTextContents();
    expect(values.length).toBeGreaterThan(1);
    expect(values.filter((v) => v.trim() === '--')).toEqual([]);

    await page.getByTestId('netlab-tab-conditions').click();
    const full = page.locator('[data-testid="relay-card"][data-transport="udp"] [data-stat="overflow"]');
    await full.waitFor();
    expect(await full.getAttribute('data-value')).toBe('0');
    const colour = await full.locator('dd').evaluate((dd) => getComputedStyle(dd).color);
    const danger = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--danger)';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    expect(colour).not.toBe(danger);
    await page.screenshot({ path: 'e2e/screenshots/details-conditions.png' });
    expect(session.errors).toEqual([]);
  });
});
