import { MAX_ROSTER_SOCKETS, type RosterStudent } from '@playground/protocol';
import type { BridgeTestClient } from '@playground/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION, type PlaygroundConfig } from '../src/config/config.ts';
import type { Playground } from '../src/index.ts';
import { joinToken, lastClassInfo, lastRoster, messagesOf, openSession, spotlights } from '../testing/classroom.ts';
import { usePlaygrounds } from '../testing/playground.ts';

const CLASS: Partial<PlaygroundConfig> = { mode: 'lan', classroomIntervalMs: 50 };

function useClass() {
  const pg = usePlaygrounds();
  const opened: BridgeTestClient[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });
  return {
    start: (overrides: Partial<PlaygroundConfig> = {}) => pg.start({ ...CLASS, ...overrides }),
    teacher: (p: Playground) => pg.client(p),
    async student(p: Playground, name: string): Promise<BridgeTestClient> {
      const c = await openSession(p, await joinToken(p, name));
      opened.push(c);
      return c;
    },
  };
}

function studentNamed(c: BridgeTestClient, name: string): RosterStudent | undefined {
  return lastRoster(c)?.students.find((s) => s.name === name);
}

describe('the teacher’s commands', () => {
  const cls = useClass();

  it('are for the teacher only: students and local pages get not_allowed; anyone may report lesson progress', async () => {
    const p = await cls.start();
    const ada = await cls.student(p, 'Ada');
    expect(ada.welcome).toMatchObject({ role: 'student', name: 'Ada', studentId: 'st1' });
    for (const command of [
      { type: 'class.watch' },
      { type: 'class.allowPeers', allowed: true },
      { type: 'class.spotlight', studentId: 'st1' },
      { type: 'class.stopStudentSockets', studentId: 'st1' },
      { type: 'class.publish', socketId: 's1' },
    ] as const) {
      const reply = await ada.request(command);
      expect(reply, command.type).toMatchObject({
        ok: false,
        error: { code: 'not_allowed', params: { reason: 'teacherOnly' } },
      });
    }
    const progress = { lessonId: 'echo', title: 'Echo', step: 0, steps: 3, done: [] };
    expect((await ada.request({ type: 'lesson.progress', progress })).ok).toBe(true);

    const local = await cls.start({ mode: 'local' });
    const page = await cls.teacher(local);
    expect(page.welcome?.role).toBe('local');
    expect(await page.request({ type: 'class.watch' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('watches a roster: every student, their sockets with state and live counters, and their lesson progress', async () => {
    const p = await cls.start();
    const teacher = await cls.teacher(p);
    await teacher.ok({ type: 'class.watch' });
    await teacher.waitFor(() => lastRoster(teacher) !== undefined, 2000, 'first roster');
    expect(lastRoster(teacher)).toMatchObject({ joinCode: p.joinCode, students: [], allowPeers: false });
    expect(lastRoster(teacher)?.joinUrls).toEqual([`http://127.0.0.1:${p.port}/`]);

    const ada = await cls.student(p, 'Ada');
    const server = (await ada.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
    const client = (await ada.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    await ada.ok({
      type: 'socket.send',
      socketId: client.id,
      data: { encoding: 'text', value: 'hola mundo, 20 bytes' },
    });
    const progress = { lessonId: 'recv16', title: 'recv(16)', step: 1, steps: 4, done: [0] };
    await ada.ok({ type: 'lesson.progress', progress });

    // The echo can reach a roster sent before the progress was applied: wait for both.
    await teacher.waitFor(
      () => {
        const ada = studentNamed(teacher, 'Ada');
        return ada?.progress?.step === 1 && ada.sockets.find((s) => s.id === client.id)?.counters.bytesIn === 20;
      },
      3000,
      'Ada’s echoed bytes and lesson step on the roster',
    );
    const entry = studentNamed(teacher, 'Ada')!;
    expect(entry).toMatchObject({ studentId: 'st1', presence: 'connected', sessions: 1, progress, moreSockets: 0 });
    expect(entry.sockets.map((s) => [s.id, s.kind, s.state])).toEqual([
      [server.id, 'tcp-server', 'listening'],
      [client.id, 'tcp-client', 'established'],
      ['s3', 'tcp-conn', 'established'],
    ]);
    expect(entry.sockets[2]).toMatchObject({ parentId: server.id, counters: { bytesIn: 20, reads: 2 } });

    await ada.close();
    await teacher.waitFor(() => studentNamed(teacher, 'Ada')?.presence === 'gone', 3000, 'Ada gone');
  });

  it('lists the sockets a card shows, counts the rest, and totals every socket’s bytes and open sockets', async () => {
    const p = await cls.start();
    const teacher = await cls.teacher(p);
    await teacher.ok({ type: 'class.watch' });
    const ada = await cls.student(p, 'Ada');
    const server = (await ada.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const clients: string[] = [];
    for (let i = 0; i < 4; i++) {
      clients.push((await ada.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!.id);
    }
    // The last client is beyond the listed ones: its bytes still count.
    await ada.ok({ type: 'socket.send', socketId: clients[3]!, data: { encoding: 'text', value: 'seven b' } });
    await teacher.waitFor(() => studentNamed(teacher, 'Ada')?.totals.bytesIn === 14, 3000, 'the echo in Ada’s totals');
    const entry = studentNamed(teacher, 'Ada')!;
    expect(entry.sockets).toHaveLength(MAX_ROSTER_SOCKETS);
    expect(entry.moreSockets).toBe(9 - MAX_ROSTER_SOCKETS);
    expect(entry.sockets.some((s) => s.id === clients[3])).toBe(false);
    expect(entry.totals).toEqual({ bytesIn: 14, bytesOut: 14, openSockets: 9 });
  });

  it('publishes a server to the class: students see it and may use it; other servers of the teacher stay closed to them', async () => {
    const p = await cls.start();
    const teacher = await cls.teacher(p);
    const echo = (await teacher.ok({ type: 'tcp.listen', host: '0.0.0.0', port: 0, behaviour: 'echo' })).socket!;
    const hidden = (await teacher.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const ada = await cls.student(p, 'Ada');
    await ada.waitFor(() => lastClassInfo(ada) !== undefined, 2000, 'class info');
    expect(lastClassInfo(ada)).toEqual({ type: 'class', allowPeers: false, servers: [] });

    const refused = await ada.request({ type: 'tcp.connect', host: '127.0.0.1', port: echo.local!.port });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed', params: { reason: 'notShared' } } });

    await teacher.ok({ type: 'class.publish', socketId: echo.id });
    await ada.waitFor(() => (lastClassInfo(ada)?.servers.length ?? 0) === 1, 2000, 'the published server');
    expect(lastClassInfo(ada)?.servers[0]).toEqual({
      owner: 'teacher',
      socketId: echo.id,
      kind: 'tcp-server',
      host: '127.0.0.1',
      port: echo.local!.port,
      behaviour: 'echo',
      recvSize: 1024,
    });
    const client = (await ada.ok({ type: 'tcp.connect', host: '127.0.0.1', port: echo.local!.port })).socket!;
    await ada.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'hola' } });
    await ada.waitFor(() => ada.eventsOf(client.id, 'recv').length === 1, 3000, 'the echo');

    const other = await ada.request({ type: 'tcp.connect', host: '127.0.0.1', port: hidden.local!.port });
    expect(other).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await teacher.request({ type: 'class.publish', socketId: 's99' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_socket' },
    });

    await teacher.ok({ type: 'class.publish', socketId: echo.id, published: false });
    await ada.waitFor(() => lastClassInfo(ada)?.servers.length === 0, 2000, 'unpublished');
    const after = await ada.request({ type: 'tcp.connect', host: '127.0.0.1', port: echo.local!.port });
    expect(after).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('lets students use each other’s servers only while the teacher allows it', async () => {
    const p = await cls.start();
    const teacher = await cls.teacher(p);
    const ada = await cls.student(p, 'Ada');
    const bob = await cls.student(p, 'Bob');
    const bobServer = (await bob.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const own = (await ada.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    expect((await ada.request({ type: 'tcp.connect', host: '127.0.0.1', port: own.local!.port })).ok).toBe(true);
    const before = await ada.request({ type: 'tcp.connect', host: '127.0.0.1', port: bobServer.local!.port });
    expect(before).toMatchObject({ ok: false, error: { code: 'not_allowed', params: { reason: 'notShared' } } });

    await teacher.ok({ type: 'class.allowPeers', allowed: true });
    await ada.waitFor(
      () => lastClassInfo(ada)?.servers.some((s) => s.ownerName === 'Bob' && s.port === bobServer.local!.port) === true,
      2000,
      'Bob’s server listed for Ada',
    );
    expect(lastClassInfo(ada)?.allowPeers).toBe(true);
    expect(lastClassInfo(ada)?.servers.some((s) => s.ownerName === 'Ada')).toBe(false);
    expect((await ada.request({ type: 'tcp.connect', host: '127.0.0.1', port: bobServer.local!.port })).ok).toBe(true);

    await teacher.ok({ type: 'class.allowPeers', allowed: false });
    const again = await ada.request({ type: 'tcp.connect', host: '127.0.0.1', port: bobServer.local!.port });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('stops one student’s sockets, telling the student why; the others keep theirs', async () => {
    const p = await cls.start();
    const teacher = await cls.teacher(p);
    const ada = await cls.student(p, 'Ada');
    const bob = await cls.student(p, 'Bob');
    const adaServer = (await ada.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const adaClient = (await ada.ok({ type: 'tcp.connect', host: '127.0.0.1', port: adaServer.local!.port })).socket!;
    const bobServer = (await bob.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;

    await teacher.ok({ type: 'class.stopStudentSockets', studentId: ada.welcome!.studentId! });
    await ada.waitFor(
      () => ada.closedSockets.has(adaServer.id) && ada.closedSockets.has(adaClient.id),
      3000,
      'Ada’s sockets closed',
    );
    expect(messagesOf(ada, 'notice').map((n) => n.code)).toContain('teacher');
    // The roster keeps showing them, closed, so the teacher sees what was stopped.
    await teacher.ok({ type: 'class.watch' });
    await teacher.waitFor(
      () => studentNamed(teacher, 'Ada')?.sockets.every((x) => x.state === 'closed') === true,
      2000,
      'Ada’s closed sockets on the roster',
    );
    expect(studentNamed(teacher, 'Ada')?.sockets).toHaveLength(3);
    expect(bob.closedSockets.has(bobServer.id)).toBe(false);
    expect((await ada.request({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).ok).toBe(true);
    expect(await teacher.request({ type: 'class.stopStudentSockets', studentId: 'st404' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_student' },
    });
  });

  it('spotlights one student: their sockets and recent events first, then every batch their page gets', async () => {
    const p = await cls.start();
    const teacher = await cls.teacher(p);
    const ada = await cls.student(p, 'Ada');
    const server = (await ada.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
    const client = (await ada.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    await ada.waitFor(() => ada.eventsOf(client.id, 'connected').length === 1, 2000, 'connected');

    await teacher.ok({ type: 'class.spotlight', studentId: ada.welcome!.studentId! });
    await teacher.waitFor(() => spotlights(teacher).length > 0, 2000, 'the spotlight state');
    const first = spotlights(teacher)[0]!;
    expect(first).toMatchObject({ studentId: 'st1', name: 'Ada', sessionId: ada.welcome!.sessionId });
    expect(first.state?.sockets.map((s) => s.socket.id)).toEqual([server.id, client.id, 's3']);
    expect(first.state?.events.some((e) => e.type === 'connected' && e.socketId === client.id)).toBe(true);

    await ada.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'x'.repeat(40) } });
    const recvs = () =>
      spotlights(teacher)
        .flatMap((m) => m.batch?.events ?? [])
        .filter((e) => e.type === 'recv' && e.socketId === 's3');
    await teacher.waitFor(() => recvs().length === 3, 3000, 'Ada’s three recv(16) pieces in the spotlight');
    expect(recvs().map((e) => (e.type === 'recv' ? e.size : 0))).toEqual([16, 16, 8]);

    await teacher.ok({ type: 'class.spotlight', studentId: null });
    expect(spotlights(teacher).at(-1)).toEqual({ type: 'spotlight', studentId: null });
    const count = spotlights(teacher).length;
    await ada.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'more' } });
    const echoed = () => ada.eventsOf(client.id, 'recv').reduce((n, e) => n + e.size, 0);
    await ada.waitFor(() => echoed() === 44, 2000, 'echo');
    expect(spotlights(teacher).length).toBe(count);
  });
});

describe('a class of 40', () => {
  const cls = useClass();

  it('keeps the roster current and small: 40 busy students, a few updates a second', async () => {
    // In a classroom every student has an address of their own; here all 41 pages share 127.0.0.1.
    const admission = {
      ...DEFAULT_ADMISSION,
      maxSessionsPerAddress: 50,
      upgradesPerSecond: 100,
      upgradeBurst: 100,
      joinBurst: 50,
      maxJoinsPerAddress: 50,
    };
    const p = await cls.start({ classroomIntervalMs: 500, admission });
    const teacher = await cls.teacher(p);
    await teacher.ok({ type: 'class.watch' });
    const started = performance.now();
    const students = await Promise.all(
      Array.from({ length: 40 }, (_, i) => cls.student(p, `Student ${String(i + 1).padStart(2, '0')}`)),
    );
    const clients = await Promise.all(
      students.map(async (s) => {
        const server = (await s.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
        return (await s.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
      }),
    );
    await teacher.waitFor(
      () =>
        lastRoster(teacher)?.students.filter((s) => s.presence === 'connected' && s.sockets.length === 3).length === 40,
      10_000,
      'all 40 students with 3 sockets each',
    );
    const ready = performance.now() - started;

    // Everyone sends for two seconds; the roster must follow without flooding the teacher.
    const rostersBefore = messagesOf(teacher, 'roster').length;
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) {
      await Promise.all(
        students.map((s, i) =>
          s.ok({ type: 'socket.send', socketId: clients[i]!.id, data: { encoding: 'text', value: 'hola mundo!!' } }),
        ),
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    const clientOf = (s: RosterStudent) => s.sockets.find((x) => x.kind === 'tcp-client');
    await teacher.waitFor(
      () =>
        lastRoster(teacher)?.students.every((s) => {
          const c = clientOf(s)?.counters;
          return c !== undefined && c.bytesOut > 0 && c.bytesIn === c.bytesOut;
        }) === true,
      3000,
      'every echo counted',
    );
    const rosters = messagesOf(teacher, 'roster').slice(rostersBefore);
    const seconds = (performance.now() - t0) / 1000;
    expect(rosters.length / seconds).toBeLessThanOrEqual(3);
    expect(rosters.length).toBeGreaterThanOrEqual(3);
    const size = JSON.stringify(rosters.at(-1)).length;
    expect(size).toBeLessThan(200_000);
    const totals = lastRoster(teacher)!.students.map((s) => clientOf(s)!.counters.bytesOut);
    expect(totals.every((n) => n > 0 && n % 12 === 0)).toBe(true);
    console.log(
      `40 students: roster complete after ${Math.round(ready)} ms; ${rosters.length} rosters in ${seconds.toFixed(1)} s, ${size} bytes each`,
    );
  }, 60_000);
});
