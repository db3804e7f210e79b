import { describeLessonFiles, readLessonFiles } from '../lessons/lesson-files.ts';

/** What a teacher's lesson folder holds, and what is wrong with any file in it. */
export async function lessonsBanner(dir: string): Promise<string[]> {
  try {
    const { loaded, problems } = describeLessonFiles(await readLessonFiles(dir));
    return [`Lessons from ${dir}: ${loaded} ready`, ...problems.map((p) => `  problem in ${p}`)];
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    return [`Lessons from ${dir} could not be read (${code}).`];
  }
}
