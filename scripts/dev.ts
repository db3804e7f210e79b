/**
 * `pnpm dev`: the bridge restarting on change (tsx watch) and Vite's dev server with hot reload,
 * which proxies /ws and /api to the bridge. Both are started with this Node, without a shell, so it
 * runs the same on Windows.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const vite = join(root, 'apps/web/node_modules/vite/bin/vite.js');
const children = [
  spawn(process.execPath, [tsx, 'watch', 'apps/cli/src/bin.ts', '--verbose'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, [vite], { cwd: join(root, 'apps/web'), stdio: 'inherit' }),
];
const stop = (): void => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
