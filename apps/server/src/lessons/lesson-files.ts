import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Lesson, type LessonFiles, lessonProblems } from '@playground/protocol';
import express, { type Router } from 'express';

/** Files one lessons folder may offer, and the size of one file. */
const MAX_FILES = 200;
const MAX_FILE_BYTES = 512 * 1024;

/**
 * A teacher's own lessons: every `*.json` file in `--lessons DIR`, read again on each request so a
 * teacher can edit a lesson and reload the page. The page validates them with the lesson schema.
 */
export async function readLessonFiles(dir: string): Promise<LessonFiles['lessons']> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const out: LessonFiles['lessons'] = [];
  for (const file of names.slice(0, MAX_FILES)) {
    const path = join(dir, file);
    try {
      const info = await stat(path);
      if (!info.isFile()) continue;
      if (info.size > MAX_FILE_BYTES) {
        out.push({ file, lesson: null, error: `larger than ${MAX_FILE_BYTES / 1024} KiB` });
        continue;
      }
      out.push({ file, lesson: JSON.parse(await readFile(path, 'utf8')) as unknown });
    } catch (err) {
      out.push({ file, lesson: null, error: err instanceof SyntaxError ? `not JSON: ${err.message}` : String(err) });
    }
  }
  return out;
}

/** What is wrong with each file, for the start-up banner: empty when every lesson is sound. */
export function describeLessonFiles(files: LessonFiles['lessons']): { loaded: number; problems: string[] } {
  const problems: string[] = [];
  let loaded = 0;
  for (const { file, lesson, error } of files) {
    if (error) {
      problems.push(`${file}: ${error}`);
      continue;
    }
    const parsed = Lesson.safeParse(lesson);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`${file}: ${issue?.path.join('.') || 'the file'}: ${issue?.message}`);
      continue;
    }
    const more = lessonProblems(parsed.data);
    if (more.length) problems.push(...more.map((p) => `${file}: ${p}`));
    else loaded++;
  }
  return { loaded, problems };
}

/** `GET /api/lessons`: `{ lessons: [{ file, lesson } …] }`, empty without --lessons. */
export function lessonRoutes(dir: string | undefined): Router {
  const router = express.Router();
  router.get('/api/lessons', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!dir) {
      res.json({ lessons: [] } satisfies LessonFiles);
      return;
    }
    readLessonFiles(dir).then((lessons) => res.json({ lessons } satisfies LessonFiles), next);
  });
  return router;
}
