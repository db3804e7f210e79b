import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from '../src/auth/attempt-limiter.ts';
import { Credentials } from '../src/auth/credentials.ts';
import { normalizeJoinCode, randomJoinCode, safeEqual } from '../src/auth/tokens.ts';

describe('secrets', () => {
  it('compares secrets of any length without throwing (hashed, then timingSafeEqual on equal lengths)', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('', 'abc')).toBe(false);
    expect(safeEqual('a'.repeat(10_000), 'abc')).toBe(false);
  });

  it('makes 6-character join codes a teacher can read aloud, and accepts them typed loosely', () => {
    for (let i = 0; i < 50; i++) expect(randomJoinCode()).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(normalizeJoinCode(' k7q-x2m ')).toBe('K7QX2M');
  });

  it('identifies the local token, the teacher token and student tokens, and nothing else', () => {
    const local = new Credentials('local');
    expect(local.identify(local.token)).toEqual({ role: 'local' });
    expect(local.joinCode).toBeUndefined();
    expect(local.codeMatches('ABCDEF')).toBe(false);

    const lan = new Credentials('lan');
    expect(lan.identify(lan.token)).toEqual({ role: 'teacher' });
    expect(lan.codeMatches(lan.joinCode!.toLowerCase())).toBe(true);
    const joined = lan.addStudent('Ada', '10.0.0.7');
    if (!joined.ok) throw new Error('the join was refused');
    const student = joined.token;
    expect(lan.identify(student)).toEqual({ role: 'student', name: 'Ada', studentId: 'st1' });
    const [id, secret] = student.split('.') as [string, string];
    for (const forged of [`${id}.${secret.slice(1)}`, `${id}.`, id, `st999.${secret}`, '', null, local.token]) {
      expect(lan.identify(forged), String(forged)).toBeUndefined();
    }
  });
});

describe('the join attempt limiter', () => {
  it('locks an address out after N failures in the window, per address, until the oldest one expires', () => {
    let now = 0;
    const limiter = new AttemptLimiter(5, 60_000, () => now);
    for (let i = 0; i < 4; i++) {
      limiter.fail('10.0.0.7');
      now += 1000;
    }
    expect(limiter.retryAfterMs('10.0.0.7')).toBe(0);
    limiter.fail('10.0.0.7');
    expect(limiter.retryAfterMs('10.0.0.7')).toBe(56_000);
    expect(limiter.retryAfterMs('10.0.0.8')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfterMs('10.0.0.7')).toBe(0);
  });

  it('forgets addresses whose failures expired, so a scan cannot grow its memory', () => {
    let now = 0;
    const limiter = new AttemptLimiter(5, 1000, () => now);
    for (let i = 0; i < 1100; i++) limiter.fail(`10.0.${i >> 8}.${i & 255}`);
    now = 5000;
    limiter.fail('10.9.9.9');
    const size = (limiter as unknown as { failures: Map<string, number[]> }).failures.size;
    expect(size).toBe(1);
  });
});

describe('the joins of a class', () => {
  it('caps one address, forgets joins nobody used, keeps used ones, and takes joins back', () => {
    let now = 1_000_000;
    let changes = 0;
    const lan = new Credentials('lan', {
      maxJoinsPerAddress: 3,
      unusedJoinTtlMs: 60_000,
      now: () => now,
      onChange: () => changes++,
    });
    const tokens = ['a', 'b', 'c'].map((name) => lan.addStudent(name, '10.0.0.7'));
    expect(tokens.every((t) => t.ok)).toBe(true);
    expect(lan.addStudent('d', '10.0.0.7')).toEqual({ ok: false, reason: 'addressFull', max: 3 });
    expect(lan.addStudent('e', '10.0.0.8').ok).toBe(true);
    const [a, b] = tokens as [Extract<(typeof tokens)[0], { ok: true }>, Extract<(typeof tokens)[0], { ok: true }>];
    lan.used(a.studentId);
    expect(lan.joins().map((j) => [j.name, j.status, j.address])).toEqual([
      ['e', 'waiting', '10.0.0.8'],
      ['c', 'waiting', '10.0.0.7'],
      ['b', 'waiting', '10.0.0.7'],
      ['a', 'joined', '10.0.0.7'],
    ]);
    expect(lan.joins().find((j) => j.name === 'b')?.expiresAt).toBe(1_000_000 + 60_000);

    now += 60_000;
    expect(lan.identify(b.token)).toBeUndefined();
    expect(lan.identify(a.token)).toMatchObject({ role: 'student', studentId: a.studentId });
    expect(lan.joins().map((j) => j.name)).toEqual(['a']);
    expect(lan.addStudent('f', '10.0.0.7').ok).toBe(true);

    expect(lan.revoke([a.studentId, 'st999'])).toEqual([a.studentId]);
    expect(lan.identify(a.token)).toBeUndefined();
    expect(changes).toBeGreaterThanOrEqual(7);
    lan.close();
  });
});
