import { it } from 'vitest';
import { launchChromium } from './support/browser.ts';
import { connected, joinAsStudent, startClassroom } from './support/classroom.ts';
import { startServer } from './support/ui.ts';

it('debug reload', async () => {
  const p = await startClassroom();
  const browser = await launchChromium();
  try {
    const { page } = await joinAsStudent(browser, p, 'Ada');
    page.on('console', (m) => console.log('console:', m.type(), m.text()));
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
    await connected(page);
    await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' });
    console.log('reloading');
    await page.reload({ timeout: 10000 }).catch((e) => console.log('reload err', e.message));
    console.log('reloaded');
    await page.waitForTimeout(3000);
    await page.screenshot({ path: 'e2e/screenshots/tmp-reload.png' });
    console.log(await page.locator('[data-testid="bridge-status"]').getAttribute('data-status'));
  } finally {
    await browser.close();
    await p.close();
  }
}, 60000);
