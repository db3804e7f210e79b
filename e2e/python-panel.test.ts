import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.ts';
import { usePlaygroundPage } from './support/page-session.ts';
import {
  cpython,
  cpythonServer,
  EXAMPLES,
  freePort,
  panelOutput,
  panelStatus,
  runInPanel,
} from './support/python-panel.ts';

const MESSAGE = 'Hola, este es un mensaje de prueba para el servidor eco';
const CLIENT = fileURLToPath(new URL('../docs/examples/python/seed000_echo_client.py', import.meta.url));
const SERVER = join(EXAMPLES, 'seed004_echo_server.py');
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
});
