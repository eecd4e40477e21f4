import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { precompress } from './build/precompress.ts';

export default defineConfig({
  plugins: [vue(), precompress()],
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
  // No source maps: the production server publishes only what the browser runs.
  build: { sourcemap: false, target: 'es2022' },
  test: { environment: 'happy-dom' },
});
