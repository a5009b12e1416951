import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // PGlite instances and per-file PostgreSQL databases are memory-hungry; two cores, two workers.
    maxWorkers: 2,
  },
});
