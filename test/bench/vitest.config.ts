import { defineConfig } from 'vitest/config';

// Benchmarks run on their own (`pnpm bench`), never as part of `pnpm test`. Those that need a
// database start their own engines (database.bench.ts); the first run may build them.
export default defineConfig({
  test: { benchmark: { include: ['bench/**/*.bench.ts'] }, hookTimeout: 900_000 },
});
