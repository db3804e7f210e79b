interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
  maximum?: unknown;
  minimum?: unknown;
}

/** A path segment that is a schema's field name or an index; anything else could be the file's own text. */
const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/**
 * What is wrong with a file that did not validate as a lesson, from zod's issue codes and the
 * schema's own limits only: never a value, key or message taken from the file. A file that does not
 * even look like a lesson (an object with `steps`) is just "not a lesson".
 */
export function describeLessonIssue(json: unknown, issues: readonly Issue[]): string {
  const looksLikeLesson =
    typeof json === 'object' &&
    json !== null &&
    !Array.isArray(json) &&
    Array.isArray((json as { steps?: unknown }).steps);
  if (!looksLikeLesson) return 'not a lesson: it does not have the lesson format (see docs/lessons.md)';
  const issue = issues[0];
  if (!issue) return 'not a lesson';
  const where = issue.path.map((p) => (typeof p === 'number' || FIELD.test(String(p)) ? String(p) : '…')).join('.');
  return `not a lesson: ${where || 'the file'}: ${what(issue)}`;
}

function what(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return typeof issue.expected === 'string' ? `expected ${issue.expected}` : 'the wrong type';
    case 'too_big':
      return typeof issue.maximum === 'number' ? `too long or too large (at most ${issue.maximum})` : 'too long';
    case 'too_small':
      return typeof issue.minimum === 'number' ? `too short or too small (at least ${issue.minimum})` : 'too short';
    case 'invalid_value':
      return 'not one of the allowed values';
    case 'unrecognized_keys':
      return 'a field the lesson format does not have';
    case 'invalid_union':
      return 'none of the allowed shapes';
    case 'invalid_format':
      return 'not in the expected format';
    default:
      return 'not valid here';
  }
}
