import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Playground } from '@playground/server';
import { findPython } from '@playground/testkit';
import { hasChromium, launchChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { card, connectClient, connOf, counter, openView, sendFrom, startTcpServer } from './support/lifecycle.ts';
import { startE2ePlayground } from './support/playground.ts';
import { waitForState } from './support/ui.ts';

const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';
const isLinux = process.platform === 'linux';

const hasPython = () => findPython('the Python half of the lifecycle tests') !== undefined;

describe.skipIf(!hasChromium)('connection lifecycle in the browser', () => {
  let playground: Playground;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    playground = await startE2ePlayground();
    browser = await launchChromium();
  });

  // A fresh page (and so a fresh bridge session) per test: socket ids and views start clean.
  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: playground.url });
    page = await context.newPage();
    errors = watchPageErrors(page);
    await page.goto(playground.url);
    await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await playground?.close();
  });

  it.skipIf(!isLinux)(
    'the OS view: after End, the client goes FIN_WAIT2 → TIME_WAIT and the server through CLOSE_WAIT',
    async () => {
      // "Observe only": the server reads b'' and does not close, so CLOSE_WAIT lasts until we end it.
      const server = await startTcpServer(page, { behaviour: 'none' });
      const client = await connectClient(page, server.port);
      const conn = await connOf(page, client);
      await openView(page, 'kernel');

      const row = (id: string) => page.locator(`[data-testid="kernel-row"][data-socket-id="${id}"]`);
      await row(server.id).and(page.locator('[data-state="LISTEN"]')).waitFor();
      await row(client).and(page.locator('[data-state="ESTABLISHED"]')).waitFor();
      await row(conn).and(page.locator('[data-state="ESTABLISHED"]')).waitFor();
      // Each playground socket's card shows its kernel state too.
      await card(page, client).locator('[data-testid="card-kernel-state"][data-state="ESTABLISHED"]').waitFor();

      await card(page, client).getByRole('button', { name: 'End (FIN)' }).first().click();
      const timeline = (id: string) => page.locator(`[data-testid="kernel-timeline"][data-socket-id="${id}"]`);
      await expect.poll(() => timeline(client).getAttribute('data-states')).toMatch(/ESTABLISHED.*FIN_WAIT2/);
      await expect.poll(() => timeline(conn).getAttribute('data-states')).toMatch(/ESTABLISHED.*CLOSE_WAIT/);
      // What the other side observed: the server read b'' and may still send.
      await card(page, conn).locator('[data-testid="observed-fin"]').waitFor();
      await card(page, client).locator('[data-testid="peer-status"][data-peer="finRead"]').waitFor();
      await page.screenshot({ path: 'e2e/screenshots/kernel-close-wait.png' });

      // The server still sends after reading b'' (half-close), then ends too.
      await sendFrom(page, conn, 'bye');
      await expect.poll(() => counter(page, client, 'bytes-in')).toBe('3');
      await card(page, conn).getByRole('button', { name: 'End (FIN)' }).first().click();
      await expect.poll(() => timeline(client).getAttribute('data-states')).toMatch(/FIN_WAIT2.*TIME_WAIT/);
      await expect.poll(() => timeline(conn).getAttribute('data-states')).toMatch(/CLOSE_WAIT.*gone$/);
      await waitForState(page, client, 'closed');
      // The closed client's kernel socket lingers in TIME_WAIT, still named.
      await row(client).and(page.locator('[data-state="TIME_WAIT"]')).waitFor();
      const legend = await page.locator('.kernel__legend').textContent();
      expect(legend).toContain('TIME_WAIT');
      expect(legend).toMatch(/late segments/);
      await page.locator('[data-testid="backlog-help"] summary').click();
      await page.screenshot({ path: 'e2e/screenshots/kernel-timeline.png' });
      expect(errors).toEqual([]);
    },
  );

  it('the flow diagram after echo + FIN: handshake, writes and reads with sizes, both FINs; exports SVG and PNG', async () => {
    const server = await startTcpServer(page, { recvSize: '16' });
    const client = await connectClient(page, server.port);
    const conn = await connOf(page, client);
    await sendFrom(page, client, MESSAGE);
    await expect.poll(() => counter(page, client, 'bytes-in')).toBe(String(MESSAGE.length));
    await card(page, client).getByRole('button', { name: 'End (FIN)' }).first().click();
    await waitForState(page, client, 'closed');
    await waitForState(page, conn, 'closed');

    await openView(page, 'flow');
    const svg = page.locator('[data-testid="flow-svg"]');
    await svg.waitFor();
    const arrows = () =>
      svg.locator('[data-testid="flow-arrow"]').evaluateAll((els) =>
        els.map((e) => ({
          tone: e.getAttribute('data-tone'),
          label: e.getAttribute('data-label'),
          pending: e.hasAttribute('data-pending'),
        })),
      );
    await expect.poll(async () => (await arrows()).filter((a) => a.tone === 'fin').length).toBe(2);
    const all = await arrows();
    expect(all.filter((a) => a.tone === 'handshake')).toHaveLength(1);
    // The client's one write of 55 bytes, and the echo's four writes (one per recv(16)).
    expect(all.filter((a) => a.tone === 'send').map((a) => a.label)).toEqual([
      'send #1 · 55 B',
      'send #1 · 16 B',
      'send #2 · 16 B',
      'send #3 · 16 B',
      'send #4 · 7 B',
    ]);
    expect(all.some((a) => a.pending)).toBe(false);
    const marks = await svg
      .locator('[data-testid="flow-mark"]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-lane')}:${e.getAttribute('data-label')}`));
    expect(marks).toEqual(
      expect.arrayContaining([
        'server:accept()',
        'server:recv #1 · 16 B',
        'server:recv #4 · 7 B',
        'client:recv #1 · 55 B',
        "server:recv() → b''",
        "client:recv() → b''",
        'client:closed',
        'server:closed',
      ]),
    );
    await page.screenshot({ path: 'e2e/screenshots/flow.png' });

    // Clicking an arrow opens its bytes in the inspector.
    await svg.locator('[data-testid="flow-arrow"][data-label="send #2 · 16 B"] text').click();
    const inspector = page.locator('[data-testid="inspector"]');
    await expect.poll(() => inspector.locator('h2').textContent()).toContain(`conn ${conn}`);
    await expect.poll(() => inspector.locator('[role="tab"][aria-selected="true"]').textContent()).toMatch(/^Sent/);
    // Keyboard: the same steps are buttons.
    await svg.locator('[data-testid="flow-mark"][data-label="recv #1 · 55 B"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => inspector.locator('h2').textContent()).toContain(`client ${client}`);

    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe(`flow-${client}-${conn}.svg`);
    const svgPath = join(tmpdir(), `flow-${process.pid}.svg`);
    await svgDownload.saveAs(svgPath);
    const svgText = readFileSync(svgPath, 'utf8');
    expect(svgText.startsWith('<?xml')).toBe(true);
    expect(svgText).toContain('send #1 · 55 B');
    expect(svgText).not.toContain('tabindex');

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(pngDownload.suggestedFilename()).toBe(`flow-${client}-${conn}.png`);
    const pngPath = 'e2e/screenshots/flow-export.png';
    await pngDownload.saveAs(pngPath);
    const png = readFileSync(pngPath);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Drawn at twice the size, for slides.
    expect(png.readUInt32BE(16)).toBe(2 * 700);
    expect(errors).toEqual([]);
  });

  it('one at a time: the 2nd and 3rd clients are not echoed until the first closes; concurrent: all at once', async () => {
    const server = await startTcpServer(page, { concurrency: 'one-at-a-time' });
    const clients: string[] = [];
    for (const word of ['one', 'two', 'six']) {
      const id = await connectClient(page, server.port);
      await sendFrom(page, id, word);
      clients.push(id);
    }
    const [c1, c2, c3] = clients as [string, string, string];
    await expect.poll(() => counter(page, c1, 'bytes-in')).toBe('3');
    const queue = card(page, server.id).locator('[data-testid="waiting-queue"]');
    await expect.poll(() => queue.getAttribute('data-count')).toBe('2');
    await page.waitForTimeout(300);
    expect(await counter(page, c2, 'bytes-in')).toBe('0');
    expect(await counter(page, c3, 'bytes-in')).toBe('0');
    const waiting = card(page, server.id).locator('[data-testid="waiting-note"]');
    expect(await waiting.evaluateAll((els) => els.map((e) => e.getAttribute('data-position')))).toEqual(['1', '2']);
    await queue.scrollIntoViewIfNeeded();
    await openView(page, 'kernel');
    // The waiting clients' bytes sit unread in the kernel: Recv-Q of their server-side rows.
    if (isLinux) {
      const unread = page.locator('[data-testid="kernel-row"][data-recv-q="3"]');
      await expect.poll(() => unread.count()).toBe(2);
    }
    await page.screenshot({ path: 'e2e/screenshots/one-at-a-time.png' });
    await openView(page, 'log');

    await card(page, c1).getByRole('button', { name: 'End (FIN)' }).first().click();
    await expect.poll(() => counter(page, c2, 'bytes-in')).toBe('3');
    expect(await counter(page, c3, 'bytes-in')).toBe('0');
    await expect.poll(() => queue.getAttribute('data-count')).toBe('1');
    await card(page, c2).getByRole('button', { name: 'End (FIN)' }).first().click();
    await expect.poll(() => counter(page, c3, 'bytes-in')).toBe('3');
    await expect.poll(() => queue.count()).toBe(0);

    const concurrent = await startTcpServer(page, { concurrency: 'concurrent' });
    const others: string[] = [];
    for (const word of ['uno', 'dos', 'tres']) {
      const id = await connectClient(page, concurrent.port);
      await sendFrom(page, id, word);
      others.push(id);
    }
    for (const [i, id] of others.entries()) {
      await expect.poll(() => counter(page, id, 'bytes-in')).toBe(String(['uno', 'dos', 'tres'][i]?.length));
    }
    expect(await card(page, concurrent.id).locator('[data-testid="waiting-queue"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('spawns 20 clients × 3 messages: 20 lanes with the right totals', async () => {
    const server = await startTcpServer(page, { recvSize: '16' });
    await openView(page, 'clients');
    const form = page.locator('[data-testid="spawn-panel"] form');
    await expect.poll(() => form.locator('[name="port"]').inputValue()).toBe(server.port);
    await form.locator('[name="count"]').fill('20');
    await form.locator('[name="messages"]').fill('3');
    await form.locator('[name="intervalMs"]').fill('20');
    await form.locator('[name="message"]').fill('hola');
    await form.getByRole('button', { name: 'Spawn clients' }).click();

    const lanes = page.locator('[data-testid="spawn-lane"]');
    await expect.poll(() => lanes.count()).toBe(20);
    await expect
      .poll(() => lanes.evaluateAll((els) => els.every((e) => e.getAttribute('data-state') === 'closed')), {
        timeout: 15_000,
      })
      .toBe(true);
    const sizes = await lanes.evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-sent')}/${e.getAttribute('data-received')}`),
    );
    expect(sizes).toEqual(Array(20).fill('12/12'));
    const totals = page.locator('[data-testid="spawn-totals"]');
    expect(await totals.getAttribute('data-sent')).toBe('240');
    expect(await totals.getAttribute('data-received')).toBe('240');
    // The server saw them all: its 20 connections are one folded group; opened, 20 cards.
    const group = card(page, server.id).locator('[data-testid="socket-group"]');
    expect(await group.getAttribute('data-count')).toBe('20');
    await group.locator('summary').click();
    await expect.poll(() => group.locator('[data-testid="socket-card"][data-kind="tcp-conn"]').count()).toBe(20);
    await page.screenshot({ path: 'e2e/screenshots/spawn-lanes.png' });

    // The form folded after the spawn, so the lanes had the pane; it opens again.
    expect(await form.locator('[name="count"]').isVisible()).toBe(false);
    await form.locator('summary').click();
    // Bounded: more than 50 at once is refused before anything is sent (the bridge checks the socket quota too).
    await form.locator('[name="count"]').fill('51');
    await form.getByRole('button', { name: 'Spawn clients' }).click();
    await expect
      .poll(() => form.locator('.field__error').textContent())
      .toBe('Clients must be a whole number from 1 to 50.');
    expect(await lanes.count()).toBe(20);
    expect(errors).toEqual([]);
  });

  it('a client outside the playground (like nc) is first-class: peer address, bytes, flow lane', async () => {
    const server = await startTcpServer(page);
    const outside: Socket = createConnection({ host: '127.0.0.1', port: Number(server.port) });
    try {
      await new Promise((r) => outside.once('connect', r));
      const conn = page.locator(`[data-testid="socket-card"][data-kind="tcp-conn"]`);
      await conn.waitFor();
      const connId = (await conn.getAttribute('data-socket-id')) as string;
      expect(await conn.locator('.socket-card__addresses').textContent()).toContain(`127.0.0.1:${outside.localPort}`);
      await card(page, connId).locator('[data-testid="peer-status"][data-peer="outside"]').waitFor();
      const echoed = new Promise<string>((r) => outside.once('data', (d) => r(String(d))));
      outside.write('hello');
      expect(await echoed).toBe('hello');
      await expect.poll(() => counter(page, connId, 'bytes-in')).toBe('5');

      await card(page, connId).locator('.socket-card__title').click();
      await expect.poll(() => page.locator('[data-testid="inspector"] [data-testid="hex-byte"]').count()).toBe(5);
      await openView(page, 'flow');
      await page.locator('[data-testid="flow-lane-client"][data-outside="true"]').waitFor();
      expect(await page.locator('[data-testid="flow-lane-client"]').textContent()).toContain(
        `127.0.0.1:${outside.localPort}`,
      );

      if (isLinux) {
        await openView(page, 'kernel');
        await page.locator('[data-testid="kernel-scope-ports"]').check();
        // By both ports: an earlier test's TIME_WAIT row may share the ephemeral port.
        const outsideRow = page.locator(
          `[data-testid="kernel-row"][data-local-port="${outside.localPort}"][data-remote-port="${server.port}"]`,
        );
        await outsideRow.waitFor();
        expect(await outsideRow.getAttribute('data-socket-id')).toBeNull();
        expect(await outsideRow.textContent()).toMatch(/outside/);
      }
    } finally {
      outside.destroy();
    }
    expect(errors).toEqual([]);
  });

  it('closing: reset gives the peer ECONNRESET; stop listening keeps connections; close all ends them', async () => {
    const server = await startTcpServer(page);
    const c1 = await connectClient(page, server.port);
    const conn1 = await connOf(page, c1);
    await card(page, c1).getByRole('button', { name: 'Reset (RST)' }).first().click();
    await card(page, c1).locator('[data-testid="peer-status"][data-peer="reset"]').waitFor();
    expect(await card(page, conn1).textContent()).toMatch(/ECONNRESET|reset the connection/);

    const c2 = await connectClient(page, server.port);
    const conn2 = await connOf(page, c2);
    await card(page, server.id).getByRole('button', { name: 'Stop listening' }).click();
    await waitForState(page, server.id, 'closed');
    await card(page, server.id).locator('[data-testid="stopped-note"]').waitFor();
    await card(page, server.id).locator('[data-testid="stopped-note"]').scrollIntoViewIfNeeded();
    // The kept connection still echoes.
    await sendFrom(page, c2, 'still');
    await expect.poll(() => counter(page, c2, 'bytes-in')).toBe('5');
    // A new client is refused.
    await page.locator('[data-testid="client-form"] [name="port"]').fill(server.port);
    await page.locator('[data-testid="client-form"] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="client-form"]').textContent()).toMatch(/refused/);
    await page.screenshot({ path: 'e2e/screenshots/stop-listening.png' });

    await card(page, server.id).getByRole('button', { name: 'Close all' }).click();
    await waitForState(page, conn2, 'closed');
    await card(page, c2).locator('[data-testid="observed-fin"]').waitFor();
    expect(errors).toEqual([]);
  });

  it.skipIf(!hasPython())(
    'show me the code: the Python shown for a client runs as shown against the playground',
    async () => {
      const server = await startTcpServer(page, { recvSize: '16' });
      const client = await connectClient(page, server.port);
      await sendFrom(page, client, MESSAGE);
      await card(page, client).locator('.socket-card__title').first().click();
      await openView(page, 'code');
      const code = page.locator('[data-testid="code-text"]');
      await expect.poll(() => code.textContent()).toContain(`PORT = ${server.port}`);
      const python = (await code.textContent()) as string;
      expect(python).toContain('s.recv(1024)');
      expect(python).toContain("message = b'hola mundo");

      await page.getByTestId('code-copy').click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(python);
      await page.screenshot({ path: 'e2e/screenshots/code-panel.png' });

      const file = join(tmpdir(), `panel-client-${process.pid}.py`);
      writeFileSync(file, python);
      const out = await new Promise<string>((resolve, reject) =>
        execFile('python3', [file], { timeout: 10_000 }, (err, stdout, stderr) =>
          err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
        ),
      );
      expect(out.replace(/b'|'\n/g, '')).toContain('hola mundo');

      // The server's code is the seeds' accept loop, with its recv(16).
      await card(page, server.id).locator('.socket-card__title').first().click();
      await expect.poll(() => code.textContent()).toContain('connection.recv(16)');
      await page.locator('[data-testid="code-tab-node"]').click();
      await expect.poll(() => code.textContent()).toContain("require('node:net')");
      expect(errors).toEqual([]);
    },
  );
});
