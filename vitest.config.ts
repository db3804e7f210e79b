import { defineConfig } from 'vitest/config';

const nodeProject = (name: string, root: string) => ({
  test: { name, root, include: ['test/**/*.test.ts'], environment: 'node' as const, testTimeout: 15_000 },
});

export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      nodeProject('protocol', 'packages/protocol'),
      nodeProject('codec', 'packages/codec'),
      nodeProject('wire', 'packages/wire'),
      nodeProject('engine', 'packages/engine'),
      nodeProject('trace', 'packages/trace'),
      nodeProject('server', 'apps/server'),
      { test: { ...nodeProject('cli', 'apps/cli').test, exclude: ['test/package.test.ts'] } },
      // The published package: needs the page built (`pnpm build`), so it runs with the browser tests.
      {
        test: {
          name: 'package',
          root: 'apps/cli',
          include: ['test/package.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      nodeProject('bench', 'bench'),
      'apps/web/vite.config.ts',
      {
        test: {
          name: 'e2e',
          root: 'e2e',
          include: ['**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
