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
    const student = lan.addStudent('Ada')!;
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
