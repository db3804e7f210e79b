/**
 * Issue 14 on the page: a connection the peer reset stays open as `reset` until the learner closes
 * it, and a server started like the seeds' (no SO_REUSEADDR) is refused where Python's would be,
 * with the OS view's TIME_WAIT row that holds the port.
 */
import { createServer, type Server } from 'node:net';
import { hasChromium } from '@playground/testkit/browser';
import { describe, expect, it } from 'vitest';
import { card, connectClient, openView, sendFrom } from './support/lifecycle.ts';
import { usePlaygroundPage } from './support/page-session.ts';
import { chooseProtocol, waitForState } from './support/ui.ts';

/** A server that answers every client's first bytes with a reset, as a program closing with them unread does. */
async function resettingServer(): Promise<{ port: string; close(): void }> {
  const server: Server = createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', () => socket.resetAndDestroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: String(address.port), close: () => server.close() };
}

describe.skipIf(!hasChromium)('socket truth on the page', () => {
  const s = usePlaygroundPage({ width: 1366, height: 768 });

  it('a client whose peer reset it shows `reset`, stays open with only Close left, and closes when told', async () => {
    const peer = await resettingServer();
    try {
      const client = await connectClient(s.page, peer.port);
      await sendFrom(s.page, client, 'hola');
      await waitForState(s.page, client, 'reset');
      const c = card(s.page, client);
      expect(await c.textContent()).toMatch(/ECONNRESET|reset the connection/);
      expect(await c.getByRole('button', { name: 'End (FIN)' }).first().isDisabled()).toBe(true);
      expect(await c.getByRole('button', { name: 'Reset (RST)' }).first().isDisabled()).toBe(true);
      await c.scrollIntoViewIfNeeded();
      await s.page.screenshot({ path: 'e2e/screenshots/reset-state.png' });
      await c.getByRole('button', { name: 'Close', exact: true }).first().click();
      await waitForState(s.page, client, 'closed');
    } finally {
      peer.close();
    }
    expect(s.errors).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')(
    'like the seeds (no SO_REUSEADDR): a restart on a port in TIME_WAIT is refused, and the OS view shows why',
    async () => {
      const form = s.page.locator('[data-testid="server-form"]');
      await chooseProtocol(s.page, 'server-form', 'tcp');
      await form.locator('[name="port"]').fill('0');
      await form.locator('[name="noReuseAddress"]').check();
      const servers = s.page.locator('[data-testid="socket-card"][data-kind="tcp-server"]');
      const before = await servers.count();
      await form.locator('button[type="submit"]').click();
      const server = servers.nth(before);
      await server.waitFor();
      const serverId = (await server.getAttribute('data-socket-id')) as string;
      const port = /:(\d+)/.exec((await server.locator('.socket-card__addresses').first().textContent()) ?? '')?.[1];
      if (!port) throw new Error('no port on the server card');

      // The server closes first (close all); the client reads the FIN and the learner closes it too.
      const client = await connectClient(s.page, port);
      await card(s.page, serverId).getByRole('button', { name: 'Close all' }).click();
      await waitForState(s.page, client, 'fin-received');
      await card(s.page, client).getByRole('button', { name: 'Close', exact: true }).first().click();
      await waitForState(s.page, client, 'closed');

      await form.locator('[name="port"]').fill(port);
      await form.locator('button[type="submit"]').click();
      await expect
        .poll(() => form.textContent())
        .toMatch(new RegExp(`Port ${port} on 127.0.0.1 is still held by a connection in TIME_WAIT`));
      await openView(s.page, 'kernel');
      const row = s.page.locator(`[data-testid="kernel-row"][data-local-port="${port}"]`).first();
      await row.waitFor();
      expect(await row.textContent()).toMatch(/TIME_WAIT/);
      await form.scrollIntoViewIfNeeded();
      await s.page.screenshot({ path: 'e2e/screenshots/no-reuseaddr.png', fullPage: true });
      expect(s.errors).toEqual([]);
    },
  );
});
