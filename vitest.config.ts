import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'evals/**/*.test.ts'],
    // Tests spawn the `advisor` bin, which runs dist/: build it first when src/ changed.
    globalSetup: ['test/support/build-dist.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite instances and HNSW builds are CPU-heavy; two cores here.
    maxWorkers: 2,
  },
});
