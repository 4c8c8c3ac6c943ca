import { defineConfig } from 'vitest/config';

// Every package reports to test-results.json so .ci/run can sum the counts over the workspace.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that build a lake with the ETL or drive chromium take seconds on a busy 2-core machine: a limit,
    // not a benchmark.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
