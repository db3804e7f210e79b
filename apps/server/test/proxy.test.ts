/**
 * A class behind a reverse proxy (docs/deploy.md): `--public-url` says where students really open
 * the page, `--trust-proxy` which peer may name the student's computer in X-Forwarded-For.
 */
import { JoinReply } from '@playground/protocol';
import { httpRequest, upgradeStatus } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { lastRoster } from '../testing/classroom.ts';
import { usePlaygrounds } from '../testing/playground.ts';

const pg = usePlaygrounds();
const PUBLIC = 'https://school.example/class-3b/';

describe('behind a reverse proxy', () => {
  it('--public-url: its host and its https origin are the page’s own; other sites still are not', async () => {
    const p = await pg.start({ mode: 'lan', publicUrls: [PUBLIC] });
    const health = (host: string) => httpRequest(p.port, '/api/health', { headers: { host } });
    expect((await health('school.example')).status).toBe(200);
    expect((await health('evil.example')).status).toBe(403);

    const ws = `ws://127.0.0.1:${p.port}/ws?token=${p.token}`;
    // The proxy forwards Host (nginx: proxy_set_header Host $host); the browser's Origin is https.
    expect(await upgradeStatus(ws, { host: 'school.example', origin: 'https://school.example' })).toBe(101);
    expect(await upgradeStatus(ws, { host: 'school.example', origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(ws, { host: 'school.example', origin: 'https://school.example.evil.example' })).toBe(
      403,
    );
    // Or passes its own address as Host: the public origin is still accepted, nothing else is.
    expect(await upgradeStatus(ws, { host: `127.0.0.1:${p.port}`, origin: 'https://school.example' })).toBe(101);

    const join = (origin: string) =>
      httpRequest(p.port, '/api/join', {
        method: 'POST',
        headers: { host: 'school.example', origin, 'content-type': 'application/json' },
        body: JSON.stringify({ code: p.joinCode, name: 'Ada' }),
      });
    expect((await join('https://school.example')).status).toBe(200);
    expect((await join('https://evil.example')).status).toBe(403);
  });

  it('--public-url: the teacher’s page shows it as the address students open', async () => {
    const p = await pg.start({ mode: 'lan', publicUrls: [PUBLIC, 'http://10.0.0.5:8080'] });
    const teacher = await pg.client(p);
    await teacher.ok({ type: 'class.watch' });
    await teacher.waitFor(() => lastRoster(teacher) !== undefined, 5000, 'roster');
    expect(lastRoster(teacher)?.joinUrls).toEqual([PUBLIC, 'http://10.0.0.5:8080/']);
    expect(p.publicUrls).toEqual([PUBLIC, 'http://10.0.0.5:8080/']);
  });

  it('refuses --public-url in local mode and addresses that cannot serve the page', async () => {
    await expect(pg.start({ publicUrls: [PUBLIC] })).rejects.toThrow(/--public-url is for a class/);
    for (const bad of [
      'school.example',
      'ftp://school.example/',
      'https://school.example/?a=1',
      'https://u:p@school.example/',
    ])
      await expect(pg.start({ mode: 'lan', publicUrls: [bad] }), bad).rejects.toThrow(`--public-url ${bad}:`);
  });

  const joinAs = (port: number, forwardedFor: string | undefined, name: string) =>
    httpRequest(port, '/api/join', {
      method: 'POST',
      headers: {
        host: `127.0.0.1:${port}`,
        'content-type': 'application/json',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify({ code: 'WRONG1', name }),
    });

  it('--trust-proxy: per-computer limits count the students the proxy names, not the proxy', async () => {
    const p = await pg.start({ mode: 'lan', trustProxies: ['127.0.0.0/8'] });
    // Five wrong codes lock one computer out; ten students behind the proxy are ten computers.
    for (let i = 1; i <= 10; i++) expect((await joinAs(p.port, `192.168.1.${i}`, `s${i}`)).status).toBe(403);
    const right = await httpRequest(p.port, '/api/join', {
      method: 'POST',
      headers: { host: `127.0.0.1:${p.port}`, 'content-type': 'application/json', 'x-forwarded-for': '192.168.1.1' },
      body: JSON.stringify({ code: p.joinCode, name: 'Ada' }),
    });
    expect(JoinReply.parse(JSON.parse(right.body)).token).toBeTruthy();
    // The hop the client wrote itself (leftmost) is not believed; the one the proxy added is.
    for (let i = 0; i < 5; i++) await joinAs(p.port, `10.0.0.${i}, 192.168.2.1`, 'x');
    expect((await joinAs(p.port, '10.0.0.99, 192.168.2.1', 'x')).status).toBe(429);
    expect((await joinAs(p.port, '192.168.2.2', 'y')).status).toBe(403);
  });

  it('--trust-proxy: X-Forwarded-For from anyone else is ignored', async () => {
    const p = await pg.start({ mode: 'lan', trustProxies: ['10.9.9.9'] });
    for (let i = 1; i <= 5; i++) expect((await joinAs(p.port, `192.168.1.${i}`, `s${i}`)).status).toBe(403);
    expect((await joinAs(p.port, '192.168.1.6', 's6')).status).toBe(429);
    await expect(pg.start({ mode: 'lan', trustProxies: ['proxy.local'] })).rejects.toThrow(
      /--trust-proxy proxy\.local/,
    );
  });
});
