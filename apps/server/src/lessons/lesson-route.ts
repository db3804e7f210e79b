import type { HttpError, LessonFiles } from '@playground/protocol';
import express, { type Request, type Router } from 'express';
import type { Credentials } from '../auth/credentials.ts';
import { readLessonFiles } from './lesson-files.ts';

/** The page sends its WebSocket token as `Authorization: Bearer <token>`. */
function tokenOf(req: Request): string | null {
  const m = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(req.headers.authorization ?? '');
  return m ? (m[1] as string) : null;
}

/**
 * `GET /api/lessons`: `{ lessons: [{ file, lesson, error? } …] }`, empty without --lessons. Only for
 * the class (a valid token: local page, teacher or student). A student gets the lessons that
 * validate; the teacher and a local page also get every other file's name and what is wrong with it.
 */
export function lessonRoutes(dir: string | undefined, credentials: Credentials): Router {
  const router = express.Router();
  router.get('/api/lessons', (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    const identity = credentials.identify(tokenOf(req));
    if (!identity) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(401).json({ error: 'Lessons are for the class: send the page’s token.' } satisfies HttpError);
      return;
    }
    if (!dir) {
      res.json({ lessons: [] } satisfies LessonFiles);
      return;
    }
    readLessonFiles(dir).then((files) => {
      const lessons = identity.role === 'student' ? files.filter((f) => f.error === undefined) : files;
      res.json({ lessons } satisfies LessonFiles);
    }, next);
  });
  return router;
}
