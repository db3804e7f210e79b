/**
 * 8. The teacher's page under load: a class of 40 students, each with an echo server and 20 clients
 * sending a 64-byte message every 500 ms (1,600 sends a second in all), and the class page open in
 * Chromium. First the roster: how smoothly it scrolls while the counters change, and how long the
 * roster takes to show a student's traffic. Then a spotlight on one student: how smoothly its log
 * scrolls while that student's events stream in.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_ROSTER_SOCKETS } from '@playground/protocol';
import { sleep } from '@playground/testkit';
import { chromiumPath, hasChromium } from '@playground/testkit/browser';
import type { Page } from 'playwright-core';
import { describePatch, NO_RATE_QUOTAS, startBridge } from './lib/bridge.ts';
import { Child } from './lib/child.ts';
import { type ClassStudent, classStudent, steadyTraffic, wallNow } from './lib/class.ts';
import { pct } from './lib/cpu.ts';
import { floorFrames, launchUnlimited, scrollFrames } from './lib/frames.ts';
import { type Benchmark, checkRow, fmt, type Outcome, skipRow } from './lib/report.ts';
import { deadline } from './lib/rounds.ts';
import { summarize } from './lib/stats.ts';

const WEB_ROOT = fileURLToPath(new URL('../apps/web/dist', import.meta.url));
const STUDENTS = 40;
const CONNECTIONS = 20;
const EVERY_MS = 500;
const MESSAGE = 'a student at work: 64 bytes every half second, like all the rest';
const FRAME_BUDGET_MS = 16;
const DELAY_LIMIT_MS = 1000;
const ROW = `class page: ${STUDENTS} students × ${CONNECTIONS} connections`;

/** A classroom on loopback: LAN mode bound to 127.0.0.1, every student from this one address. */
const CLASSROOM = {
  ...NO_RATE_QUOTAS,
  mode: 'lan',
  host: '127.0.0.1',
  admission: {
    maxSessionsPerAddress: 1000,
    upgradesPerSecond: 1000,
    upgradeBurst: 1000,
    joinsPerMinute: 1000,
    joinBurst: 1000,
    maxJoinsPerAddress: 1000,
  },
};

/**
 * Page side: every frame, what the roster shows as each probed socket's bytes out, with the wall
 * time of the frame. Elements are looked up again only when React replaced them.
 */
const ROSTER_PROBE = `(probes) => {
  const seen = probes.map(() => []);
  const last = probes.map(() => -1);
  const els = probes.map(() => null);
  const state = { seen, on: true };
  window.__rosterProbe = state;
  const tick = () => {
    const now = performance.timeOrigin + performance.now();
    probes.forEach((p, i) => {
      if (!els[i] || !els[i].isConnected) {
        els[i] = document.querySelector('[data-testid="student"][data-name="' + p.name + '"] [data-socket-id="' + p.socketId + '"] [data-testid="student-socket-bytes"]');
      }
      if (!els[i]) return;
      const out = Number(String(els[i].textContent).split('/')[1].replace(/[^0-9]/g, ''));
      if (out !== last[i]) {
        last[i] = out;
        seen[i].push([out, now]);
      }
    });
    if (state.on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}`;

/**
 * For each change a student's own page got (bytes out of the probed client, and when), how long
 * until the teacher's roster showed at least as much; changes the roster never showed count as
 * infinitely late.
 */
export function rosterDelays(students: ClassStudent[], seen: Array<Array<[number, number]>>, from: number, to: number) {
  const delays: number[] = [];
  students.forEach((s, i) => {
    const shown = seen[i] ?? [];
    for (const [out, at] of s.probe) {
      if (at < from || at > to) continue;
      const first = shown.find(([o, t]) => o >= out && t >= at - 1);
      delays.push(first ? Math.max(0, first[1] - at) : Number.POSITIVE_INFINITY);
    }
  });
  return delays;
}

/** Polls a page-side expression (the page's CSP forbids the eval behind waitForFunction). */
async function pageUntil(page: Page, expression: string, what: string): Promise<void> {
  await deadline(
    (async () => {
      while (!(await page.evaluate(expression))) await page.waitForTimeout(50);
    })(),
    30_000,
    what,
  );
}

async function openTeacherPage(page: Page, port: number, token: string): Promise<void> {
  await page.goto(`http://127.0.0.1:${port}/#teacher=${token}`);
  await page.locator('[data-testid="class-page"]').waitFor({ timeout: 15_000 });
  await pageUntil(
    page,
    `document.querySelectorAll('[data-testid="student"]').length >= ${STUDENTS}`,
    'the roster to list every student',
  );
}

