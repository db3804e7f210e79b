import { byOrder, type CatalogEntry, checkLesson } from './catalog.ts';

/**
 * The built-in lessons: JSON files bundled with the page (apps/web/src/lessons), in a chunk of their
 * own that loads when the lessons are first needed, not with the page.
 */
const BUILTIN = import.meta.glob<unknown>('../../lessons/*.json', { eager: true, import: 'default' });

export function builtinLessons(): CatalogEntry[] {
  return Object.entries(BUILTIN)
    .map(([path, data]) => checkLesson(path.split('/').pop() ?? path, data, 'builtin'))
    .sort(byOrder);
}
