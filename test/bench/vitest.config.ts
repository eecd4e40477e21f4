import { defineConfig } from 'vitest/config';

// Benchmarks run on their own, never as part of `pnpm test`. The ones that need a database get the
// same server the tests use (MONGODB_URI, else the embedded one), through the same global setup.
export default defineConfig({
  test: {
    benchmark: { include: ['bench/**/*.bench.ts'] },
    globalSetup: ['support/global-setup.ts'],
    hookTimeout: 3_600_000,
    testTimeout: 3_600_000,
  },
});
