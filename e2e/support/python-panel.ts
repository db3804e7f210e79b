import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';

/** A port free right now on 127.0.0.1, for a program that takes its port as an argument. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** CPython running a program to its end: what it printed (stdout, stderr) and its exit status. */
export function cpython(file: string, args: string[], timeoutMs = 15_000) {
  return new Promise<{ stdout: string; stderr: string; code: number }>((resolve) => {
    execFile('python3', [file, ...args], { timeout: timeoutMs }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }),
    );
  });
}

/** CPython running a server in the background until `stop`; its output so far. */
export function cpythonServer(file: string, args: string[]) {
  const child = spawn('python3', ['-u', file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => stdout,
    exited,
    stop: () => {
      child.kill();
      return exited;
    },
  };
}

/** Opens the Python tab, puts `source` in the editor and `args` in the arguments, and presses Run. */
export async function runInPanel(page: Page, source: string, args: string): Promise<void> {
  await page.getByTestId('side-tab-python').click();
  const editor = page.locator('[data-testid="python-editor"] .cm-content');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await editor.fill(source);
  await page.locator('#python-args').fill(args);
  await page.getByTestId('python-run').click();
}

export function panelStatus(page: Page): Promise<string | null> {
  return page.getByTestId('python-status').getAttribute('data-status');
}

export function panelOutput(page: Page): Promise<string> {
  return page.getByTestId('python-output').evaluate((el) => {
    const spans = Array.from(el.querySelectorAll('span[class^="python-console__"]'));
    return spans.map((s) => s.textContent ?? '').join('');
  });
}
