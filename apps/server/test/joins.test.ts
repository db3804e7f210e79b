import { CLOSE_REMOVED_FROM_CLASS, JoinReply } from '@playground/protocol';
import { bridgeUrl, httpRequest, sleep, upgradeStatus } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION } from '../src/config/config.ts';
import type { Playground } from '../src/index.ts';
import { lastRoster, openSession } from '../testing/classroom.ts';
import { usePlaygrounds } from '../testing/playground.ts';

/** `POST /api/join` from `from`: another loopback address stands in for another computer of the class. */
async function join(p: Playground, name: string, from = '127.0.0.1') {
  const answer = await httpRequest(p.port, '/api/join', {
    method: 'POST',
    headers: { host: `127.0.0.1:${p.port}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: p.joinCode, name }),
    localAddress: from,
  });
  const body = JSON.parse(answer.body);
  return { status: answer.status, retryAfter: answer.headers['retry-after'], body };
}

describe('joining a class cannot be flooded', () => {
  const pg = usePlaygrounds();

  it('limits joins per address in rate and in number, so a flood from one computer never fills the class', async () => {
    const p = await pg.start({ mode: 'lan' });
    const statuses: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 300 && performance.now() - started < 10_000; i++)
      statuses.push((await join(p, `bot${i}`)).status);
    expect(statuses.slice(0, DEFAULT_ADMISSION.joinBurst)).toEqual(Array(DEFAULT_ADMISSION.joinBurst).fill(200));
    expect(statuses.filter((s) => s === 200)).toHaveLength(DEFAULT_ADMISSION.joinBurst);
    const refused = await join(p, 'one more');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body).toEqual({ error: expect.stringMatching(/Too many joins/), retryAfterS: expect.any(Number) });
    // A classmate on another computer joins at once.
    const ada = await join(p, 'Ada', '127.0.0.2');
    expect(ada.status).toBe(200);
    expect(JoinReply.parse(ada.body).token).toMatch(/^st\d+\./);
  });

  it('caps the joins one address holds; waiting joins expire and free their place', async () => {
    const p = await pg.start({
      mode: 'lan',
      admission: { ...DEFAULT_ADMISSION, joinBurst: 100, joinsPerMinute: 6000, unusedJoinTtlMs: 400 },
    });
    const tokens: string[] = [];
    for (let i = 0; i < DEFAULT_ADMISSION.maxJoinsPerAddress; i++) {
      const answer = await join(p, `s${i}`, '127.0.0.3');
      expect(answer.status).toBe(200);
      tokens.push(answer.body.token);
    }
    const full = await join(p, 'too many', '127.0.0.3');
    expect(full.status).toBe(503);
    expect(full.body).toMatchObject({
      reason: 'addressFull',
      error: expect.stringMatching(/already joined the class 10 times/),
    });
    expect((await join(p, 'Bob', '127.0.0.4')).status).toBe(200);

    // One of them opens a session (that join is in use); the others are never used and expire.
    const used = await openSession(p, tokens[0] as string);
    await sleep(600);
    expect(
      await upgradeStatus(bridgeUrl({ port: p.port, token: tokens[1] as string }), {
        origin: `http://127.0.0.1:${p.port}`,
      }),
    ).toBe(401);
    expect((await join(p, 'back again', '127.0.0.3')).status).toBe(200);
    await used.close();
    expect(
      await upgradeStatus(bridgeUrl({ port: p.port, token: tokens[0] as string }), {
        origin: `http://127.0.0.1:${p.port}`,
      }),
    ).toBe(101);
  });

  it('shows the teacher every join with its address, and takes joins back: the student is told and the token dies', async () => {
    const p = await pg.start({ mode: 'lan', classroomIntervalMs: 20 });
    const teacher = await pg.client(p);
    await teacher.ok({ type: 'class.watch' });
    const ada = (await join(p, 'Ada', '127.0.0.5')).body.token as string;
    const bot = (await join(p, 'bot', '127.0.0.6')).body.token as string;
    await teacher.waitFor(() => lastRoster(teacher)?.joins.length === 2, 3000, 'two joins on the roster');
    expect(lastRoster(teacher)?.joins.map((j) => [j.name, j.address, j.status])).toEqual([
      ['bot', '127.0.0.6', 'waiting'],
      ['Ada', '127.0.0.5', 'waiting'],
    ]);
    const student = await openSession(p, ada);
    await student.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 });
    await teacher.waitFor(
      () => lastRoster(teacher)?.joins.find((j) => j.name === 'Ada')?.status === 'joined',
      3000,
      'Ada’s join in use',
    );
    const adaId = lastRoster(teacher)?.joins.find((j) => j.name === 'Ada')?.studentId as string;
    const botId = lastRoster(teacher)?.joins.find((j) => j.name === 'bot')?.studentId as string;

    const notTeacher = await student.request({ type: 'class.revoke', studentIds: [botId] });
    expect(notTeacher).toMatchObject({ ok: false, error: { code: 'not_allowed', params: { reason: 'teacherOnly' } } });
    await teacher.ok({ type: 'class.revoke', studentIds: [adaId, botId] });
    expect(await student.closed).toBe(CLOSE_REMOVED_FROM_CLASS);
    await teacher.waitFor(() => lastRoster(teacher)?.joins.length === 0, 3000, 'the joins to go');
    expect(lastRoster(teacher)?.students).toEqual([]);
    for (const token of [ada, bot]) {
      expect(await upgradeStatus(bridgeUrl({ port: p.port, token }), { origin: `http://127.0.0.1:${p.port}` })).toBe(
        401,
      );
    }
    // Taking a join back again, or one that expired, is not an error.
    expect((await teacher.request({ type: 'class.revoke', studentIds: [adaId] })).ok).toBe(true);
  });
});
