// Sums the vitest JSON reports of every workspace package that has a test script, and the pytest JUnit reports
// (pytest-results.xml) of packages with Python tests (etl: the Glue job on Spark).
// A package whose report is missing counts as one failure: its tests did not run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = [
  'etl',
  'queries',
  'dashboard',
  'pipeline',
  ...['packages', 'stacks', 'tools'].flatMap((dir) =>
    existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [],
  ),
];
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const root of roots) {
  const manifest = join(root, 'package.json');
  if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test) continue;
  const report = join(root, 'test-results.json');
  if (!existsSync(report)) {
    failed += 1;
    lines.push(`${root}: no test report (its tests did not run)`);
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  // A test file that fails to load has no test results but counts as a failed suite.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + brokenFiles;
  skipped += r.numPendingTests + r.numTodoTests;
  lines.push(
    `${root}: ${r.numPassedTests} passed, ${r.numFailedTests + brokenFiles} failed, ${r.numPendingTests} skipped`,
  );
  const pytest = pytestCounts(join(root, 'pytest-results.xml'));
  if (pytest) {
    passed += pytest.passed;
    failed += pytest.failed;
    skipped += pytest.skipped;
    lines.push(
      `${root} (pytest): ${pytest.passed} passed, ${pytest.failed} failed, ${pytest.skipped} skipped`,
    );
  }
  const sparkSkipped = join(root, 'spark-tests-skipped.txt');
  if (existsSync(sparkSkipped)) lines.push(`${root}: ${readFileSync(sparkSkipped, 'utf8').trim()}`);
}

/** Counts of a pytest JUnit report (`<testsuite tests= failures= errors= skipped=>`), or undefined when absent. */
function pytestCounts(report) {
  if (!existsSync(report)) return undefined;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const [suite] of readFileSync(report, 'utf8').matchAll(/<testsuite\b[^>]*>/g)) {
    const attribute = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? 0);
    const broken = attribute('failures') + attribute('errors');
    counts.failed += broken;
    counts.skipped += attribute('skipped');
    counts.passed += attribute('tests') - broken - attribute('skipped');
  }
  return counts;
}

for (const line of lines) console.log(line);
const total = passed + failed;
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || total === 0 ? 1 : 0);
