import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumPath, hasChromium } from './probes.ts';

export { chromiumPath, hasChromium };

if (!hasChromium) {
  console.warn(
    `Skipping browser tests: no Chromium at ${chromiumPath}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
  );
}

/** `extraArgs`: the benchmarks lift the frame-rate limit, for one. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

/** Fails the test on any uncaught page error, so a broken page cannot pass by accident. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
