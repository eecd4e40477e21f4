import { defineConfig } from 'vitest/config';

// Benchmarks need no database; they run on their own, never as part of `pnpm test`.
export default defineConfig({
  test: { benchmark: { include: ['bench/**/*.bench.ts'] } },
});
