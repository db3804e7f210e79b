import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandBody, Lesson, LessonFiles, lessonProblems, resolveLessonCommand } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import { describeLessonFiles, readLessonFiles } from '../src/lessons/lesson-files.ts';
import { httpRequest } from './support/http.ts';
import { usePlaygrounds } from './support/playground.ts';

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
      const answer = await httpRequest(p.port, '/api/lessons', { headers: { host: `127.0.0.1:${p.port}` } });
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      return LessonFiles.parse(JSON.parse(answer.body)).lessons;
    };
    const first = await get();
    expect(first.map((l) => l.file)).toEqual(['broken.json', 'mine.json']);
    expect(first[0]?.error).toMatch(/^not JSON/);
    expect(first[1]?.lesson).toMatchObject({ id: 'mine', title: 'My echo' });
    writeFileSync(join(dir, 'second.json'), JSON.stringify({ ...good, id: 'second', steps: [] }));
    expect((await get()).map((l) => l.file)).toEqual(['broken.json', 'mine.json', 'second.json']);

    const { loaded, problems } = describeLessonFiles(await readLessonFiles(dir));
    expect(loaded).toBe(1);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/^second.json: steps: /);

    const none = await pg.start();
    const empty = await httpRequest(none.port, '/api/lessons', { headers: { host: `127.0.0.1:${none.port}` } });
    expect(JSON.parse(empty.body)).toEqual({ lessons: [] });
  });
});
