import { defineConfig } from 'vitest/config';

// Every package reports to test-results.json so .ci/run can sum the counts over the workspace.
export default defineConfig({
  test: {
    // Generous limits, not benchmarks: a 2-core CI machine runs every package's tests at once.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