export const classPage: Benchmark = {
  name: 'class',
  budgetMs: 240_000,
  async run(ctx) {
    const out: Outcome = { rows: [], details: [] };
    const why = !existsSync(`${WEB_ROOT}/index.html`)
      ? 'skipped: web app not built'
      : !hasChromium
        ? `skipped: no Chromium at ${chromiumPath}`
        : undefined;
    if (why) {
      out.rows.push(skipRow(ROW, why));
      return out;
    }
    const frameCount = ctx.quick ? 120 : 300;
    const bridge = await Child.spawn('host.ts', 'bridge-host');
    const browser = await launchUnlimited();
    const students: ClassStudent[] = [];
    let stopTraffic = (): void => {};
    try {
      const { port, token, joinCode, applied } = await startBridge(bridge, CLASSROOM, WEB_ROOT);
      if (!joinCode) throw new Error('the bridge did not start in LAN mode');
      for (let i = 1; i <= STUDENTS; i++) {
        students.push(await classStudent(port, joinCode, `Student ${String(i).padStart(2, '0')}`, CONNECTIONS));
      }
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const pageErrors: string[] = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await openTeacherPage(page, port, token);

      const stop = new Promise<void>((resolve) => {
        stopTraffic = resolve;
      });
      const cpu0 = await bridge.call<{ user: number; system: number }>('cpu', {}, 5000);
      const t0 = performance.now();
      const traffic = steadyTraffic(students, MESSAGE, EVERY_MS, stop);
      await sleep(2000);

      const probes = students.map((s) => ({ name: s.name, socketId: s.clients[0] }));
      await page.evaluate(`(${ROSTER_PROBE})(${JSON.stringify(probes)})`);
      const probeFrom = wallNow();
      const rosterFrames = summarize(await scrollFrames(page, frameCount, '[data-testid="roster"]'));
      // The floor under the same load: the least a list scrolled the same way costs in this browser now.
      const floor = summarize(await floorFrames(browser, frameCount));
      const probeTo = wallNow();
      // The roster goes out every 500 ms at most: give the last changes time to be shown.
      await sleep(2 * DELAY_LIMIT_MS);
      const seen = (await page.evaluate(
        '(() => { window.__rosterProbe.on = false; return window.__rosterProbe.seen; })()',
      )) as Array<Array<[number, number]>>;
      const delays = rosterDelays(students, seen, probeFrom, probeTo);

      const spotlit = students[0] as ClassStudent;
      await page.locator(`[data-testid="student"][data-name="${spotlit.name}"] [data-testid="spotlight"]`).click();
      const log = '[data-testid="spotlight"] [data-testid="event-log"]';
      await pageUntil(
        page,
        `(() => { const t = document.querySelector('${log} [aria-rowcount]'); return t !== null && Number(t.getAttribute('aria-rowcount')) > 200; })()`,
        "the spotlight's log to fill",
      );
      const spotFrames = summarize(await scrollFrames(page, frameCount, log));
      const spotFloor = summarize(await floorFrames(browser, frameCount));
      stopTraffic();
      const sent = await deadline(traffic, 10_000, 'the traffic to stop');
      const wall = performance.now() - t0;
      const cpu1 = await bridge.call<{ user: number; system: number }>('cpu', {}, 5000);
      const bridgeBusy = (cpu1.user - cpu0.user + cpu1.system - cpu0.system) / 1000 / wall;
      const errors = [...sent.errors, ...students.flatMap((s) => s.consumer.problems), ...pageErrors];

      const delay = summarize(delays.filter(Number.isFinite));
      const missed = delays.filter((d) => !Number.isFinite(d)).length;
      const delayP99 = summarize(delays).p99;
      out.rows.push(
        {
          ...checkRow(
            `${ROW}: roster, scrolling a screenful per frame, ${rosterFrames.n} frames`,
            `p95 ${fmt.ms(floor.p95)} (minimal list, same load)`,
            `p95 ${fmt.ms(rosterFrames.p95)}, p50 ${fmt.ms(rosterFrames.p50)}`,
            `p95 < ${FRAME_BUDGET_MS} ms`,
            rosterFrames.p95 < FRAME_BUDGET_MS,
          ),
          ratio: fmt.ratio(rosterFrames.p95 / floor.p95),
        },
        checkRow(
          `${ROW}: the roster's delay behind the traffic, ${fmt.count(delays.length)} changes`,
          `p50 ${fmt.ms(delay.p50)}`,
          Number.isFinite(delayP99) ? `p99 ${fmt.ms(delayP99)}` : `${missed} never shown`,
          `p99 < ${DELAY_LIMIT_MS / 1000} s`,
          delayP99 < DELAY_LIMIT_MS,
        ),
        {
          ...checkRow(
            `${ROW}: spotlight on ${spotlit.name}'s ${CONNECTIONS} connections, scrolling its log a screenful per frame, ${spotFrames.n} frames`,
            `p95 ${fmt.ms(spotFloor.p95)} (minimal list, same load)`,
            `p95 ${fmt.ms(spotFrames.p95)}, p50 ${fmt.ms(spotFrames.p50)}`,
            `p95 < ${FRAME_BUDGET_MS} ms`,
            spotFrames.p95 < FRAME_BUDGET_MS,
          ),
          ratio: fmt.ratio(spotFrames.p95 / spotFloor.p95),
        },
        checkRow(
          `${ROW}: errors`,
          `${fmt.count(sent.sends)} sends`,
          `${errors.length} errors`,
          '0',
          errors.length === 0,
        ),
      );
      out.details.push(
        `Class page: Chromium at 1280×720 without a frame-rate limit; ${STUDENTS} students joined with the code, each with an echo server and ${CONNECTIONS} clients (${2 * CONNECTIONS + 1} sockets; a card lists ${MAX_ROSTER_SOCKETS} and totals all of them), every client sending ${MESSAGE.length} bytes every ${EVERY_MS} ms; the roster's delay is from a student's page getting a client's new byte count to the teacher's roster showing it (probed every frame, the first client of each student), max ${fmt.ms(delay.max)}; frame max ${fmt.ms(rosterFrames.max)} (roster), ${fmt.ms(spotFrames.max)} (spotlight); the bridge was ${pct(bridgeBusy)} busy; ${describePatch(applied)}.`,
      );
      for (const e of errors.slice(0, 3)) out.details.push(`Class page error: ${e}`);
      await page.close();
    } finally {
      stopTraffic();
      await Promise.all(students.map((s) => s.consumer.close()));
      await browser.close();
      await bridge.stop();
    }
    return out;
  },
};
