import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { precompress } from './build/precompress.ts';

export default defineConfig({
  plugins: [vue(), precompress()],
  // Vue features the app does not use (every component is <script setup>): smaller runtime.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
  build: {
    // No source maps: the production server publishes only what the browser runs.
    sourcemap: false,
    // dist/.vite/manifest.json: the server reads which files the survey needs, to announce them
    // with its page (Link: rel=modulepreload) instead of after the entry script ran.
    manifest: true,
    target: 'es2022',
    // No `modulepreload` polyfill in the entry (0.5 KB the survey's phone waits for): browsers
    // without modulepreload (Safari before 17, Firefox before 115) ignore the hints and load the
    // chunks as their imports are found: slower, never broken.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // TypeBox builders have no side effects, and neither has loading TypeBox: a schema nobody
      // reads (the survey reads none) is dropped with the code that builds it.
      treeshake: {
        manualPureFunctions: ['Type'],
        moduleSideEffects: (id) => (/[\\/]typebox@[^\\/]+[\\/]/.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          groups: [
            // The Vue runtime is one download, not two (every page needs both halves); with it the
            // helper that components with scoped styles share, rather than a request of its own.
            { name: 'vue', test: /node_modules[\\/]\.pnpm[\\/]@vue\+|plugin-vue:export-helper/ },
            // TypeBox only where schemas are built (admin screens), never next to the API client.
            { name: 'typebox', test: /node_modules[\\/]\.pnpm[\\/]typebox@/ },
            // The API client and the survey's early data request (main.ts starts it) in one file:
            // both come with the page's entry, and a file of its own costs a phone a response's
            // headers (about 1 KB) for a few hundred bytes. The state names too: the survey and the
            // admin screens (hire card, employer profile) both show them, and as a shared chunk
            // they were two more responses on the survey's first load. Vite's helper for loading a
            // page's chunks rides with them too, and so do the two small shared helpers the survey
            // and some admin screens use (US dates, sentence endings: 1.4 KB together), which were
            // two chunks of their own.
            {
              name: 'client',
              test: /[\\/]src[\\/](api[\\/]client|features[\\/]survey[\\/](first-load|states))\.ts$|[\\/]shared[\\/]src[\\/](routes[\\/]survey-endpoints|wotc[\\/](states|dates)|sentence)\.ts$|vite[\\/]preload-helper/,
            },
            // The generic components (dialogs, fields, tables, badges) that admin pages share: one JS
            // and one CSS download instead of a handful of tiny files.
            { name: 'components', test: /[\\/]web[\\/]src[\\/]components[\\/]/ },
          ],
        },
      },
    },
  },
  test: { environment: 'happy-dom' },
});
