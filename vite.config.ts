import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  publicDir: false,
  build: { outDir: 'dist/web', emptyOutDir: true },
  worker: { format: 'es' },
  // Pre-bundle what the workers import too, so the dev server does not reload the page on first use.
  optimizeDeps: { include: ['d3', 'graphology', 'graphology-layout-forceatlas2', 'seedrandom', 'zod'] },
  server: { port: 5173 },
});
