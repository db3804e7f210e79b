import { fileURLToPath } from 'node:url';
import { main } from './main.ts';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(await main());
