import type { Mode } from '@playground/protocol';

/** A learner's own program as the example in the command (their file, in their words). */
export interface AttachCommands {
  /** What to type: first the likeliest for this page, then the alternative. */
  lines: { label: 'local' | 'installed' | 'lan'; command: string }[];
}

/**
 * The command lines the page shows for attaching a program (docs/trace.md). On the playground's
 * own computer (local mode) no code is needed: `trace` finds the page through the bridge's runtime
 * file. In a class, a learner's laptop runs the installed command against this page's address, with
 * this page's code, which attaches to this session and no other.
 */
export function attachCommands(
  mode: Mode | null,
  /** The page's folder (`http://192.168.1.10:4780/`, or `https://school.example/class-3b/` behind a proxy). */
  pageBase: string,
  code: string | null,
  program: string,
): AttachCommands {
  const run = `python3 ${program}`;
  if (mode === 'lan') {
    const codeArg = code ? ` --code ${code}` : '';
    return { lines: [{ label: 'lan', command: `npx socket-playground trace --url ${pageBase}${codeArg} -- ${run}` }] };
  }
  return {
    lines: [
      { label: 'local', command: `pnpm trace -- ${run}` },
      { label: 'installed', command: `socket-playground trace -- ${run}` },
    ],
  };
}
