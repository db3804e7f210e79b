/**
 * A school server gives each class a path of its own behind one reverse proxy (docs/deploy.md).
 * The page must then ask for everything relative to where it was loaded: its files, `api/…` and the
 * WebSocket. Here a class's page is opened at /class-3b/ through a prefix-stripping proxy.
 */

import type { Playground } from '@playground/server';
import { hasChromium, launchChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, fillJoin, startClassroom } from './support/classroom.ts';
import { type PathProxy, startPathProxy } from './support/path-proxy.ts';
import { traceWithCode } from './support/trace.ts';
import { openClient, startServer, waitForState } from './support/ui.ts';

const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

describe.skipIf(!hasChromium)('a class under a path of a reverse proxy', () => {
  let playground: Playground;
  let proxy: PathProxy;
  let browser: Browser;
  beforeAll(async () => {
    playground = await startClassroom({ trustProxies: ['127.0.0.1'] });
    proxy = await startPathProxy('/class-3b', playground.port);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await playground?.close();
  });

  it('a student joins at /class-3b/, echoes over TCP, and the page asks for nothing outside its path', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(proxy.url.replace(/\/$/, ''));
    expect(page.url()).toBe(proxy.url);
    await fillJoin(page, playground.joinCode as string, 'Ada');
    await connected(page);

    const serverPort = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
    const client = await openClient(page, { protocol: 'tcp', port: serverPort });
    await waitForState(page, client, 'established');
    const card = page.locator(`[data-testid="socket-card"][data-socket-id="${client}"]`);
    await card.locator('[name="message"]').fill(MESSAGE);
    await card.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => card.locator('[data-testid="bytes-in"]').textContent()).toBe(String(MESSAGE.length));
    await page.screenshot({ path: 'e2e/screenshots/behind-proxy.png' });

    // The Attach box's command names the class's path; run as shown, the program appears here.
    const command = (await page.locator('[data-testid="attach-command"]').first().textContent()) ?? '';
    const [, url, code] = /--url (\S+) --code (\S+) --/.exec(command) ?? [];
    expect(url).toBe(proxy.url);
    const seed = 'docs/examples/python/seed001_echo_client.py';
    expect(await traceWithCode(url as string, code as string, ['python3', seed, serverPort])).toBe(0);
    await page.locator('[data-testid="program-status"]').filter({ hasText: 'ended (0)' }).waitFor();

    // Chromium asks for /favicon.ico of the site by itself; everything the page asked stayed in its path.
    expect(proxy.strays.filter((path) => path !== '/favicon.ico')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
