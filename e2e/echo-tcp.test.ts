import { hasChromium } from '@playground/testkit/browser';
import { describe, expect, it } from 'vitest';
import { usePlaygroundPage } from './support/page-session.ts';
import { openClient, startServer, waitForState } from './support/ui.ts';

const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

describe.skipIf(!hasChromium)('TCP echo in the browser (the first story)', () => {
  const session = usePlaygroundPage();

  /** An echo server with recv(16) and a client connected to it; the client's id. */
  async function connected(): Promise<string> {
    const serverPort = await startServer(session.page, { protocol: 'tcp', port: '0', recvSize: '16' });
    const client = await openClient(session.page, { protocol: 'tcp', port: serverPort });
    await waitForState(session.page, client, 'established');
    return client;
  }

  it('starts an echo server with recv(16), connects, and shows the message in 16-byte pieces', async () => {
    const client = await connected();

    const card = session.page.locator(`[data-testid="socket-card"][data-socket-id="${client}"]`);
    await card.locator('[name="message"]').fill(MESSAGE);
    await card.getByRole('button', { name: 'Send', exact: true }).click();

    await expect.poll(() => card.locator('[data-testid="bytes-in"]').textContent()).toBe(String(MESSAGE.length));
    await expect.poll(() => card.locator('[data-testid="bytes-out"]').textContent()).toBe(String(MESSAGE.length));

    const conn = session.page.locator('[data-testid="socket-card"][data-kind="tcp-conn"]');
    await expect.poll(() => conn.locator('[data-testid="reads"]').textContent()).toBe('4');
    const connId = await conn.getAttribute('data-socket-id');
    const rows = session.page.locator(`[data-testid="event-row"][data-type="recv"][data-socket-id="${connId}"]`);
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-size'))))
      .toEqual(['16', '16', '16', '7']);

    await conn.click();
    const inspector = session.page.locator('[data-testid="inspector"]');
    await expect.poll(() => inspector.locator('[data-testid="hex-byte"]').count()).toBe(MESSAGE.length);
    const pieces = await inspector
      .locator('[data-testid="hex-byte"]')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-piece')))]);
    expect(pieces).toHaveLength(4);
    expect(await inspector.locator('[data-testid="piece-boundary"]').count()).toBeGreaterThanOrEqual(3);
    await session.page.screenshot({ path: 'e2e/screenshots/tcp-echo.png' });
    expect(session.errors).toEqual([]);
  });

  it('ends the client with FIN and both sides move to closed', async () => {
    const clientId = await connected();
    const client = session.page.locator(`[data-testid="socket-card"][data-socket-id="${clientId}"]`);
    const connId = (await session.page
      .locator('[data-testid="socket-card"][data-kind="tcp-conn"]')
      .getAttribute('data-socket-id')) as string;
    await client.getByRole('button', { name: 'End (FIN)' }).click();
    await waitForState(session.page, clientId, 'closed');
    await waitForState(session.page, connId, 'closed');
    const types = await session.page
      .locator(`[data-testid="event-row"][data-socket-id="${connId}"]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(types).toContain('fin-received');
    expect(session.errors).toEqual([]);
  });
});
