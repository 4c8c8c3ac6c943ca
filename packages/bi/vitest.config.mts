import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Every package reports to test-results.json so .ci/run can sum the counts over the workspace.
export default defineConfig({
  // The examples import the package by name, as a user would.
  resolve: { alias: { '@spotify-lake/bi': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    // A test that imports a program loads @pulumi/aws (seconds on a busy 2-core machine): a limit, not a benchmark.
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
