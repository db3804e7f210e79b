import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The bridge's default address; in `vite dev` the page talks to it through these proxies. */
const BRIDGE = 'http://127.0.0.1:4780';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/ws': { target: BRIDGE, ws: true },
      '/api': { target: BRIDGE },
    },
  },
  build: { outDir: 'dist' },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
  },
});
