// Builds the renderer (renderer/ → dist/renderer). Relative asset paths so the same build loads
// from the Electron shell and from the loopback HTTP bridge.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run serve` listens here by default; `vite` dev server forwards the API and media to it.
const apiTarget = process.env.NEWSDESK_API ?? 'http://127.0.0.1:5178';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/media': { target: apiTarget, changeOrigin: false },
      '/published': { target: apiTarget, changeOrigin: false },
    },
  },
});
