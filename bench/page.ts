/**
 * 7. The page: Chromium showing a session that receives 100,000 events from real traffic (a client
 * sending 800,000 bytes to a recv(16) echo server started through the page's own form): how long
 * until the log shows them all (against a Node consumer fed the same traffic), how smoothly the log
 * scrolls, and the page's JS heap. Then, in a fresh page, the byte ribbon with 1 MiB: a client of
 * the page sends 1 MiB to an echo server of the page with the ribbon open, and the ribbon shows the
 * echo (how long until its last byte is shown, how smoothly it scrolls, the JS heap).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, hasChromium } from '@playground/testkit/browser';
import type { Browser } from 'playwright-core';
import { openClient, startServer, waitForState } from '../e2e/support/ui.ts';
import { echoSession, NO_RATE_QUOTAS, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import { floorFrames, heapMb, launchUnlimited, scrollFrames } from './lib/frames.ts';
import type { EchoResult } from './lib/load.ts';
import { type Benchmark, checkRow, fmt, infoRow, type Outcome, type Row, skipRow } from './lib/report.ts';
import { deadline, until } from './lib/rounds.ts';
import { summarize } from './lib/stats.ts';

const WEB_ROOT = fileURLToPath(new URL('../apps/web/dist', import.meta.url));
const EVENTS = 100_000;
/** 50,000 recv(16) pieces, each echoed: 100,000 byte events (plus a handful of state events). */
const BYTES = (EVENTS / 2) * 16;
/** Paced so a page that keeps up is never sent more than the outbox's per-flush budget. */
const BURST = 2048;
const INTERVAL_MS = 10;
const FRAME_BUDGET_MS = 16;
const RIBBON_BYTES = 1024 * 1024;
/** The send box takes at most 256 KiB a message: the learner clicks Send four times. */
const RIBBON_WRITE = 256 * 1024;

/** The log's table says how many rows it has (aria-rowcount counts the header row too). */
const ROWS = `(() => {
  const table = document.querySelector('[data-testid="event-log"] [aria-rowcount]');
  return table ? Number(table.getAttribute('aria-rowcount')) - 1 : 0;
})()`;

function webAppBuilt(): { ok: true; bundle: string } | { ok: false; why: string } {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) return { ok: false, why: 'skipped: web app not built' };
  const assets = join(WEB_ROOT, 'assets');
  const js = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];
  const bundle = js.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
  if (!bundle.includes('event-log')) return { ok: false, why: 'skipped: web app has no event log yet' };
  return { ok: true, bundle };
}

const RIBBON_ROW = 'page: byte ribbon, 1 MiB';

function ribbonBuilt(bundle: string): boolean {
  return bundle.includes('ribbon-byte');
}

/**
 * Page-side clocks for the ribbon: from the first Send click (the form's submit) until the client's
 * card counts the whole echo in, and until the ribbon has a cell for its last byte (checked once per
 * frame). The four clicks are part of both times.
 */
const WATCH_RIBBON = `(total) => {
  const watch = { card: null, ribbon: null };
  window.__ribbonWatch = watch;
  let t0 = null;
  document.addEventListener('submit', () => { t0 ??= performance.now(); }, { capture: true });
  const last = '[data-testid="inspector"] [data-testid="ribbon-byte"][data-offset="' + (total - 1) + '"]';
  const tick = () => {
    if (t0 !== null) {
      const bytesIn = document.querySelector('[data-testid="socket-card"][data-kind="tcp-client"] [data-testid="bytes-in"]');
      if (watch.card === null && bytesIn && bytesIn.getAttribute('data-value') === String(total)) watch.card = performance.now() - t0;
      if (watch.ribbon === null && document.querySelector(last)) watch.ribbon = performance.now() - t0;
    }
    if (watch.card === null || watch.ribbon === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}`;

interface RibbonResult {
  cardMs: number;
  shownMs: number;
  frames: number[];
  heapEmpty: number;
  heapFull: number;
  errors: string[];
}

/**
 * A learner's way to a megabyte in the ribbon: an echo server with recv(4096), a client, the ribbon
 * view open on the client, then a 256 KiB message sent four times. The client's received bytes (the
 * echo) fill the ribbon while it is open, coloured by the server's writes.
 */
