import { defineConfig } from 'vitest/config';

// Every package reports to test-results.json so .ci/run can sum the counts over the workspace.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each step of the consumer test sets its own limit (npm install: minutes on a cold cache).
    testTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
