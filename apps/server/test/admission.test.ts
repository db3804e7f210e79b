import { bridgeUrl, until, upgradeStatus } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_ADMISSION } from '../src/config/config.ts';
import type { Playground } from '../src/index.ts';
import { ManualClock, usePlaygrounds } from '../testing/index.ts';

/** Opens a WebSocket and keeps it open; resolves with the status (101, or the refusal) and the socket. */
function attempt(p: Playground, token = p.token): Promise<{ status: number; ws: WebSocket; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(bridgeUrl({ port: p.port, token }), { perMessageDeflate: false });
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, ws, retryAfter: res.headers['retry-after'] });
    });
    ws.on('error', reject);
  });
}

describe('a flood of upgrades from one address', () => {
  const pg = usePlaygrounds();

  it('is capped with 429 before the upgrade while /api/health keeps answering', async () => {
    const p = await pg.start();
    const flood = Array.from({ length: 60 }, () => attempt(p));
    const health = Array.from({ length: 5 }, () => fetch(`${p.url}api/health`).then((r) => r.status));
    const results = await Promise.all(flood);
    expect(await Promise.all(health)).toEqual([200, 200, 200, 200, 200]);
    const opened = results.filter((r) => r.status === 101);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.length).toBeLessThanOrEqual(DEFAULT_ADMISSION.upgradeBurst);
    expect(results.filter((r) => r.status === 429).length).toBe(60 - opened.length);
    expect(results.find((r) => r.status === 429)?.retryAfter).toMatch(/^\d+$/);
    expect(p.sessionCount()).toBe(opened.length);
    expect((await fetch(`${p.url}api/health`)).status).toBe(200);
    for (const r of opened) r.ws.close();
    await until(() => p.sessionCount() === 0, 'sessions closed');
  });

  it('caps the sessions one address holds at once, and frees a slot when one closes', async () => {
    const p = await pg.start({
      admission: { ...DEFAULT_ADMISSION, maxSessionsPerAddress: 3, upgradesPerSecond: 1000, upgradeBurst: 1000 },
    });
    const held = [await attempt(p), await attempt(p), await attempt(p)];
    expect(held.map((r) => r.status)).toEqual([101, 101, 101]);
    const fourth = await attempt(p);
    expect(fourth.status).toBe(429);
    expect(fourth.retryAfter).toBe('1');
    held[0]?.ws.close();
    await until(() => p.sessionCount() === 2, 'one session closed');
    const again = await attempt(p);
    expect(again.status).toBe(101);
    for (const r of [...held, again]) r.ws.close();
  });

  it('limits the upgrade rate per address, wrong tokens included, so tokens cannot be guessed quickly', async () => {
    // The rate's clock moves only when the test says: a slow machine cannot refill the bucket meanwhile.
    const clock = new ManualClock();
    const p = await pg.start({
      admission: { ...DEFAULT_ADMISSION, upgradesPerSecond: 2, upgradeBurst: 4 },
      clocks: { admission: clock },
    });
    const wrong = [];
    for (let i = 0; i < 4; i++) wrong.push((await attempt(p, `guess${i}`)).status);
    expect(wrong).toEqual([401, 401, 401, 401]);
    expect((await attempt(p)).status).toBe(429);
    clock.advance(499);
    expect(await upgradeStatus(bridgeUrl(p))).toBe(429);
    clock.advance(1);
    expect(await upgradeStatus(bridgeUrl(p))).toBe(101);
  });
});
