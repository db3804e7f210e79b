/**
 * `pnpm dev`: the bridge restarting on change (tsx watch) and Vite's dev server with hot reload,
 * which proxies /ws and /api to the bridge.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const children = [
  spawn('pnpm', ['exec', 'tsx', 'watch', 'apps/server/src/cli.ts', '--verbose'], { cwd: root, stdio: 'inherit' }),
  spawn('pnpm', ['--filter', '@playground/web', 'dev'], { cwd: root, stdio: 'inherit' }),
];
const stop = (): void => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
