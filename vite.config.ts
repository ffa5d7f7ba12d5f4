import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  publicDir: false,
  build: { outDir: 'dist/web', emptyOutDir: true },
  worker: { format: 'es' },
  server: { port: 5173 },
});
