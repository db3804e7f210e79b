import { hasChromium } from '@playground/testkit/browser';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlaygroundPage } from './support/page-session.ts';
import { openClient, startServer, waitForState } from './support/ui.ts';

const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

const card = (page: Page, id: string) => page.locator(`[data-testid="socket-card"][data-socket-id="${id}"]`);

/** The cells of the inspector's ribbon as [write, read, read-start] triples. */
function ribbonCells(page: Page): Promise<{ write: string | null; read: string | null; start: boolean }[]> {
  return page.locator('[data-testid="inspector"] [data-testid="ribbon-byte"]').evaluateAll((els) =>
    els.map((e) => ({
      write: e.getAttribute('data-write'),
      read: e.getAttribute('data-read'),
      start: e.hasAttribute('data-read-start'),
    })),
  );
}

async function showView(page: Page, view: 'hex' | 'ribbon' | 'frames' | 'struct'): Promise<void> {
  await page.locator(`[data-testid="inspector-view-${view}"]`).click();
}

/** The accepted connection of the newest TCP server card. */
async function newestConn(page: Page): Promise<Locator> {
  const conn = page.locator('[data-testid="socket-card"][data-kind="tcp-conn"]').last();
  await conn.waitFor();
  return conn;
}

describe.skipIf(!hasChromium)('the chunk and framing lab in the browser', () => {
  const session = usePlaygroundPage();

  it('the three-writes demo: three quick writes arrive as one read, three colours in one read', async () => {
    const demo = session.page.locator('[data-testid="chunk-demos"] [data-demo="coalesce"]');
    await demo.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => demo.locator('[data-testid="demo-result"]').textContent(), { timeout: 10_000 })
      .toMatch(/3 writes → 1 read/);

    const conn = await newestConn(session.page);
    const connId = (await conn.getAttribute('data-socket-id')) as string;
    await expect.poll(() => conn.locator('[data-testid="reads"]').textContent()).toBe('1');
    const client = session.page.locator('[data-testid="socket-card"][data-kind="tcp-client"]').last();
    await expect.poll(() => client.locator('[data-testid="writes"]').textContent()).toBe('3');

    // The demo ends on the reader's ribbon: 12 bytes, all from read #1, in the colours of writes 1, 2 and 3.
    await expect.poll(async () => (await ribbonCells(session.page)).length).toBe(12);
    const cells = await ribbonCells(session.page);
    expect(new Set(cells.map((c) => c.read))).toEqual(new Set(['1']));
    expect([...new Set(cells.map((c) => c.write))]).toEqual(['1', '2', '3']);
    expect(cells.filter((c) => c.start)).toHaveLength(1);
    const rows = session.page.locator(`[data-testid="event-row"][data-type="recv"][data-socket-id="${connId}"]`);
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-size')))).toEqual(['12']);
    await session.page.screenshot({ path: 'e2e/screenshots/chunk-lab-coalesce.png' });
  });

  it('the split demo: one 55-byte write read with recv(16) shows four pieces', async () => {
    const demo = session.page.locator('[data-testid="chunk-demos"] [data-demo="split"]');
    await demo.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => demo.locator('[data-testid="demo-result"]').textContent(), { timeout: 10_000 })
      .toMatch(/1 write → 4 reads/);
    // Its own connection: the ribbon shows exactly this demo's write and reads, nothing of the first demo.
    await expect.poll(async () => (await ribbonCells(session.page)).length).toBe(55);
    const split = await ribbonCells(session.page);
    expect(new Set(split.map((c) => c.write))).toEqual(new Set(['1']));
    expect(split.filter((c) => c.start).map((c) => c.read)).toEqual(['1', '2', '3', '4']);
    await expect
      .poll(() => session.page.locator('[data-testid="ribbon-summary"]').textContent())
      .toBe('55 bytes · writes on the sending side: 1 → reads on the receiving side: 4');
    // Run again: still exactly one write and four reads, on a fresh connection.
    await demo.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => demo.locator('[data-testid="demo-result"]').textContent(), { timeout: 10_000 })
      .toMatch(/1 write → 4 reads/);
    await expect
      .poll(() => session.page.locator('[data-testid="ribbon-summary"]').textContent())
      .toBe('55 bytes · writes on the sending side: 1 → reads on the receiving side: 4');
  });

  it('the UDP demo: each datagram is its own read, never merged; a long one is cut', async () => {
    const demo = session.page.locator('[data-testid="chunk-demos"] [data-demo="udp"]');
    await demo.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => demo.locator('[data-testid="demo-result"]').textContent(), { timeout: 10_000 })
      .toMatch(/4 datagrams → 4 reads, none merged; the last one was cut and lost 20 bytes/);
    await expect.poll(async () => (await ribbonCells(session.page)).length).toBe(12 + 16);
    const cells = await ribbonCells(session.page);
    expect(cells.filter((c) => c.start).map((c) => c.read)).toEqual(['1', '2', '3', '4']);
    await session.page.screenshot({ path: 'e2e/screenshots/chunk-lab-udp.png' });
  });

  it('recv(16) on "hola mundo": the ribbon shows the pieces of one write, in order', async () => {
    const port = await startServer(session.page, { protocol: 'tcp', port: '0', recvSize: '16' });
    const client = await openClient(session.page, { protocol: 'tcp', port });
    await waitForState(session.page, client, 'established');
    await card(session.page, client).locator('[name="message"]').fill(MESSAGE);
    await card(session.page, client).getByRole('button', { name: 'Send', exact: true }).click();

    const conn = await newestConn(session.page);
    await expect.poll(() => conn.locator('[data-testid="reads"]').textContent()).toBe('4');
    await conn.locator('.socket-card__title').click();
    await showView(session.page, 'ribbon');
    await expect.poll(async () => (await ribbonCells(session.page)).length).toBe(MESSAGE.length);
    const cells = await ribbonCells(session.page);
    expect(cells.filter((c) => c.start).map((c) => c.read)).toEqual(['1', '2', '3', '4']);
    expect(new Set(cells.map((c) => c.write))).toEqual(new Set(['1']));
    await session.page.locator('[data-testid="ribbon-byte"][data-offset="17"]').hover();
    await expect
      .poll(() => session.page.locator('[data-testid="ribbon-details"]').textContent())
      .toBe("offset 17 · 0x69 · 'i' · write #1 · read #2");
    await session.page.screenshot({ path: 'e2e/screenshots/chunk-lab-ribbon.png' });
  });

  it('a JSON frame padded to 60 bytes shows as one decoded frame, and the framed-JSON server answers', async () => {
    const form = session.page.locator('[data-testid="server-form"]');
    await form.locator('[name="behaviour"]').selectOption('framed-json');
    const port = await startServer(session.page, { protocol: 'tcp', port: '0', recvSize: '16' });
    await form.locator('[name="behaviour"]').selectOption('echo');
    const client = await openClient(session.page, { protocol: 'tcp', port });
    await waitForState(session.page, client, 'established');

    const box = card(session.page, client);
    await box.locator('.send-box__more > summary').click();
    await box.locator('.send-options [name="framing"]').selectOption('seed002-padded-length');
    await box.locator('[name="message"]').fill('{"nombre": "Margot", "edad": 15}');
    await expect.poll(() => box.locator('.send-box__count').textContent()).toContain('64 B once framed');
    await box.getByRole('button', { name: 'Send', exact: true }).click();

    // The server's connection reads with recv(16): the 64-byte frame arrives in 4 reads, yet is one frame.
    const conn = await newestConn(session.page);
    await expect.poll(() => conn.locator('[data-testid="bytes-in"]').textContent()).toBe('64');
    expect(await conn.locator('[data-testid="reads"]').textContent()).toBe('4');
    await conn.locator('.socket-card__title').click();
    await showView(session.page, 'frames');
    const inspector = session.page.locator('[data-testid="inspector"]');
    await expect.poll(() => inspector.locator('[data-testid="frame"]').count()).toBe(1);
    expect(await inspector.locator('[data-testid="frames-count"]').textContent()).toContain('1 frame');
    expect(await inspector.locator('[data-testid="frame"]').textContent()).toContain('prefix 00 00 00 3c = 60');
    const json = await inspector.locator('[data-testid="frame-json"]').textContent();
    expect(JSON.parse(json ?? '')).toEqual({ nombre: 'Margot', edad: 15 });
    expect(json).toContain('\n  "nombre": "Margot"');
    await session.page.screenshot({ path: 'e2e/screenshots/chunk-lab-frames.png' });

    // The client decodes the answer with the same framing, chosen in its own frames pane.
    await box.locator('.socket-card__title').click();
    await inspector.locator('[name="framing"]').selectOption('seed002-padded-length');
    await inspector.locator('[name="payload"]').selectOption('json');
    await expect
      .poll(() => inspector.locator('[data-testid="frame-json"]').textContent())
      .toBe(`"Respuesta asociada al mensaje {'nombre': 'Margot', 'edad': 15}"`);
  });

  it('explains a length prefix larger than allowed', async () => {
    const port = await startServer(session.page, { protocol: 'tcp', port: '0', recvSize: '1024' });
    const client = await openClient(session.page, { protocol: 'tcp', port });
    await waitForState(session.page, client, 'established');
    const box = card(session.page, client);
    await box.locator('[name="message"]').fill('hola mundo\n');
    await box.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => box.locator('[data-testid="bytes-in"]').textContent()).toBe('11');
    await box.locator('.socket-card__title').click();
    await showView(session.page, 'frames');
    const inspector = session.page.locator('[data-testid="inspector"]');
    await inspector.locator('[name="framing"]').selectOption('seed002-padded-length');
    const problem = inspector.locator('[data-testid="frame-error"][data-code="too-long"]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/plain text, not frames/);
    await session.page.screenshot({ path: 'e2e/screenshots/chunk-lab-frame-error.png' });
  });

  it('packs a struct from a form, and unpacks it into a table of named fields with their bytes', async () => {
    const form = session.page.locator('[data-testid="server-form"]');
    await form.locator('[name="behaviour"]').selectOption('none');
    const port = await startServer(session.page, { protocol: 'tcp', port: '0', recvSize: '1024' });
    await form.locator('[name="behaviour"]').selectOption('echo');
    const client = await openClient(session.page, { protocol: 'tcp', port });
    await waitForState(session.page, client, 'established');
    const box = card(session.page, client);
    await box.locator('.send-box__more > summary').click();
    await box.locator('.send-options__struct > summary').click();
    await box.getByRole('button', { name: 'Use as the message (hex)' }).click();
    expect(await box.locator('[name="message"]').inputValue()).toBe('00 00 00 01 00 00 00 02 00 00 00 03');
    await box.getByRole('button', { name: 'Send', exact: true }).click();

    const conn = await newestConn(session.page);
    await expect.poll(() => conn.locator('[data-testid="bytes-in"]').textContent()).toBe('12');
    await conn.locator('.socket-card__title').click();
    await showView(session.page, 'struct');
    const inspector = session.page.locator('[data-testid="inspector"]');
    await inspector.locator('[name="structFormat"]').fill('>iii');
    await inspector.getByLabel('Field names (optional)').fill('a, b, c');
    const rows = inspector.locator('[data-testid="struct-field"]');
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((e) => Array.from(e.children, (c) => c.textContent).join(' '))))
      .toEqual(['a i 1 00 00 00 01', 'b i 2 00 00 00 02', 'c i 3 00 00 00 03']);
    await rows.nth(1).hover();
    await expect.poll(() => inspector.locator('.record-bytes [data-lit]').count()).toBe(4);
    await session.page.screenshot({ path: 'e2e/screenshots/chunk-lab-struct.png' });
    await box.scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: 'e2e/screenshots/chunk-lab-send-options.png' });
  });

  it('a 1 MiB stream stays smooth: the ribbon renders only the rows in view', async () => {
    const port = await startServer(session.page, { protocol: 'tcp', port: '0', recvSize: '4096' });
    const client = await openClient(session.page, { protocol: 'tcp', port });
    await waitForState(session.page, client, 'established');
    const box = card(session.page, client);
    const quarter = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(8192).slice(0, 256 * 1024);
    await (await newestConn(session.page)).locator('.socket-card__title').click();
    await showView(session.page, 'ribbon');
    await box.locator('[name="message"]').fill(quarter);
    for (let i = 0; i < 4; i++) {
      await box.getByRole('button', { name: 'Send', exact: true }).click();
      await expect
        .poll(() => box.locator('[data-testid="bytes-out"]').getAttribute('data-value'), { timeout: 10_000 })
        .toBe(String((i + 1) * quarter.length));
    }
    const conn = await newestConn(session.page);
    await expect
      .poll(() => conn.locator('[data-testid="bytes-in"]').getAttribute('data-value'), { timeout: 15_000 })
      .toBe(String(4 * quarter.length));
    await conn.locator('.socket-card__title').click();
    await showView(session.page, 'ribbon');
    const inspector = session.page.locator('[data-testid="inspector"]');
    await inspector.locator('[data-testid="ribbon-byte"]').first().waitFor();
    expect(await inspector.locator('[data-testid="ribbon-byte"]').count()).toBeLessThan(2000);

    // Jumping across the megabyte with the keyboard stays quick: only the rows in view are built.
    const grid = inspector.locator('.ribbon__rows');
    await grid.focus();
    const started = Date.now();
    await session.page.keyboard.press('Home');
    await inspector.locator('[data-testid="ribbon-byte"][data-offset="0"]').waitFor();
    await session.page.keyboard.press('End');
    await inspector.locator(`[data-testid="ribbon-byte"][data-offset="${4 * quarter.length - 1}"]`).waitFor();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await inspector.locator('[data-testid="ribbon-byte"]').count()).toBeLessThan(2000);
    expect(session.errors).toEqual([]);
  });
});
