import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The renderer is served from app://register/ (desktop) or http://127.0.0.1:PORT/ (browser
// mode); relative asset URLs work under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [vue()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
