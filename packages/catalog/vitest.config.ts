import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every package reports to test-results.json so .ci/run can sum the counts over the workspace.
export default defineConfig({
  // The examples import the package by name, as a user would.
  resolve: { alias: { '@spotify-lake/catalog': resolve(__dirname, 'src/index.ts') } },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
