import { execFileSync } from 'node:child_process';

/** `python3` when installed; otherwise undefined, after saying which tests are skipped and how to get it. */
export function findPython(tests: string): string | undefined {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return 'python3';
  } catch {
    console.warn(`Skipping ${tests}: python3 is not installed (apt-get install -y python3).`);
    return undefined;
  }
}
