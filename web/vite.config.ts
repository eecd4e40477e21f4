import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
  // The manifest lets a test check what each route loads (the survey must stay small).
  build: { sourcemap: true, target: 'es2022', manifest: true },
  test: { environment: 'happy-dom' },
});
