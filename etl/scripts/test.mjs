// The etl package's `pnpm test`: makes (or reuses) the Python environment of the Glue job, then runs vitest and
// the job's pytest suite on real Spark. Reports: test-results.json (vitest) and pytest-results.xml (pytest), both
// summed by .ci/sum-test-results.mjs. On a machine without Java or Python the Spark tests are skipped with one line
// saying what to install, written to spark-tests-skipped.txt too, which .ci/run refuses.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ETL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKIPPED_FILE = join(ETL_DIR, 'spark-tests-skipped.txt');
const PYTEST_REPORT = join(ETL_DIR, 'pytest-results.xml');
const { ensurePythonEnv, SparkUnavailableError } = require('../dist/spark/python-env.js');

rmSync(SKIPPED_FILE, { force: true });
rmSync(PYTEST_REPORT, { force: true });

let env;
try {
  env = await ensurePythonEnv();
} catch (error) {
  if (!(error instanceof SparkUnavailableError)) throw error;
  const line = `Spark tests skipped: ${error.message}`;
  writeFileSync(SKIPPED_FILE, `${line}\n`);
  process.stderr.write(`${line}\n`);
}

const run = (command, args, options = {}) =>
  spawnSync(command, args, { stdio: 'inherit', cwd: ETL_DIR, ...options }).status ?? 1;

// The Spark tests of vitest read the environment from here; without it they skip, saying why.
const vitest = run(join(ETL_DIR, 'node_modules', '.bin', 'vitest'), ['run'], {
  env: { ...process.env, SPOTIFY_LAKE_TEST_PYTHON: env?.python ?? '' },
});
const pytest = env
  ? run(env.python, ['-m', 'pytest', '-q', `--junitxml=${PYTEST_REPORT}`], { cwd: join(ETL_DIR, 'glue-job') })
  : 0;
process.exitCode = vitest !== 0 || pytest !== 0 ? 1 : 0;
