import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The files Pyodide loads at run time beside the page (`pyodide/`), so the bridge serves the
 * interpreter itself and a class LAN needs no Internet. Only the Python panel fetches them.
 */
const FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
const TYPES: Record<string, string> = {
  mjs: 'text/javascript',
  wasm: 'application/wasm',
  zip: 'application/zip',
  json: 'application/json',
};

function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

export function pyodideFiles(): Plugin {
  let outDir = 'dist';
  return {
    name: 'pyodide-files',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const target = join(outDir, 'pyodide');
      mkdirSync(target, { recursive: true });
      for (const file of FILES) copyFileSync(join(pyodideDir(), file), join(target, file));
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.match(/\/pyodide\/([\w.-]+)$/)?.[1];
        if (!name || !FILES.includes(name)) return next();
        res.setHeader('Content-Type', TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
        createReadStream(join(pyodideDir(), name)).pipe(res);
      });
    },
  };
}
