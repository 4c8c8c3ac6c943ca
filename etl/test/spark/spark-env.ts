import { readyPythonEnv } from '../../src/spark/python-env';

/**
 * The Python environment of the Spark tests, made by `pnpm test` (scripts/test.mjs) before vitest runs; undefined
 * when there is none (no Java or Python here, or vitest run on its own), and the tests that need it are skipped,
 * saying why.
 */
export const sparkEnv = readyPythonEnv();
export const SKIP_SPARK = sparkEnv === undefined;
export const SKIP_REASON =
  'Spark tests skipped: no Python environment (run `pnpm test`, which makes .venv; Spark needs Java 17 and Python 3.11)';
if (SKIP_SPARK) console.warn(SKIP_REASON);
