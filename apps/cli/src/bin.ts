#!/usr/bin/env node
/**
 * The published command's entry: compiled to dist/socket-playground.js, with the built page in
 * ../web beside it (the repository runs the same program from scripts/start.ts with apps/web/dist).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { program } from './program.ts';

const here = (path: string): URL => new URL(path, import.meta.url);
const { version } = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as { version: string };
await program({ webRoot: fileURLToPath(here('../web')), version }).parseAsync(process.argv);
