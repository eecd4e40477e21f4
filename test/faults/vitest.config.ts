import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`pnpm --filter @eligo/tests test:faults`; test/faults/README.md): one scenario
 * file at a time, since each times an outage and kills processes of its own.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['faults/**/*.test.ts'],
    globalSetup: ['faults/support/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