async function ribbonSession(browser: Browser, port: number, frameCount: number): Promise<RibbonResult> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor({ timeout: 15_000 });
    const heapEmpty = await deadline(heapMb(page), 30_000, 'reading the JS heap');
    const echoPort = await startServer(page, { protocol: 'tcp', port: '0', recvSize: '4096' });
    const client = await openClient(page, { protocol: 'tcp', port: echoPort });
    await waitForState(page, client, 'established');
    const card = page.locator(`[data-testid="socket-card"][data-socket-id="${client}"]`);
    await card.locator('.socket-card__title').click();
    await page.locator('[data-testid="inspector-view-ribbon"]').click();
    await card
      .locator('[name="message"]')
      .fill('abcdefghijklmnopqrstuvwxyz0123456789'.repeat(8192).slice(0, RIBBON_WRITE));
    await page.evaluate(`(${WATCH_RIBBON})(${RIBBON_BYTES})`);
    const send = card.getByRole('button', { name: 'Send', exact: true });
    for (let sent = 0; sent < RIBBON_BYTES; sent += RIBBON_WRITE) await send.click();
    const read = () => page.evaluate('window.__ribbonWatch') as Promise<{ card: number | null; ribbon: number | null }>;
    let watch = await read();
    await deadline(
      (async () => {
        while (watch.card === null || watch.ribbon === null) {
          await page.waitForTimeout(50);
          watch = await read();
        }
      })(),
      60_000,
      'the ribbon to show 1 MiB',
    ).catch(() => undefined);
    const frames = watch.ribbon === null ? [] : await scrollFrames(page, frameCount, '[data-testid="ribbon"]');
    const heapFull = await deadline(heapMb(page), 30_000, 'reading the JS heap');
    return {
      cardMs: watch.card ?? Number.NaN,
      shownMs: watch.ribbon ?? Number.NaN,
      frames,
      heapEmpty,
      heapFull,
      errors,
    };
  } finally {
    await page.close();
  }
}

function ribbonRows(r: RibbonResult, floorP95: number): Row[] {
  if (!Number.isFinite(r.shownMs)) {
    return [checkRow(`${RIBBON_ROW}: shown`, fmt.size(RIBBON_BYTES), 'not shown within 60 s', 'all shown', false)];
  }
  const frames = summarize(r.frames);
  return [
    infoRow(
      `${RIBBON_ROW}: time from Send until its last byte is shown`,
      `${fmt.ms(r.cardMs)} (the card counts it in)`,
      fmt.ms(r.shownMs),
      fmt.ratio(r.shownMs / r.cardMs),
    ),
    {
      ...checkRow(
        `${RIBBON_ROW}: scrolling, a screenful per frame, ${frames.n} frames`,
        `p95 ${fmt.ms(floorP95)} (minimal list)`,
        `p95 ${fmt.ms(frames.p95)}, p50 ${fmt.ms(frames.p50)}`,
        `p95 < ${FRAME_BUDGET_MS} ms`,
        frames.p95 < FRAME_BUDGET_MS,
      ),
      ratio: fmt.ratio(frames.p95 / floorP95),
    },
    infoRow(
      `${RIBBON_ROW}: JS heap`,
      `${r.heapEmpty.toFixed(1)} MB empty`,
      `${r.heapFull.toFixed(1)} MB with the ribbon`,
    ),
  ];
}

