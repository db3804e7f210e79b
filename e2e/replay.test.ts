import { readFileSync } from 'node:fs';
import { PROTOCOL_VERSION, SESSION_LOG_VERSION, SessionLog } from '@playground/protocol';
import type { Playground } from '@playground/server';
import { hasChromium, launchChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startE2ePlayground } from './support/playground.ts';
import { openClient, startServer, waitForState } from './support/ui.ts';

const MESSAGE = 'hola mundo, este mensaje ocupa 50 bytes exactos!!!';

async function socketsOf(page: Page, selector: string): Promise<string[]> {
  const list = await page
    .locator(selector)
    .evaluateAll((els) =>
      els.map(
        (e) => `${e.getAttribute('data-socket-id')}:${e.getAttribute('data-kind')}:${e.getAttribute('data-state')}`,
      ),
    );
  return list.sort();
}

async function logCount(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid="event-log"] table').getAttribute('aria-rowcount')) - 1;
}

describe.skipIf(!hasChromium)('keep and share: export a session, open it again, share a setup', () => {
  let p: Playground;
  let browser: Browser;
  // Each test has a page of its own in a fresh context, and sets up the session it is about.
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    p = await startE2ePlayground();
    browser = await launchChromium();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    errors = watchPageErrors(page);
    await page.goto(p.url);
    await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  /** A server with recv(16) and a client that sent MESSAGE and got all of it back. */
  async function echoed(): Promise<void> {
    const port = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
    const client = await openClient(page, { protocol: 'tcp', port });
    await waitForState(page, client, 'established');
    const card = page.locator(`[data-testid="socket-card"][data-socket-id="${client}"]`);
    await card.locator('[name="message"]').fill(MESSAGE);
    await card.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => card.locator('[data-testid="bytes-in"]').textContent()).toBe('50');
    await page.waitForTimeout(300);
  }

  /** The session menu's export: the saved log's path and the name it was offered under. */
  async function exported(): Promise<{ file: string; name: string }> {
    await page.locator('[data-testid="session-menu"] summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-log"]').click(),
    ]);
    const file = (await download.path()) as string;
    await page.keyboard.press('Escape');
    return { file, name: download.suggestedFilename() };
  }

  it('exports the session as a versioned log with every event as it came on the wire', async () => {
    await echoed();
    const { file, name } = await exported();
    expect(name).toMatch(/^socket-playground-.*\.json$/);
    const log = SessionLog.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(log).toMatchObject({
      format: 'socket-playground-log',
      version: SESSION_LOG_VERSION,
      protocolVersion: PROTOCOL_VERSION,
      missing: 0,
    });
    expect(log.events.length).toBe(await logCount(page));
    expect(log.events.map((e) => e.seq)).toEqual([...log.events.map((e) => e.seq)].sort((a, b) => a - b));
    const recvs = log.events.filter((e) => e.type === 'recv' && e.kind === 'tcp-conn');
    expect(recvs.map((e) => (e.type === 'recv' ? e.size : 0))).toEqual([16, 16, 16, 2]);
    expect(Buffer.from(recvs.map((e) => (e.type === 'recv' ? e.data : '')).join(''), 'base64').toString()).not.toBe('');
    const text = recvs.map((e) => (e.type === 'recv' ? Buffer.from(e.data, 'base64').toString() : '')).join('');
    expect(text).toBe(MESSAGE);
    expect(errors).toEqual([]);
  });

  it('opens the log in the read-only viewer: the same events, and a timeline to scrub', async () => {
    await echoed();
    const { file } = await exported();
    const live = await socketsOf(page, '[data-testid="socket-card"]');
    const liveCount = await logCount(page);
    const viewer = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const viewerErrors = watchPageErrors(viewer);
    // No bridge needed: the viewer works from the file alone, even with the bridge gone from this page.
    await viewer.goto(p.url);
    await viewer.locator('[data-testid="session-menu"] summary').click();
    await viewer.locator('[data-testid="open-log-input"]').setInputFiles(file);
    await viewer.locator('[data-testid="replay"]').waitFor();
    expect(await logCount(viewer)).toBe(liveCount);
    expect(await socketsOf(viewer, '[data-testid="readonly-socket"]')).toEqual(live);
    expect(await viewer.locator('[data-testid="replay-position"]').textContent()).toContain(
      `event ${liveCount} of ${liveCount}`,
    );

    const conn = viewer.locator('[data-testid="readonly-socket"][data-kind="tcp-conn"]');
    expect(await conn.locator('[data-testid="reads"]').textContent()).toBe('4');
    await conn.click();
    await expect.poll(() => viewer.locator('[data-testid="hex-byte"]').count()).toBe(50);
    await viewer.screenshot({ path: 'e2e/screenshots/replay-viewer.png' });

    // Scrub to the start: nothing yet. Then step forward event by event.
    const slider = viewer.locator('[data-testid="replay-slider"]');
    await slider.fill('0');
    await expect.poll(() => viewer.locator('[data-testid="readonly-socket"]').count()).toBe(0);
    expect(await logCount(viewer)).toBe(0);
    await slider.fill('1');
    await expect.poll(() => logCount(viewer)).toBe(1);
    expect(await viewer.locator('[data-testid="readonly-socket"]').count()).toBe(1);
    // Play runs to the end on its own.
    await viewer.locator('[data-testid="replay-play"]').click();
    await expect.poll(() => logCount(viewer), { timeout: 20_000 }).toBe(liveCount);
    expect(await socketsOf(viewer, '[data-testid="readonly-socket"]')).toEqual(live);
    expect(viewerErrors).toEqual([]);
    await viewer.close();
  });

  it('refuses a file that is not a log', async () => {
    const viewer = await browser.newPage();
    await viewer.goto(p.url);
    await viewer.locator('[data-testid="session-menu"] summary').click();
    await viewer.locator('[data-testid="open-log-input"]').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    expect(await viewer.locator('[data-testid="open-log-error"]').textContent()).toContain(
      'not a Socket Playground log',
    );
    await viewer.close();
  });

  it('shares the setup as a link that recreates the same servers and clients', async () => {
    await echoed();
    await page.locator('[data-testid="session-menu"] summary').click();
    await page.locator('[data-testid="share-setup"]').click();
    const link = (await page.locator('[data-testid="share-link"]').inputValue()) as string;
    expect(link).toMatch(new RegExp(`^${p.url.replace(/\/$/, '')}/#setup=[A-Za-z0-9_-]+$`));
    await page.keyboard.press('Escape');

    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.goto(link);
    await other.locator('[data-testid="setup-offer"]').waitFor();
    expect(await other.locator('[data-testid="setup-offer"]').textContent()).toContain(
      'This link sets up 1 server and 1 client.',
    );
    expect(other.url()).not.toContain('#setup');
    await other.locator('[data-testid="setup-create"]').click();
    const clients = other.locator('[data-testid="socket-card"][data-kind="tcp-client"][data-state="established"]');
    await clients.waitFor();
    // The original server still holds its port on this computer, so the copy got a free one (the
    // failed first try stays on screen, closed); the client followed it there.
    const kinds = await other
      .locator('[data-testid="socket-card"]:not([data-state="closed"])')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')).sort());
    expect(kinds).toEqual(['tcp-client', 'tcp-conn', 'tcp-server']);
    const server = other.locator('[data-testid="socket-card"][data-kind="tcp-server"][data-state="listening"]');
    expect(await server.textContent()).toContain('recv(16)');
    await other.close();
    expect(errors).toEqual([]);
  });
});
