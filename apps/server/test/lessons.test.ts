import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandBody, Lesson, LessonFiles, lessonProblems, resolveLessonCommand } from '@playground/protocol';
import { httpRequest } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { describeLessonFiles, readLessonFiles } from '../src/lessons/lesson-files.ts';
import { joinToken } from '../testing/classroom.ts';
import { usePlaygrounds } from '../testing/playground.ts';

const BUILTIN = new URL('../../web/src/lessons/', import.meta.url);

describe('lessons', () => {
  const pg = usePlaygrounds();

  it('the built-in lesson files are valid lessons whose commands are commands of this protocol', () => {
    const files = readdirSync(BUILTIN).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(9);
    for (const file of files) {
      const lesson = Lesson.parse(JSON.parse(readFileSync(new URL(file, BUILTIN), 'utf8')));
      expect(lessonProblems(lesson), file).toEqual([]);
    }
  });

  it('every command of every built-in lesson, run in order as the page runs them, works on a real bridge', async () => {
    const p = await pg.start();
    for (const file of readdirSync(BUILTIN).filter((f) => f.endsWith('.json'))) {
      const lesson = Lesson.parse(JSON.parse(readFileSync(new URL(file, BUILTIN), 'utf8')));
      const c = await pg.client(p);
      const names = new Map<string, { id: string; port?: number }>();
      for (const step of lesson.steps) {
        for (const { as, command } of [...(step.preset ?? []), ...(step.try?.commands ?? [])]) {
          const reply = await c.request(resolveLessonCommand(command, names) as CommandBody);
          expect(reply.ok ? 'ok' : reply.error, `${file} ${step.id} ${String(command.type)}`).toBe('ok');
          if (as && reply.ok && reply.result.socket) {
            names.set(as, { id: reply.result.socket.id, port: reply.result.socket.local?.port });
          }
        }
      }
      await c.close();
    }
  }, 30_000);

  it('serves a teacher’s folder at /api/lessons, read on every request, and says what is wrong with a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
    const good = JSON.parse(readFileSync(new URL('01-echo.json', BUILTIN), 'utf8'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ ...good, id: 'mine', title: 'My echo' }));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const p = await pg.start({ lessonsDir: dir });
    const get = async () => {
      const answer = await getLessons(p.port, p.token);
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      return LessonFiles.parse(JSON.parse(answer.body)).lessons;
    };
    const first = await get();
    expect(first.map((l) => l.file)).toEqual(['broken.json', 'mine.json']);
    expect(first[0]?.error).toMatch(/^not JSON \(a mistake at (character 3|line 1, column 3)\)$/);
    expect(first[1]?.lesson).toMatchObject({ id: 'mine', title: 'My echo' });
    writeFileSync(join(dir, 'second.json'), JSON.stringify({ ...good, id: 'second', steps: [] }));
    expect((await get()).map((l) => l.file)).toEqual(['broken.json', 'mine.json', 'second.json']);

    const { loaded, problems } = describeLessonFiles(await readLessonFiles(dir));
    expect(loaded).toBe(1);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/^second.json: not a lesson: steps: /);

    const none = await pg.start();
    const empty = await getLessons(none.port, none.token);
    expect(JSON.parse(empty.body)).toEqual({ lessons: [] });
  });

  it('serves /api/lessons to the class only: valid lessons, nothing outside the folder, no file quoted', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
    const good = JSON.parse(readFileSync(new URL('01-echo.json', BUILTIN), 'utf8'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ ...good, id: 'mine' }));
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ steps: [{ AWS_SECRET_KEY: 'hunter2-SECRET' }] }));
    writeFileSync(join(dir, 'keys.json'), JSON.stringify({ password: 'hunter2-SECRET' }));
    writeFileSync(join(dir, 'broken.json'), 'root:x:0:0 hunter2-SECRET');
    writeFileSync(join(outside, 'elsewhere.json'), JSON.stringify({ ...good, id: 'elsewhere' }));
    symlinkSync(join(outside, 'elsewhere.json'), join(dir, 'escape.json'));
    symlinkSync(outside, join(dir, 'up.json'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.json'));
    symlinkSync(join(dir, 'mine.json'), join(dir, 'alias.json'));
    const p = await pg.start({ mode: 'lan', lessonsDir: dir });

    for (const token of [undefined, 'wrong', `${p.token}x`]) {
      const refused = await getLessons(p.port, token);
      expect(refused.status, String(token)).toBe(401);
      expect(JSON.parse(refused.body)).toEqual({ error: expect.stringMatching(/for the class/) });
    }
    const student = await getLessons(p.port, await joinToken(p, 'Ada'));
    expect(student.status).toBe(200);
    const served = LessonFiles.parse(JSON.parse(student.body)).lessons;
    expect(served.map((l) => [l.file, (l.lesson as { id: string }).id])).toEqual([
      ['alias.json', 'mine'],
      ['mine.json', 'mine'],
    ]);

    const teacher = await getLessons(p.port, p.token);
    const all = LessonFiles.parse(JSON.parse(teacher.body)).lessons;
    const errors = Object.fromEntries(all.map((l) => [l.file, l.error ?? 'ok']));
    expect(errors).toEqual({
      'alias.json': 'ok',
      'broken.json': 'not JSON',
      'escape.json': 'it points outside the lessons folder, so it is not read',
      'keys.json': 'not a lesson: it does not have the lesson format (see docs/lessons.md)',
      'mine.json': 'ok',
      'passwd.json': 'it points outside the lessons folder, so it is not read',
      'secrets.json': 'not a lesson: format: not one of the allowed values',
      'up.json': 'it points outside the lessons folder, so it is not read',
    });
    for (const body of [student.body, teacher.body]) {
      expect(body).not.toMatch(/hunter2|SECRET|root:x|AWS_SECRET_KEY|password|elsewhere/);
    }
    const { loaded, problems } = describeLessonFiles(await readLessonFiles(dir));
    expect(loaded).toBe(2);
    expect(problems.join('\n')).not.toMatch(/hunter2|SECRET|root:x|AWS_SECRET_KEY|password|elsewhere/);
  });
});

function getLessons(port: number, token: string | undefined) {
  const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return httpRequest(port, '/api/lessons', { headers });
}
