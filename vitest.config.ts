import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'evals/**/*.test.ts'],
    // Tests spawn the `advisor` bin, which runs dist/: build it first when src/ changed.
    globalSetup: ['test/support/build-dist.ts'],
    // Limits that catch hangs, not slowness: on a shared two-core machine an ingest-backed setup
    // that takes 20 s alone took over 60 s beside other work.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // PGlite instances and HNSW builds are CPU-heavy; two cores here.
    maxWorkers: 2,
  },
});
