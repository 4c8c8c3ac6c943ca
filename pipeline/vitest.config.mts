import { defineConfig } from 'vitest/config';

// Every package reports to test-results.json so .ci/run can sum the counts over the workspace.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
