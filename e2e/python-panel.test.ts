import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasChromium } from '@playground/testkit/browser';
import { describe, expect, it } from 'vitest';
import { usePlaygroundPage } from './support/page-session.ts';
import { cpython, cpythonServer, freePort, panelOutput, panelStatus, runInPanel } from './support/python-panel.ts';
import { startServer } from './support/ui.ts';

const MESSAGE = 'Hola, este es un mensaje de prueba para el servidor eco';
const CLIENT = fileURLToPath(new URL('../docs/examples/python/seed000_echo_client.py', import.meta.url));
const SERVER = fileURLToPath(new URL('../docs/examples/python/seed004_echo_server.py', import.meta.url));
/** Loading Pyodide takes seconds on a busy machine; every later step is quick. */
const LOAD_MS = 60_000;

/**
 * Seed 000's client under CPython against a server that may still be starting: refused runs are
 * tried again (a bounded number of times), since a probe connection would be the seed server's
 * only client.
 */
async function clientOnceListening(port: number) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const run = await cpython(CLIENT, [MESSAGE, String(port)]);
    if (!run.stderr.includes('ConnectionRefusedError')) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Nothing listens on ${port}.`);
}

/** A CPython seed 004 server, ready: it is started, and a client waits for it to listen. */
function startSeedServer(port: number) {
  return cpythonServer(SERVER, [String(port)]);
}

/** Peer ports differ from run to run; everything else printed must be the same. */
const samePorts = (text: string) => text.replace(/, \d+\)/g, ', PORT)');

describe.skipIf(!hasChromium)('Python in the page (issue 21)', () => {
  const session = usePlaygroundPage();

  it('runs seed 004’s echo server unchanged: seed 000’s CPython client gets what a CPython server gives', async () => {
    const { page } = session;
    const port = await freePort();
    await runInPanel(page, readFileSync(SERVER, 'utf8'), String(port));
    await page
      .locator('[data-testid="socket-card"][data-kind="tcp-server"][data-state="listening"]')
      .first()
      .waitFor({ timeout: LOAD_MS });
    const fromPage = await clientOnceListening(port);
    await expect.poll(() => panelStatus(page), { timeout: 30_000 }).toBe('exited');

    const refPort = await freePort();
    const reference = startSeedServer(refPort);
    const fromCpython = await clientOnceListening(refPort);
    await reference.exited;

    expect(fromPage.code).toBe(0);
    expect(fromPage.stdout).toBe(fromCpython.stdout);
    expect(samePorts(await panelOutput(page))).toBe(samePorts(reference.output()));
  }, 120_000);

  it('runs seed 000’s client unchanged: recv(16) on 55 bytes returns 16, 16, 16, 7, as under CPython', async () => {
    const { page } = session;
    const port = await freePort();
    const server = startSeedServer(port);
    await new Promise((r) => setTimeout(r, 500));
    await runInPanel(page, readFileSync(CLIENT, 'utf8'), `"${MESSAGE}" ${port}`);
    await expect.poll(() => panelStatus(page), { timeout: LOAD_MS }).toBe('exited');
    await server.exited;

    const refPort = await freePort();
    const reference = startSeedServer(refPort);
    const fromCpython = await clientOnceListening(refPort);
    await reference.exited;

    const printed = await panelOutput(page);
    expect(printed).toBe(fromCpython.stdout);
    expect(printed.trim().split('\n')).toHaveLength(4);
    const client = page.locator('[data-testid="socket-card"][data-kind="tcp-client"]').last();
    const id = await client.getAttribute('data-socket-id');
    const reads = page.locator(`[data-testid="event-row"][data-type="recv"][data-socket-id="${id}"]`);
    await expect
      .poll(() => reads.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-size'))))
      .toEqual(['16', '16', '16', '7']);
  }, 120_000);

  it('raises ConnectionRefusedError where nobody listens, as CPython does', async () => {
    const { page } = session;
    const port = await freePort();
    const source = `import socket\ns = socket.socket()\ns.connect(('127.0.0.1', ${port}))\n`;
    await runInPanel(page, source, '');
    await expect.poll(() => panelStatus(page), { timeout: LOAD_MS }).toBe('exited');
    const printed = (await panelOutput(page)).trim().split('\n');
    expect(printed.at(-1)).toBe('ConnectionRefusedError: [Errno 111] Connection refused');
    expect(printed).toContain(`    s.connect(('127.0.0.1', ${port}))`);
    expect(await page.getByTestId('python-status').textContent()).toContain('exit status 1');
  }, 120_000);

  it('tells a program that starts a thread to use selectors instead', async () => {
    const { page } = session;
    const source = 'import threading\nthreading.Thread(target=print).start()\n';
    await runInPanel(page, source, '');
    await expect.poll(() => panelStatus(page), { timeout: LOAD_MS }).toBe('exited');
    const printed = await panelOutput(page);
    expect(printed).toContain('ThreadsNotAvailable: This program starts a thread');
    expect(printed).toContain('selectors');
    expect(printed).toContain('trace command');
  }, 120_000);

  it('Stop ends a program blocked in accept() and closes its socket', async () => {
    const { page } = session;
    const port = await freePort();
    await runInPanel(page, readFileSync(SERVER, 'utf8'), String(port));
    const server = page.locator('[data-testid="socket-card"][data-kind="tcp-server"][data-state="listening"]');
    await server.first().waitFor({ timeout: LOAD_MS });
    await page.getByTestId('python-stop').click();
    await expect.poll(() => panelStatus(page)).toBe('stopped');
    await expect.poll(() => server.count()).toBe(0);
    expect(session.errors).toEqual([]);
  }, 120_000);
  it('shows the program’s calls with their lines, as a traced program’s, and the same hints', async () => {
    const { page } = session;
    await page.getByTestId('side-tab-create').click();
    const port = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
    const clients = page.locator('[data-testid="socket-card"][data-kind="tcp-client"]');
    const rowsOf = async (nth: number) => {
      const id = await clients.nth(nth).getAttribute('data-socket-id');
      return page.locator(`[data-testid="event-row"][data-socket-id="${id}"] .log-row__event`);
    };
    const first = await clients.count();

    // Seed 000's client, unchanged: every call on its line, as `trace` shows it.
    await runInPanel(page, readFileSync(CLIENT, 'utf8'), `"${MESSAGE}" ${port}`);
    await expect.poll(() => panelStatus(page), { timeout: LOAD_MS }).toBe('exited');
    const seed000 = await rowsOf(first);
    await expect
      .poll(() => seed000.allTextContents())
      .toEqual(
        expect.arrayContaining([
          "line 15: sendall(b'Hola, este es un …) → 55 bytes",
          'line 21: recv(16) → 16 bytes',
          'line 21: recv(16) → 7 bytes',
          'line 25: close()',
        ]),
      );
    expect((await seed000.allTextContents()).filter((row) => row.startsWith('Hint'))).toEqual([]);

    // The same client without its close(): the hint a traced program gets, at the socket() line.
    const unclosed = readFileSync(CLIENT, 'utf8').replace('finally:\n    sock.close()', 'finally:\n    pass');
    await runInPanel(page, unclosed, `"${MESSAGE}" ${port}`);
    await expect.poll(() => panelStatus(page), { timeout: LOAD_MS }).toBe('exited');
    const hint = clients.nth(first + 1).locator('[data-testid="program-hint"]');
    await expect.poll(() => hint.getAttribute('data-code')).toBe('never-closed');
    expect(await hint.textContent()).toContain('line 7: Socket never closed');
    const rows = await rowsOf(first + 1);
    await expect.poll(() => rows.allTextContents()).toContain('Hint (line 7): Socket never closed');
    expect(await rows.allTextContents()).toContain('exit()');

    await page.getByRole('tab', { name: 'Flow' }).click();
    const clientId = await clients.nth(first + 1).getAttribute('data-socket-id');
    const flow = page.locator('[data-testid="flow-view"] select').first();
    const option = flow.locator('option').filter({ hasText: `client ${clientId} ↔` });
    await flow.selectOption((await option.getAttribute('value')) as string);
    await expect
      .poll(() => page.locator('[data-testid="flow-view"]').textContent())
      .toContain('line 21: recv() · 16 B');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('tab', { name: 'Event log' }).click();
    await hint.click();
    await page.getByLabel('Only the selected socket').check();
    await hint.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/screenshots/python-calls-1024.png' });
    expect(session.errors).toEqual([]);
  }, 120_000);
});
