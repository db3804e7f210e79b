import { hasChromium } from '@playground/testkit/browser';
import { describe, expect, it } from 'vitest';
import { usePlaygroundBrowser } from './support/page-session.ts';

describe.skipIf(!hasChromium)('the first page load', () => {
  const shared = usePlaygroundBrowser();

  it('fetches neither Python nor its editor; opening the panel fetches the editor, not the interpreter', async () => {
    const page = await shared.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(shared.playground.url);
    await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((u) => /pyodide|python|PythonPanel/i.test(u))).toEqual([]);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);

    await page.getByTestId('side-tab-python').click();
    await page.getByTestId('python-editor').waitFor();
    await page.waitForLoadState('networkidle');
    expect(fetched.some((u) => u.includes('PythonPanel'))).toBe(true);
    expect(fetched.filter((u) => u.includes('/pyodide/') || u.includes('python.worker'))).toEqual([]);
    await page.close();
  });
});
