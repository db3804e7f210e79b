import { Lesson, LessonFiles, lessonProblems } from '@playground/protocol';

/** A lesson the page can offer, or a file that could not be used and why. */
export interface CatalogEntry {
  key: string;
  source: 'builtin' | 'teacher';
  file: string;
  lesson: Lesson | null;
  problems: string[];
}

export function checkLesson(file: string, data: unknown, source: CatalogEntry['source']): CatalogEntry {
  const parsed = Lesson.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || file}: ${i.message}`);
    return { key: `${source}:${file}`, source, file, lesson: null, problems };
  }
  const problems = lessonProblems(parsed.data);
  return { key: `${source}:${parsed.data.id}`, source, file, lesson: problems.length ? null : parsed.data, problems };
}

/**
 * A teacher's lessons from `--lessons DIR`, for the holder of `token` (the page's WebSocket token:
 * the bridge shows them to the class only); none when the bridge has no such folder or cannot be asked.
 */
export async function teacherLessons(
  token: string,
  fetchJson: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init),
): Promise<CatalogEntry[]> {
  try {
    const response = await fetchJson('api/lessons', {
      cache: 'no-store',
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
    });
    if (!response.ok) return [];
    const parsed = LessonFiles.safeParse(await response.json());
    if (!parsed.success) return [];
    return parsed.data.lessons
      .map(({ file, lesson, error }) =>
        error
          ? { key: `teacher:${file}`, source: 'teacher' as const, file, lesson: null, problems: [error] }
          : checkLesson(file, lesson, 'teacher'),
      )
      .sort(byOrder);
  } catch {
    return [];
  }
}

export function byOrder(a: CatalogEntry, b: CatalogEntry): number {
  const oa = a.lesson?.order ?? Number.POSITIVE_INFINITY;
  const ob = b.lesson?.order ?? Number.POSITIVE_INFINITY;
  return oa - ob || a.file.localeCompare(b.file);
}
