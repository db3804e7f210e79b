import { hasChromium } from '@playground/testkit/browser';
import { describe, expect, it } from 'vitest';
import { usePlaygroundPage } from './support/page-session.ts';

describe.skipIf(!hasChromium)('TCP vs UDP side by side, through the same conditions', () => {
  const session = usePlaygroundPage();

  it('with 20 % loss, UDP delivers less than 100 % and TCP delivers 100 %, in order', async () => {
    await session.page.getByTestId('page-netlab').click();
    const view = session.page.getByTestId('compare-view');
    await view.waitFor();
    expect(await view.getByText('Nothing compared yet').isVisible()).toBe(true);
    // Exactly 20 % loss and nothing else, so any difference is the loss.
    await view.getByLabel('Loss').fill('20');
    expect(await view.locator('output').first().textContent()).toBe('20 %');
    await view.getByLabel('Messages').fill('150');
    await view.getByLabel('Every (ms)').fill('5');
    expect(await view.getByTestId('tcp-guarantee').textContent()).toMatch(/TCP never loses/);
    await session.page.getByTestId('compare-start').click();
    await session.page.locator('[data-testid="compare-view"][data-status="done"]').waitFor({ timeout: 45_000 });

    const tcp = session.page.getByTestId('compare-summary-tcp');
    const udp = session.page.getByTestId('compare-summary-udp');
    expect(await tcp.getAttribute('data-delivered-pct')).toBe('100.0');
    expect(await tcp.getAttribute('data-in-order-pct')).toBe('100.0');
    const udpDelivered = Number(await udp.getAttribute('data-delivered-pct'));
    expect(udpDelivered).toBeLessThan(100);
    expect(udpDelivered).toBeGreaterThan(55);
    // The lanes: UDP has missing messages, TCP none.
    expect(await session.page.locator('[data-testid="lane-udp"] .lane-cell--missing').count()).toBeGreaterThan(0);
    expect(await session.page.locator('[data-testid="lane-tcp"] .lane-cell--missing').count()).toBe(0);
    expect(await session.page.locator('[data-testid="lane-tcp"] .lane-cell--ok').count()).toBe(150);
    expect(await session.page.getByTestId('compare-verdict').textContent()).toMatch(
      /TCP delivered 150 of 150, all in order/,
    );
    expect(await session.page.locator('[data-testid="latency-chart"] canvas').count()).toBe(1);
    await session.page.screenshot({ path: 'e2e/screenshots/tcp-vs-udp.png' });

    // The relays' exact counts, on the Conditions tab.
    await session.page.getByTestId('netlab-tab-conditions').click();
    const udpRelay = session.page.locator('[data-testid="relay-card"][data-transport="udp"]');
    await udpRelay.waitFor();
    const dropped = Number(await udpRelay.locator('[data-stat="dropped"]').getAttribute('data-value'));
    expect(dropped).toBe(150 - Math.round((udpDelivered * 150) / 100));
    expect(
      await session.page
        .locator('[data-testid="relay-card"][data-transport="tcp"] [data-stat="retransmitted"]')
        .getAttribute('data-value'),
    ).not.toBe('0');
    await session.page.screenshot({ path: 'e2e/screenshots/conditions.png' });

    // On the Sockets session.page the clients say they go "via conditions".
    await session.page.getByTestId('page-sockets').click();
    await session.page.locator('[data-testid="via-conditions"]').first().waitFor();
    expect(await session.page.locator('[data-testid="via-conditions"]').count()).toBeGreaterThanOrEqual(2);
    expect(session.errors).toEqual([]);
  });
});
