import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { usePlaygrounds } from './support/playground.ts';

function upgradeStatus(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', reject);
  });
}

/** fetch() may not set Host, so page loads with a forged Host go through node:http. */
function getStatus(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('who may connect', () => {
  const pg = usePlaygrounds();

  it('accepts the page’s own origin and refuses foreign ones with 403 before any session exists', async () => {
    const p = await pg.start();
    const own = `http://127.0.0.1:${p.port}`;
    expect(await upgradeStatus(p.port, { origin: own })).toBe(101);
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1.evil.com:${p.port}`,
      'http://127.0.0.1:9999',
    ]) {
      expect(await upgradeStatus(p.port, { origin }), origin).toBe(403);
    }
    expect(p.sessionCount()).toBe(0);
  });

  it('refuses a foreign Host header on upgrades and page loads (DNS rebinding)', async () => {
    const p = await pg.start();
    expect(
      await upgradeStatus(p.port, { host: `evil.example:${p.port}`, origin: `http://evil.example:${p.port}` }),
    ).toBe(403);
    expect(await getStatus(p.port, '/api/health', 'evil.example')).toBe(403);
    expect(await getStatus(p.port, '/', `evil.example:${p.port}`)).toBe(403);
    expect(await getStatus(p.port, '/api/health', `localhost:${p.port}`)).toBe(200);
    expect(await getStatus(p.port, '/api/health', `app.localhost:${p.port}`)).toBe(200);
    expect(await getStatus(p.port, '/api/health', `[::1]:${p.port}`)).toBe(200);
  });

  it('answers /api/health with JSON', async () => {
    const p = await pg.start();
    const res = await fetch(`${p.url}api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, protocolVersion: 1 });
  });

  it('refuses upgrades on other paths', async () => {
    const p = await pg.start();
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${p.port}/other`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(status).toBe(404);
  });
});
