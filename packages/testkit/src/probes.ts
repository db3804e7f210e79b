import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * `python3` when installed; otherwise undefined, after saying which tests are skipped and how to
 * get it. `tests` names them: "the full-backlog test".
 */
export function findPython(tests: string): string | undefined {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return 'python3';
  } catch {
    console.warn(`Skipping ${tests}: python3 is not installed (apt-get install -y python3).`);
    return undefined;
  }
}

/** Debian's Chromium (apt-get install -y chromium), or the one CHROMIUM_PATH names. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
