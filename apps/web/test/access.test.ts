import { describe, expect, it, vi } from 'vitest';
import { createAccess, postJoin, STORAGE } from '../src/features/join/model/access.ts';
import { welcome } from './support/render.tsx';
import { memoryStorage as memory } from './support/storage.ts';

function page(hash: string, mode: 'local' | 'lan') {
  const storages = { local: memory(), session: memory() };
  const location = { hash, pathname: '/', search: '' };
  const replaceHash = vi.fn((h: string) => {
    location.hash = h;
  });
  const fetchJson = vi.fn(async () => Response.json({ mode, token: mode === 'local' ? 'local-token' : null }));
  const access = createAccess({ location, replaceHash, storages, fetchJson });
  return { access, storages, location, replaceHash, fetchJson };
}

describe('who the page is', () => {
  it('local mode: the token of GET /api/session', async () => {
    const { access } = page('', 'local');
    expect(await access.token()).toBe('local-token');
    expect(access.store.getState().mode).toBe('local');
  });

  it('the teacher: the token of the link, kept for this tab and taken out of the address bar', async () => {
    const { access, storages, location } = page('#teacher=T0K&setup=abc', 'lan');
    expect(location.hash).toBe('#setup=abc');
    expect(storages.session.data.get(STORAGE.teacher)).toBe('T0K');
    expect(await access.token()).toBe('T0K');
    access.welcomed({ ...welcome, role: 'teacher' });
    expect(access.store.getState()).toMatchObject({ role: 'teacher', view: 'app' });
  });

  it('a student: the join screen first, then the token it got, remembered by this browser', async () => {
    const { access, storages } = page('#join=K7QX2M', 'lan');
    expect(access.store.getState().codeFromLink).toBe('K7QX2M');
    const token = access.token();
    await vi.waitFor(() => expect(access.store.getState().view).toBe('join'));
    access.store.getState().joined('st1.secret');
    expect(await token).toBe('st1.secret');
    expect(storages.local.data.get(STORAGE.student)).toBe('st1.secret');
    expect(await access.token()).toBe('st1.secret');
  });

  it('gives a stored token up after three refused connections: the bridge was restarted', async () => {
    const { access, storages } = page('', 'lan');
    storages.local.data.set(STORAGE.student, 'st1.old');
    for (let i = 0; i < 3; i++) expect(await access.token()).toBe('st1.old');
    const next = access.token();
    await vi.waitFor(() => expect(access.store.getState()).toMatchObject({ view: 'join', joinReason: 'expired' }));
    expect(storages.local.data.has(STORAGE.student)).toBe(false);
    access.store.getState().joined('st2.new');
    expect(await next).toBe('st2.new');
  });

  it('does not count a bridge that is down against the stored token', async () => {
    const { access, storages, fetchJson } = page('', 'lan');
    storages.local.data.set(STORAGE.student, 'st1.old');
    fetchJson.mockRejectedValue(new Error('down'));
    for (let i = 0; i < 5; i++) await expect(access.token()).rejects.toThrow('down');
    fetchJson.mockResolvedValue(Response.json({ mode: 'lan', token: null }));
    expect(await access.token()).toBe('st1.old');
  });
});

describe('POST /api/join', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    vi.fn(async () => Response.json(body, { status, headers }));

  it('says what went wrong in terms the join screen shows', async () => {
    expect(await postJoin('K7QX2M', 'Ada', answer(200, { token: 't', role: 'student' }))).toEqual({
      ok: true,
      token: 't',
    });
    expect(await postJoin('AAAAAA', 'Ada', answer(403, { error: 'x' }))).toMatchObject({
      ok: false,
      problem: 'wrongCode',
    });
    expect(
      await postJoin('AAAAAA', 'Ada', answer(429, { error: 'x', retryAfterS: 42 }, { 'retry-after': '42' })),
    ).toEqual({
      ok: false,
      problem: 'tooMany',
      retryAfterS: 42,
    });
    expect(await postJoin('', 'Ada', answer(400, { error: 'x' }))).toMatchObject({ problem: 'badInput' });
    expect(await postJoin('K7QX2M', 'Ada', answer(503, { error: 'x' }))).toMatchObject({ problem: 'classFull' });
    expect(
      await postJoin(
        'K7QX2M',
        'Ada',
        vi.fn(async () => Promise.reject(new Error('offline'))),
      ),
    ).toEqual({
      ok: false,
      problem: 'network',
    });
  });
});
