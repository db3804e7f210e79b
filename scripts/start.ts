/**
 * `pnpm start`: builds the web app when its build is missing or older than its sources, then runs
 * the `socket-playground` command from its sources. Arguments after `pnpm start` go to the command
 * (`pnpm start --port 9000`, `pnpm start --lan`). Runs the same on Linux, macOS and Windows: no
 * shell, Vite is started with this Node.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { program } from '../apps/cli/src/program.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const webDist = join(root, 'apps/web/dist');
const builtPage = join(webDist, 'index.html');
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
  const vite = join(root, 'apps/web/node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: join(root, 'apps/web'), stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The web app did not build; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
const { version } = JSON.parse(readFileSync(join(root, 'apps/cli/package.json'), 'utf8')) as { version: string };
await program({ webRoot: webDist, version }).parseAsync(process.argv);
