import { hasChromium, watchPageErrors } from '@playground/testkit/browser';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { usePlaygroundBrowser } from './support/page-session.ts';
import { runReadmeTour, type TourState } from './support/readme-tour.ts';

/**
 * The screens a class has, each at 100, 150 and 200 % browser zoom. A zoomed browser lays the page
 * out in a smaller CSS viewport and draws it with more device pixels: 1366×768 at 150 % is a
 * 911×512 page. The README's tour, followed literally, works on each; after it the primary controls
 * are usable, no panel is drawn over another, the page does not scroll into blank space, and
 * axe-core finds nothing.
 */
const SCREENS = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const ZOOMS = [1, 1.5, 2];
/** From this width the page fills the window; below it, one column scrolls as a page (phones, 200 %). */
const FILLS_WINDOW_FROM = 900;

/** Top-level regions of the page; no two may overlap. */
const PANELS = {
  header: 'header',
  forms: 'aside[aria-label="Create sockets"]',
  sockets: 'section.sockets',
  views: '[data-testid="views"]',
  inspector: '[data-testid="inspector"]',
};

function primaryControls(page: Page, tour: TourState | null) {
  return {
    'Start server': page.locator('[data-testid="server-form"] button[type="submit"]'),
    Connect: page.locator('[data-testid="client-form"] button[type="submit"]'),
    Send: tour?.udpClient
      ? page
          .locator(`[data-testid="socket-card"][data-socket-id="${tour.udpClient}"]`)
          .getByRole('button', { name: 'Send', exact: true })
      : page.getByRole('button', { name: 'Send', exact: true }).first(),
    'the log': page.locator('[data-testid="event-log"]'),
    'the inspector': page.locator('[data-testid="inspector"]'),
  };
}

/** Scrolls the control into view (inside its pane, or the page in one column) and asks what is drawn at its centre. */
async function problemWithControl(name: string, control: Locator): Promise<string | null> {
  if ((await control.count()) === 0) return `${name}: not on the page`;
  try {
    await control.scrollIntoViewIfNeeded({ timeout: 2000 });
  } catch {
    return `${name}: cannot be scrolled into view`;
  }
  return control.evaluate((el, label) => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return `${label}: has no size (${box.width}×${box.height})`;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) {
      return `${label}: centre (${Math.round(x)}, ${Math.round(y)}) is outside the window`;
    }
    const hit = document.elementFromPoint(x, y);
    if (hit && (hit === el || el.contains(hit))) return null;
    const what = hit
      ? `${hit.tagName.toLowerCase()}.${Array.from(hit.classList).join('.')} "${(hit.textContent ?? '').slice(0, 40)}"`
      : 'nothing';
    return `${label}: covered at its centre by ${what}`;
  }, name);
}

async function overlappingPanels(page: Page): Promise<string[]> {
  const boxes: { name: string; box: { x: number; y: number; width: number; height: number } }[] = [];
  for (const [name, selector] of Object.entries(PANELS)) {
    const el = page.locator(selector).first();
    if ((await el.count()) === 0 || !(await el.isVisible())) continue;
    // Page coordinates, so panels of a scrolled page compare as laid out.
    const box = await el.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    });
    boxes.push({ name, box });
  }
  const problems: string[] = [];
  // A panel whose content spills out of its box draws over whatever is next to it.
  for (const [name, selector] of Object.entries(PANELS)) {
    const spill = await page
      .locator(selector)
      .first()
      .evaluate((e) => {
        const style = getComputedStyle(e);
        const clips = style.overflowY !== 'visible' && style.overflowX !== 'visible';
        return clips || e.getClientRects().length === 0 ? 0 : e.scrollHeight - e.clientHeight;
      })
      .catch(() => 0);
    if (spill > 1) problems.push(`${name}: its content spills ${spill} px out of its box`);
  }
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const w = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x);
      const h = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
      if (w > 1 && h > 1) problems.push(`${a.name} and ${b.name} overlap by ${Math.round(w)}×${Math.round(h)} px`);
    }
  }
  return problems;
}

describe.skipIf(!hasChromium)('the page on every screen a classroom has', () => {
  const env = usePlaygroundBrowser();

  for (const screen of SCREENS) {
    for (const zoom of ZOOMS) {
      const viewport = { width: Math.round(screen.width / zoom), height: Math.round(screen.height / zoom) };
      it(`${screen.width}×${screen.height} at ${zoom * 100} % (a ${viewport.width}×${viewport.height} page)`, async () => {
        const context = await env.browser.newContext({ viewport, deviceScaleFactor: zoom, locale: 'en-US' });
        try {
          const page = await context.newPage();
          page.setDefaultTimeout(8000);
          const errors = watchPageErrors(page);
          await page.goto(env.playground.url);
          await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor();
          const problems: string[] = [];
          let tour: TourState | null = null;
          try {
            tour = await runReadmeTour(page);
          } catch (error) {
            problems.push(`the README tour could not be followed: ${(error as Error).message}`);
          }
          for (const [name, control] of Object.entries(primaryControls(page, tour))) {
            const problem = await problemWithControl(name, control);
            if (problem) problems.push(problem);
          }
          problems.push(...(await overlappingPanels(page)));
          // Nothing is wider than the window, and the forms and the cards wrap rather than scroll sideways.
          const sideways = await page.evaluate(() =>
            [
              ['the page', document.documentElement],
              ['the forms', document.querySelector('.side-tabs__panel:not([hidden])')],
              ['the cards', document.querySelector('.sockets__body')],
            ]
              .filter(([, el]) => el && (el as Element).scrollWidth > (el as Element).clientWidth + 1)
              .map(
                ([name, el]) =>
                  `${name} scroll sideways (${(el as Element).scrollWidth} > ${(el as Element).clientWidth})`,
              ),
          );
          problems.push(...sideways);
          if (viewport.width >= FILLS_WINDOW_FROM) {
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            if (height > viewport.height)
              problems.push(`the page is ${height} px tall in a ${viewport.height} px window`);
          }
          for (const finding of await axeViolations(page)) {
            problems.push(`axe ${finding.rule} at ${finding.targets.join(' ')}: ${finding.summary}`);
          }
          expect(problems).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }, 90_000);
    }
  }
});
