import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The published package's folder, apps/cli. */
const pkgDir = fileURLToPath(new URL('../../../../apps/cli/', import.meta.url));
const repo = join(pkgDir, '../..');

/** The published package installed the way a teacher installs it, in a folder of its own. */
export interface InstalledPackage {
  /** The folder it was installed in (`npx socket-playground` runs from here). */
  dir: string;
  /** node_modules/.bin/socket-playground. */
  bin: string;
  /** Where the tarball and the install live; removed by `remove()`. */
  work: string;
  remove(): void;
}

/** npm, without a shell, bounded in time; its output is kept for the failure message. */
function npm(args: string[], cwd: string): string {
  const run = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    shell: process.platform === 'win32',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${run.status}): ${run.stdout}${run.stderr}`);
  return run.stdout;
}

/**
 * `npm pack` of apps/cli (its prepack compiles the command and copies the page, which `pnpm build`
 * must have built), then `npm install` of the tarball into an empty folder.
 */
export function packAndInstall(): InstalledPackage {
  if (!existsSync(join(repo, 'apps/web/dist/index.html')))
    throw new Error('the page is not built: run `pnpm build` first (`pnpm test` does).');
  const work = mkdtempSync(join(tmpdir(), 'socket-playground-pack-'));
  const tarball = npm(['pack', '--silent', '--pack-destination', work], pkgDir).trim().split('\n').at(-1) as string;
  const dir = join(work, 'teacher');
  mkdirSync(dir);
  npm(['install', '--prefer-offline', '--no-save', join(work, tarball)], dir);
  return {
    dir,
    bin: join(dir, 'node_modules/.bin/socket-playground'),
    work,
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}
