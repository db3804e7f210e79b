import { FramingError } from './config.ts';

/**
 * `python` writes JSON the way the seeds' `json.dumps(value)` does (", " and ": " separators, every
 * non-ASCII character escaped as \uXXXX), so a message framed here is byte for byte what the seed's
 * Python would send. `compact` is JavaScript's JSON.stringify. Numbers are written the JavaScript
 * way in both styles: Python's `15.0` has no JavaScript counterpart to tell it from `15`.
 */
export type JsonStyle = 'python' | 'compact';

export function jsonText(value: unknown, style: JsonStyle = 'python'): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new FramingError('not-json', `This value cannot be written as JSON: ${(error as Error).message}.`);
  }
  if (text === undefined) throw new FramingError('not-json', `${typeof value} cannot be written as JSON.`);
  // Re-parsing gives the plain tree JSON.stringify saw (toJSON applied, undefined members gone).
  return style === 'compact' ? text : pythonDumps(JSON.parse(text));
}

function pythonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([key, member]) => `${asciiString(key)}: ${pythonDumps(member)}`);
    return `{${members.join(', ')}}`;
  }
  return typeof value === 'string' ? asciiString(value) : JSON.stringify(value);
}

/** Python's ensure_ascii: everything outside printable ASCII becomes \uXXXX, astral characters as surrogate pairs. */
function asciiString(s: string): string {
  return JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
