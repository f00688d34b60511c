import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The staff web app: built into dist/web, served by the API server at /app/. */
export default defineConfig({
  root: 'src/web',
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Old browsers on old PCs: a conservative target still covering every supported Chrome/Firefox/Yandex.
    target: 'es2020',
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
