import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The command a page's Attach box shows, run from this repository's sources the way a learner runs
 * it: `trace --url URL --code CODE -- args…`. Resolves with its exit status.
 */
export function traceWithCode(url: string, code: string, args: string[]): Promise<number | null> {
  const env = { ...process.env };
  delete env.INIT_CWD;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/trace/src/cli.ts', '--url', url, '--code', code, '--', ...args],
    { cwd: root, env, stdio: 'ignore' },
  );
  return new Promise((resolve) => child.once('exit', resolve));
}
