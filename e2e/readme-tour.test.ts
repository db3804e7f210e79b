import { hasChromium } from '@playground/testkit/browser';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePlaygroundPage } from './support/page-session.ts';
import { runReadmeTour, tcpPortFree } from './support/readme-tour.ts';

describe.skipIf(!hasChromium)('the README’s five-minute tour, followed literally on a fresh page', () => {
  let seedPortFree: boolean;
  // Before the page opens: the README promises 65432 when it is free, and a free port said so when not.
  beforeAll(async () => {
    seedPortFree = await tcpPortFree();
  });
  const env = usePlaygroundPage();

  it('every step does what the README says, in its order, with the labels it names', async () => {
    const done: string[] = [];
    await runReadmeTour(env.page, {
      seedPortFree,
      afterStep: async (step, page) => {
        done.push(step.title);
        await page.screenshot({ path: `e2e/screenshots/readme-tour-${step.n}.png` });
      },
    });
    expect(done).toEqual(['Start a server', 'Open a client', 'Send', 'End', 'UDP', 'Writes are not reads', 'Framing']);
    expect(env.errors).toEqual([]);
  }, 120_000);
});
