import { hasChromium } from '@playground/testkit/browser';
import { describe, expect, it } from 'vitest';
import { usePlaygroundPage } from './support/page-session.ts';
import { openClient, startServer } from './support/ui.ts';

describe.skipIf(!hasChromium)('UDP echo in the browser', () => {
  const session = usePlaygroundPage();

  it('echoes each datagram as one event with its source, and truncates like recvfrom(N)', async () => {
    const port = await startServer(session.page, { protocol: 'udp', port: '0', recvSize: '8' });
    const client = await openClient(session.page, { protocol: 'udp', port });
    const card = session.page.locator(`[data-testid="socket-card"][data-socket-id="${client}"]`);
    await card.locator('[name="message"]').fill('twenty bytes of text');
    await card.getByRole('button', { name: 'Send', exact: true }).click();

    const server = session.page.locator('[data-testid="socket-card"][data-kind="udp"]').first();
    const serverId = await server.getAttribute('data-socket-id');
    const inRow = session.page.locator(
      `[data-testid="event-row"][data-type="datagram-in"][data-socket-id="${serverId}"]`,
    );
    await inRow.first().waitFor();
    expect(await inRow.count()).toBe(1);
    expect(await inRow.getAttribute('data-size')).toBe('8');
    const text = (await inRow.textContent()) ?? '';
    expect(text).toContain('127.0.0.1');
    expect(text).toMatch(/12/);

    const back = session.page.locator(`[data-testid="event-row"][data-type="datagram-in"][data-socket-id="${client}"]`);
    await back.first().waitFor();
    expect(await back.getAttribute('data-size')).toBe('8');
    await session.page.screenshot({ path: 'e2e/screenshots/udp-echo.png' });
    expect(session.errors).toEqual([]);
  });
});
