/**
 * No command nests deeper than a handful of levels or holds more than a few hundred values (the
 * largest is a lesson's progress: 200 numbers); a megabyte of text is a payload string, which
 * parses cheaply. These bounds leave room to spare.
 */
export const MAX_COMMAND_DEPTH = 32;
export const MAX_COMMAND_VALUES = 10_000;

/** A whole JSON string (the unrolled form, which V8 runs without backtracking), or one structural character. */
const TOKEN = /"[^"\\]*(?:\\[\s\S][^"\\]*)*"|[[\]{},:]/g;

/**
 * Why `raw` cannot be a command, found before JSON.parse builds it: deeper than MAX_COMMAND_DEPTH,
 * or more than MAX_COMMAND_VALUES tokens (strings, brackets, commas, colons). Parsing a megabyte of
 * `[[[[…` builds half a million arrays, about 200 ms of one core during which no other session is
 * served; this scan stops at the 33rd bracket. The regular expression skips whitespace, numbers and
 * a payload's megabyte of text natively. Undefined when the text may be a command (JSON.parse
 * still decides whether it is JSON at all).
 */
export function tooComplex(raw: string): string | undefined {
  if (raw.length <= MAX_COMMAND_VALUES && openers(raw) <= MAX_COMMAND_DEPTH) return undefined;
  let depth = 0;
  let tokens = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(raw); m !== null; m = TOKEN.exec(raw)) {
    if (++tokens > MAX_COMMAND_VALUES) return `it holds more than ${MAX_COMMAND_VALUES} values`;
    const c = m[0];
    if (c === '[' || c === '{') {
      if (++depth > MAX_COMMAND_DEPTH) return `it nests deeper than ${MAX_COMMAND_DEPTH} levels`;
    } else if (c === ']' || c === '}') {
      depth--;
    }
  }
  return undefined;
}

/**
 * Brackets that open, counted in strings too: a command of a few hundred characters (nearly every
 * one) has a handful, so it can neither nest too deep nor hold too many values (each value is at
 * least a character), and the scan above is skipped. Counting those in strings only over-counts.
 */
function openers(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 91 || c === 123) n++;
  }
  return n;
}
