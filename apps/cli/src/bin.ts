#!/usr/bin/env node
/**
 * The published command's entry: compiled to dist/socket-playground.js, with the built page in
 * ../web and the Python tracer in ../python beside it (the repository runs the same program from
 * scripts/start.ts with apps/web/dist, and `trace` with packages/trace/python).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { program } from './program.ts';

const here = (path: string): URL => new URL(path, import.meta.url);
const { version } = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as { version: string };
// Run from its sources (tests), `trace` takes packages/trace/python itself, never a stale copy.
const compiled = !import.meta.url.endsWith('.ts');
await program({
  webRoot: fileURLToPath(here('../web')),
  version,
  ...(compiled ? { shimDir: fileURLToPath(here('../python')) } : {}),
}).parseAsync(process.argv);