export const pageBench: Benchmark = {
  name: 'page',
  budgetMs: 180_000,
  async run(ctx) {
    const out: Outcome = { rows: [], details: [] };
    const built = webAppBuilt();
    if (!built.ok) {
      out.rows.push(skipRow('page: 100,000 events in the log', built.why), skipRow(RIBBON_ROW, built.why));
      return out;
    }
    if (!hasChromium) {
      const why = `skipped: no Chromium at ${chromiumPath}`;
      out.rows.push(skipRow('page: 100,000 events in the log', why), skipRow(RIBBON_ROW, why));
      return out;
    }
    const [bridge, load] = await Promise.all([Child.spawn('host.ts', 'bridge-host'), Child.spawn('load.ts', 'load')]);
    const browser = await launchUnlimited();
    try {
      const { port } = await startBridge(bridge, NO_RATE_QUOTAS, WEB_ROOT);
      const feed = (echoPort: number) =>
        load.call<EchoResult>(
          'paced-echo',
          { port: echoPort, total: BYTES, burst: BURST, intervalMs: INTERVAL_MS, timeoutMs: 60_000 },
          70_000,
        );

      // Baseline: a Node consumer in its own session receives the same traffic.
      const nodeShown = async () => {
        const { consumer, echoPort } = await echoSession(port, 16);
        const t0 = performance.now();
        await feed(echoPort);
        await until(() => consumer.events + consumer.folded >= EVENTS, 30_000, 'the Node consumer to see every event');
        const ms = performance.now() - t0;
        await consumer.close();
        return ms;
      };
      const before = await nodeShown();

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const pageErrors: string[] = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.locator('[data-testid="bridge-status"][data-status="connected"]').waitFor({ timeout: 15_000 });
      const heapEmpty = await deadline(heapMb(page), 30_000, 'reading the JS heap');
      const echoPort = Number(await startServer(page, { protocol: 'tcp', port: '0', recvSize: '16' }));
      const t0 = performance.now();
      await feed(echoPort);
      const fed = performance.now() - t0;
      let shown = Number.NaN;
      await deadline(
        (async () => {
          while (((await page.evaluate(ROWS)) as number) < EVENTS) await page.waitForTimeout(20);
          shown = performance.now() - t0;
        })(),
        60_000,
        'the page to show 100,000 events',
      ).catch(() => undefined);
      const rows = (await page.evaluate(ROWS)) as number;
      const folded = await page.locator('[data-testid="folded"]').count();
      const after = await nodeShown();
      const baseline = (before + after) / 2;

      const frameCount = ctx.quick ? 120 : 300;
      const frames = summarize(await scrollFrames(page, frameCount));
      const floor = summarize(await floorFrames(browser, frameCount));
      const heapFull = await deadline(heapMb(page), 30_000, 'reading the JS heap');
      await page.close();
      const ribbon = ribbonBuilt(built.bundle)
        ? await ribbonSession(browser, port, frameCount).catch((err: Error) => err)
        : null;
      const rowsOk = Number.isFinite(shown);
      out.rows.push(
        rowsOk
          ? infoRow(
              'page: time until the log shows 100,000 events',
              `${fmt.ms(baseline)} (Node consumer)`,
              fmt.ms(shown),
              fmt.ratio(shown / baseline),
            )
          : checkRow(
              'page: log shows 100,000 events',
              fmt.count(EVENTS),
              `${fmt.count(rows)} rows`,
              'all shown',
              false,
            ),
        {
          ...checkRow(
            `page: scrolling the log, a screenful per frame, ${frames.n} frames`,
            `p95 ${fmt.ms(floor.p95)} (minimal list)`,
            `p95 ${fmt.ms(frames.p95)}, p50 ${fmt.ms(frames.p50)}`,
            `p95 < ${FRAME_BUDGET_MS} ms`,
            frames.p95 < FRAME_BUDGET_MS,
          ),
          ratio: fmt.ratio(frames.p95 / floor.p95),
        },
        infoRow('page: JS heap', `${heapEmpty.toFixed(1)} MB empty`, `${heapFull.toFixed(1)} MB with the log full`),
        ...(ribbon === null
          ? [skipRow(RIBBON_ROW, 'not built yet')]
          : ribbon instanceof Error
            ? [
                checkRow(
                  `${RIBBON_ROW}: shown`,
                  fmt.size(RIBBON_BYTES),
                  `failed: ${ribbon.message}`,
                  'all shown',
                  false,
                ),
              ]
            : ribbonRows(ribbon, floor.p95)),
      );
      out.details.push(
        `Page: the feed took ${fmt.ms(fed)} (${fmt.size(BURST)} every ${INTERVAL_MS} ms); the log ended with ${fmt.count(rows)} rows${folded > 0 ? ' and a "folded" marker' : ', nothing folded'}; frame max ${fmt.ms(frames.max)}; Chromium without a frame-rate limit, so a frame's time is its own cost.`,
      );
      if (ribbon && !(ribbon instanceof Error) && ribbon.frames.length > 0) {
        out.details.push(
          `Ribbon: ${fmt.size(RIBBON_WRITE)} sent ${RIBBON_BYTES / RIBBON_WRITE} times to a recv(4096) echo server, the client's received bytes (the echo) in the ribbon; frame max ${fmt.ms(summarize(ribbon.frames).max)}.`,
        );
      }
      if (ribbon && !(ribbon instanceof Error)) pageErrors.push(...ribbon.errors);
      if (pageErrors.length > 0) out.details.push(`Page errors: ${pageErrors.slice(0, 3).join(' | ')}`);
    } finally {
      await browser.close();
      await Promise.all([bridge.stop(), load.stop()]);
    }
    return out;
  },
};
