/**
 * `pnpm start`: builds the web app when its build is missing or older than its sources, then serves.
 * Arguments after `pnpm start` go to the server (`pnpm start --port 9000`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../apps/server/src/cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtPage = join(root, 'apps/web/dist/index.html');
const sources = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'packages/protocol/src',
  'packages/codec/src',
];

function newestMtime(path: string): number {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((name) => newestMtime(join(path, name))));
}

function needsBuild(): boolean {
  if (!existsSync(builtPage)) return true;
  const built = statSync(builtPage).mtimeMs;
  return sources.some((s) => newestMtime(s) > built);
}

if (needsBuild()) {
  console.log('Building the web app…');
  const result = spawnSync('pnpm', ['--filter', '@playground/web', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The web app did not build; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
await main();
