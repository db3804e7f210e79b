import { bridgeUrl, httpRequest, upgradeStatus } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';

const SECURITY_HEADERS = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy'];

describe('the HTTP surface', () => {
  const pg = usePlaygrounds();

  it('compares the Origin’s scheme too: https:// or ws:// of the same host and port is not the page', async () => {
    const p = await pg.start({ mode: 'lan' });
    const host = `127.0.0.1:${p.port}`;
    expect(await upgradeStatus(bridgeUrl(p), { origin: `http://${host}` })).toBe(101);
    expect(await upgradeStatus(bridgeUrl(p), { origin: `HTTP://${host}` })).toBe(101);
    for (const origin of [`https://${host}`, `ws://${host}`, `http://${host}/path`, `http://${host}.`]) {
      expect(await upgradeStatus(bridgeUrl(p), { origin }), origin).toBe(403);
      const session = await httpRequest(p.port, '/api/session', { headers: { host, origin } });
      expect(session.status, origin).toBe(403);
      const join = await httpRequest(p.port, '/api/join', {
        method: 'POST',
        headers: { host, origin, 'content-type': 'application/json' },
        body: JSON.stringify({ code: p.joinCode, name: 'Ada' }),
      });
      expect(join.status, origin).toBe(403);
    }
    expect(p.sessionCount()).toBe(0);
  });

  it('answers unknown /api/ paths, other methods and /ws without an upgrade with JSON and the security headers', async () => {
    const p = await pg.start();
    const host = `127.0.0.1:${p.port}`;
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/api/'],
      ['POST', '/api/health'],
      ['DELETE', '/api/session'],
      ['GET', '/ws'],
    ] as const) {
      const res = await httpRequest(p.port, path, { method, headers: { host } });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers['content-type'], `${method} ${path}`).toMatch(/^application\/json/);
      expect(JSON.parse(res.body).error, `${method} ${path}`).toMatch(/nothing at/);
      expect(res.body).not.toMatch(/<html|Cannot GET|<pre>/i);
      for (const header of SECURITY_HEADERS) expect(res.headers[header], `${method} ${path} ${header}`).toBeTruthy();
    }
    const foreign = await httpRequest(p.port, '/api/health', { headers: { host: 'evil.example' } });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toEqual({ error: 'Host not allowed' });
    for (const header of SECURITY_HEADERS) expect(foreign.headers[header], header).toBeTruthy();
    expect(String(foreign.headers['content-security-policy'])).not.toContain('evil.example');
  });

  it('sends a Content-Security-Policy that allows only the page’s own scripts, styles, images and connections', async () => {
    const p = await pg.start();
    const host = `127.0.0.1:${p.port}`;
    const res = await httpRequest(p.port, '/', { headers: { host } });
    const csp = String(res.headers['content-security-policy']);
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    // Cross-origin isolated, so the Python panel's worker may block on shared memory.
    expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(directives.get('connect-src')).toEqual(["'self'", `ws://${host}`]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('img-src')).not.toContain('*');
  });
});
