import { JoinReply, SessionInfo } from '@playground/protocol';
import { httpRequest, upgradeStatus } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION } from '../src/config/config.ts';
import type { Playground } from '../src/index.ts';
import { ManualClock, usePlaygrounds } from '../testing/index.ts';
import { peerServer } from './support/os.ts';

function join(p: Playground, body: unknown, headers: Record<string, string> = {}) {
  return httpRequest(p.port, '/api/join', {
    method: 'POST',
    headers: { host: `127.0.0.1:${p.port}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('LAN mode: who may connect', () => {
  const pg = usePlaygrounds();

  it('gives no token to a page: students join with the code and get their own token', async () => {
    const p = await pg.start({ mode: 'lan' });
    expect(p.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    const info = await httpRequest(p.port, '/api/session', { headers: { host: `127.0.0.1:${p.port}` } });
    expect(SessionInfo.parse(JSON.parse(info.body))).toEqual({ mode: 'lan', token: null });

    const typed = `${p.joinCode!.slice(0, 3).toLowerCase()}-${p.joinCode!.slice(3)}`;
    const joined = await join(p, { code: typed, name: '  Ada  ' });
    expect(joined.status).toBe(200);
    const { token, role } = JoinReply.parse(JSON.parse(joined.body));
    expect(role).toBe('student');
    expect(token).not.toBe(p.token);

    const student = await pg.client(p, {}, token);
    expect(student.welcome?.role).toBe('student');
    expect(student.welcome?.targetPolicy).toBe('servers of this playground only');
    const teacher = await pg.client(p);
    expect(teacher.welcome?.role).toBe('teacher');
    expect(await upgradeStatus(`ws://127.0.0.1:${p.port}/ws?token=${token.slice(0, -2)}`)).toBe(401);
  });

  it('slows down wrong codes: after 5 from one address in the window, even the right code gets 429', async () => {
    const clock = new ManualClock();
    const p = await pg.start({
      mode: 'lan',
      admission: { ...DEFAULT_ADMISSION, joinWindowMs: 800 },
      clocks: { admission: clock },
    });
    for (let i = 0; i < 5; i++) {
      const wrong = await join(p, { code: 'AAAAAA', name: 'Mallory' });
      expect(wrong.status, `attempt ${i + 1}`).toBe(403);
    }
    const locked = await join(p, { code: p.joinCode, name: 'Mallory' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(locked.body)).toMatchObject({ retryAfterS: 1 });
    // The window is on the admission clock: locked until the oldest wrong code leaves it, not a moment longer.
    clock.advance(799);
    expect((await join(p, { code: p.joinCode, name: 'Ada' })).status).toBe(429);
    clock.advance(1);
    expect((await join(p, { code: p.joinCode, name: 'Ada' })).status).toBe(200);
  });

  it('refuses joins from another site, malformed bodies, and joining in local mode', async () => {
    const p = await pg.start({ mode: 'lan' });
    expect((await join(p, { code: p.joinCode, name: 'Ada' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await join(p, { code: p.joinCode, name: 'Ada' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const broken = await join(p, '{"code":');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toEqual({ error: 'Bad request.' });
    expect((await join(p, { code: p.joinCode })).status).toBe(400);
    expect((await join(p, { code: p.joinCode, name: 'x'.repeat(41) })).status).toBe(400);
    expect((await join(p, 'x'.repeat(5000))).status).toBe(413);
    const local = await pg.start();
    expect((await join(local, { code: 'AAAAAA', name: 'Ada' })).status).toBe(404);
  });
});

describe('LAN mode: where sockets may go', () => {
  const pg = usePlaygrounds();

  it('lets a student reach servers of this playground only, by transport, for as long as they listen', async () => {
    const p = await pg.start({ mode: 'lan' });
    const a = await pg.client(p);
    const b = await pg.client(p);
    const tcp = (await a.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const wildcard = (await a.ok({ type: 'tcp.listen', host: '0.0.0.0', port: 0 })).socket!;
    const udp = (await a.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const peer = await peerServer(() => {});
    try {
      expect((await b.request({ type: 'tcp.connect', host: '127.0.0.1', port: tcp.local!.port })).ok).toBe(true);
      expect((await b.request({ type: 'tcp.connect', host: '127.0.0.1', port: wildcard.local!.port })).ok).toBe(true);
      const teacherService = await b.request({ type: 'tcp.connect', host: '127.0.0.1', port: peer.port });
      expect(teacherService).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      const wrongTransport = await b.request({
        type: 'udp.bind',
        host: '127.0.0.1',
        port: 0,
        remote: { host: '127.0.0.1', port: tcp.local!.port },
      });
      expect(wrongTransport).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      const udpClient = await b.ok({
        type: 'udp.bind',
        host: '127.0.0.1',
        port: 0,
        remote: { host: '127.0.0.1', port: udp.local!.port },
      });
      await b.ok({ type: 'socket.send', socketId: udpClient.socket!.id, data: { encoding: 'text', value: 'hi' } });
      await b.waitFor(() => b.eventsOf(udpClient.socket!.id, 'datagram-in').length === 1, 3000, 'UDP echo');

      await a.ok({ type: 'socket.close', socketId: tcp.id });
      const gone = await b.request({ type: 'tcp.connect', host: '127.0.0.1', port: tcp.local!.port });
      expect(gone).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    } finally {
      await peer.close();
    }
  });

  it('reaches more only with --allow-target', async () => {
    const peer = await peerServer(() => {});
    try {
      const p = await pg.start({ mode: 'lan', allowTargets: [`127.0.0.1:${peer.port}`] });
      const c = await pg.client(p);
      expect(c.welcome?.targetPolicy).toBe(`servers of this playground only, plus 127.0.0.1:${peer.port}`);
      expect((await c.request({ type: 'tcp.connect', host: '127.0.0.1', port: peer.port })).ok).toBe(true);
      const other = await c.request({ type: 'tcp.connect', host: '127.0.0.1', port: peer.port + 1 });
      expect(other).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    } finally {
      await peer.close();
    }
  });
});
