/**
 * Builds the published package: the command, the workspace packages and their third-party
 * dependencies compiled into dist/ with esbuild (a small first file; what answers requests is a
 * chunk loaded on the first request), the built page copied into web/, and the licences of the
 * bundled packages gathered into THIRD_PARTY_LICENSES.txt. The package has no dependencies, so
 * `npm install socket-playground-x.y.z.tgz` needs no registry: a school without internet access
 * can install it from the file.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const repo = join(pkgDir, '../..');
const webDist = join(repo, 'apps/web/dist');

function fail(why: string): never {
  console.error(`The package did not build: ${why}`);
  process.exit(1);
}

if (!existsSync(join(webDist, 'index.html'))) fail('the page is not built; run `pnpm build` (it builds both).');

for (const made of ['dist', 'web', 'python', 'LICENSE', 'THIRD_PARTY_LICENSES.txt'])
  rmSync(join(pkgDir, made), { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: pkgDir,
  // The wire view's capture runs in a worker thread: its module is an entry of its own, written
  // beside the chunks, where the compiled capture-service.ts looks for it.
  entryPoints: { 'socket-playground': 'src/bin.ts', 'chunks/capture-worker': '../server/src/wire/capture-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minifySyntax: true,
  minifyWhitespace: true,
  chunkNames: 'chunks/[name]-[hash]',
  // ws uses these native add-ons when they are installed and does without them otherwise.
  external: ['bufferutil', 'utf-8-validate'],
  // Express and its helpers are CommonJS and `require()` Node's modules, which an ES module lacks.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});
const workerUsers = Object.keys(metafile.outputs).filter((out) =>
  readFileSync(join(pkgDir, out), 'utf8').includes('"./capture-worker.js"'),
);
for (const out of workerUsers)
  if (!existsSync(join(pkgDir, dirname(out), 'capture-worker.js')))
    fail(`${out} starts ./capture-worker.js, which is not beside it.`);
if (workerUsers.length === 0) fail('no chunk starts the capture worker: has capture-service.ts changed?');
cpSync(webDist, join(pkgDir, 'web'), { recursive: true });
// `trace` puts this folder on a Python program's PYTHONPATH: it is data, not compiled code.
cpSync(join(repo, 'packages/trace/python'), join(pkgDir, 'python'), {
  recursive: true,
  filter: (source) => !source.includes('__pycache__'),
});
cpSync(join(repo, 'LICENSE'), join(pkgDir, 'LICENSE'));
const bundled = bundledPackages(metafile);
writeFileSync(join(pkgDir, 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses(bundled));

/** Every package under node_modules that went into the bundle: its name and folder. */
function bundledPackages(meta: Metafile): Map<string, string> {
  const packages = new Map<string, string>();
  for (const input of Object.keys(meta.inputs)) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const rest = input.slice(at + 'node_modules/'.length).split('/');
    const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] as string);
    packages.set(name, join(pkgDir, input.slice(0, at), 'node_modules', name));
  }
  return packages;
}

/** The licence text of every bundled package, which their licences ask copies to keep. */
function thirdPartyLicenses(packages: Map<string, string>): string {
  const sections = [...packages.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        version: string;
        license?: string;
      };
      const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${manifest.license ?? 'unknown'}`;
      return `${name}@${manifest.version} (${manifest.license ?? 'see below'})\n\n${text}`;
    });
  return `Socket Playground bundles these packages in dist/.\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`;
}

const size = (dir: string): number =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(dir, f)))
    .reduce((n, s) => n + (s.isFile() ? s.size : 0), 0);
console.log(
  `Built apps/cli: dist ${(size(join(pkgDir, 'dist')) / 1024).toFixed(0)} KiB (${bundled.size} packages bundled), web ${(size(join(pkgDir, 'web')) / 1024).toFixed(0)} KiB.`,
);
