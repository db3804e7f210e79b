import type { IncomingMessage } from 'node:http';
import { PROTOCOL_VERSION, SessionInfo } from '@playground/protocol';
import { bridgeUrl, httpRequest, upgradeStatus } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HostCheck } from '../src/http/host-check.ts';
import { startPlayground } from '../src/index.ts';
import { checkUpgrade } from '../src/ws/upgrade-guard.ts';
import { usePlaygrounds } from '../testing/playground.ts';

describe('who may connect', () => {
  const pg = usePlaygrounds();

  it('accepts the page’s own origin and refuses foreign ones with 403 before any session exists', async () => {
    const p = await pg.start();
    const own = `http://127.0.0.1:${p.port}`;
    expect(await upgradeStatus(bridgeUrl(p), { origin: own })).toBe(101);
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1.evil.com:${p.port}`,
      'http://127.0.0.1:9999',
      `http://localhost:${p.port}`,
    ]) {
      expect(await upgradeStatus(bridgeUrl(p), { origin }), origin).toBe(403);
      // Origin is checked before the token: a foreign page learns nothing about tokens.
      expect(await upgradeStatus(`ws://127.0.0.1:${p.port}/ws`, { origin }), `${origin} without token`).toBe(403);
    }
    expect(p.sessionCount()).toBe(0);
  });

  it('refuses a foreign Host header on upgrades and page loads (DNS rebinding)', async () => {
    const p = await pg.start();
    expect(
      await upgradeStatus(bridgeUrl(p), { host: `evil.example:${p.port}`, origin: `http://evil.example:${p.port}` }),
    ).toBe(403);
    const status = async (path: string, host: string) =>
      (await httpRequest(p.port, path, { headers: { host } })).status;
    expect(await status('/api/health', 'evil.example')).toBe(403);
    expect(await status('/', `evil.example:${p.port}`)).toBe(403);
    expect(await status('/api/session', `evil.example:${p.port}`)).toBe(403);
    expect(await status('/api/health', `localhost:${p.port}`)).toBe(200);
    expect(await status('/api/health', `app.localhost:${p.port}`)).toBe(200);
    expect(await status('/api/health', `[::1]:${p.port}`)).toBe(200);
  });

  it('keeps the Host check on in LAN mode, where this machine’s IP literals and --allowed-host names pass', async () => {
    const p = await pg.start({ mode: 'lan', allowedHosts: ['lab.school.test'] });
    const status = async (host: string) => (await httpRequest(p.port, '/api/health', { headers: { host } })).status;
    expect(await status(`evil.example:${p.port}`)).toBe(403);
    expect(await status(`127.0.0.1:${p.port}`)).toBe(200);
    expect(await status(`lab.school.test:${p.port}`)).toBe(200);
    const origin = `http://evil.example:${p.port}`;
    expect(await upgradeStatus(bridgeUrl(p), { host: `evil.example:${p.port}`, origin })).toBe(403);
  });

  it('requires the per-start token: missing or wrong is 401 before the upgrade, and no session exists', async () => {
    const p = await pg.start();
    const other = await pg.start();
    const origin = `http://127.0.0.1:${p.port}`;
    expect(p.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.token).not.toBe(p.token);
    const base = `ws://127.0.0.1:${p.port}/ws`;
    for (const url of [
      base,
      `${base}?token=`,
      `${base}?token=wrong`,
      `${base}?token=${p.token.slice(0, -1)}`,
      `${base}?token=${p.token}x`,
      `${base}?token=${other.token}`,
    ]) {
      expect(await upgradeStatus(url, { origin }), url).toBe(401);
      expect(await upgradeStatus(url), `${url} without Origin`).toBe(401);
    }
    expect(p.sessionCount()).toBe(0);
    expect(await upgradeStatus(bridgeUrl(p), { origin })).toBe(101);
  });

  it('hands the token only to its own page: GET /api/session, no CORS, never cross-site', async () => {
    const p = await pg.start();
    const host = `127.0.0.1:${p.port}`;
    const own = await httpRequest(p.port, '/api/session', {
      headers: { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    expect(SessionInfo.parse(JSON.parse(own.body))).toEqual({ mode: 'local', token: p.token });
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
    expect(own.headers['cache-control']).toBe('no-store');
    expect((await httpRequest(p.port, '/api/session', { headers: { host } })).status).toBe(200);
    const foreign: Record<string, string>[] = [
      { host, origin: 'http://evil.example' },
      { host, origin: 'null' },
      { host, 'sec-fetch-site': 'cross-site' },
      { host, 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const refused = await httpRequest(p.port, '/api/session', { headers });
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.body).not.toContain(p.token);
    }
  });

  it('forbids framing the page and answers /api/health with JSON', async () => {
    const p = await pg.start();
    const res = await fetch(`${p.url}api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await res.json()).toMatchObject({ ok: true, protocolVersion: PROTOCOL_VERSION });
  });

  it('refuses to listen beyond loopback in local mode (the token would then be one GET away for the network)', async () => {
    await expect(startPlayground({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/use --lan/);
  });

  it('refuses upgrades on other paths', async () => {
    const p = await pg.start();
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${p.port}/other?token=${p.token}`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(status).toBe(404);
  });
});

describe('the upgrade guard on its own', () => {
  /** Only what the guard reads: headers and the peer address. */
  const request = (remoteAddress: string, headers: Record<string, string>) =>
    ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;
  const hosts = new HostCheck();

  it('accepts only this computer in local mode, even if the bridge were reachable from elsewhere', () => {
    const headers = { host: '127.0.0.1:4780', origin: 'http://127.0.0.1:4780' };
    expect(checkUpgrade(request('127.0.0.1', headers), hosts, 'local')).toEqual({ ok: true });
    expect(checkUpgrade(request('::ffff:127.0.0.1', headers), hosts, 'local')).toEqual({ ok: true });
    expect(checkUpgrade(request('192.168.1.50', headers), hosts, 'local')).toMatchObject({ ok: false, status: 403 });
    expect(checkUpgrade(request('192.168.1.50', headers), hosts, 'lan')).toEqual({ ok: true });
  });
});
