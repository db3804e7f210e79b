import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { Lesson, type LessonFiles, lessonProblems } from '@playground/protocol';
import { describeLessonIssue } from './lesson-issues.ts';

/** Files one lessons folder may offer, and the size of one file. */
const MAX_FILES = 200;
const MAX_FILE_BYTES = 512 * 1024;

export type LessonFile = LessonFiles['lessons'][number];

/**
 * A teacher's own lessons: the `*.json` files in `--lessons DIR`, read again on each request so a
 * teacher can edit a lesson and reload the page. Only what is really inside the folder is read (a
 * symbolic link may point elsewhere in it, never out of it), and only a file that validates as a
 * lesson comes back with its content. Every other file comes back as its name and what is wrong
 * with it, in words that never quote the file (it may be anything: a planted secrets.json, a link
 * to /etc/passwd).
 */
export async function readLessonFiles(dir: string): Promise<LessonFile[]> {
  const root = await realpath(dir);
  const names = (await readdir(root)).filter((n) => n.endsWith('.json')).sort();
  const out: LessonFile[] = [];
  for (const file of names.slice(0, MAX_FILES)) {
    const entry = await readOne(root, file);
    if (entry) out.push(entry);
  }
  return out;
}

async function readOne(root: string, file: string): Promise<LessonFile | undefined> {
  let real: string;
  try {
    real = await realpath(join(root, file));
  } catch (err) {
    return { file, lesson: null, error: unreadable(err) };
  }
  if (!inside(root, real))
    return { file, lesson: null, error: 'it points outside the lessons folder, so it is not read' };
  let text: string;
  try {
    const info = await stat(real);
    if (!info.isFile()) return undefined;
    if (info.size > MAX_FILE_BYTES) return { file, lesson: null, error: `larger than ${MAX_FILE_BYTES / 1024} KiB` };
    text = await readFile(real, 'utf8');
  } catch (err) {
    return { file, lesson: null, error: unreadable(err) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { file, lesson: null, error: notJson(err) };
  }
  const parsed = Lesson.safeParse(json);
  if (!parsed.success) return { file, lesson: null, error: describeLessonIssue(json, parsed.error.issues) };
  const problems = lessonProblems(parsed.data);
  if (problems.length > 0) return { file, lesson: null, error: problems.join('; ') };
  return { file, lesson: parsed.data };
}

/** On Windows a path on another drive comes back from relative() absolute (`D:\x`): outside too. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function unreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code ? `it cannot be read (${code})` : 'it cannot be read';
}

/** V8's messages quote the text around the mistake; only where it is is kept. */
function notJson(err: unknown): string {
  const message = String((err as Error)?.message);
  const line = /line (\d+) column (\d+)/.exec(message);
  if (line) return `not JSON (a mistake at line ${line[1]}, column ${line[2]})`;
  const position = /at position (\d+)/.exec(message);
  return position ? `not JSON (a mistake at character ${Number(position[1]) + 1})` : 'not JSON';
}

/** How many lessons are ready and what is wrong with the other files, for the start-up banner. */
export function describeLessonFiles(files: readonly LessonFile[]): { loaded: number; problems: string[] } {
  const problems = files.filter((f) => f.error !== undefined).map((f) => `${f.file}: ${f.error}`);
  return { loaded: files.length - problems.length, problems };
}
