import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { pyodideFiles } from './pyodide-files.ts';

/** The bridge's default address; in `vite dev` the page talks to it through these proxies. */
const BRIDGE = 'http://127.0.0.1:4780';

export default defineConfig({
  plugins: [react(), pyodideFiles()],
  // Relative addresses for the page's files (`./assets/…`), like its `api/…` and `ws` requests, so
  // that a reverse proxy can serve a class under a path of its own (`/class-3b/`).
  base: './',
  // Pyodide's module fetches its files itself, from `pyodide/` beside the page.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  server: {
    // Cross-origin isolated as the bridge serves it, so the Python panel works in `vite dev` too.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    proxy: {
      '/ws': { target: BRIDGE, ws: true },
      '/api': { target: BRIDGE },
    },
  },
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: their own chunks stay cached across releases, and
        // the page's first chunk holds only the playground's code. The charts (uPlot) and the QR code
        // stay with the network lab and the class page, which load on demand; the editor (CodeMirror,
        // Lezer) and Pyodide with the Python panel.
        // zod's no-eval switch is a chunk of its own so that it runs before the chunk holding the
        // protocol, whose modules parse defaults as they load (and would make zod probe for eval).
        codeSplitting: {
          groups: [
            { name: 'no-eval', test: /protocol[\\/]src[\\/]no-eval\.ts$/, priority: 2 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'vendor',
              test: /node_modules[\\/](?!\.pnpm[\\/]|uplot[\\/]|qrcode[\\/]|dijkstrajs[\\/]|pyodide[\\/]|@codemirror[\\/]|codemirror[\\/]|@lezer[\\/]|@marijn[\\/]|style-mod[\\/]|w3c-keyname[\\/]|crelt[\\/])/,
            },
          ],
        },
      },
    },
  },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
  },
});
