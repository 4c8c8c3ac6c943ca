import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLUE_DIR, python } from './python';

/** The job's modules; Glue gets the entry script, and the others with --extra-py-files. */
const JOB_MODULES = [
  'csv_header.py',
  'csv_scan.py',
  'etl_errors.py',
  'etl_sql.py',
  'glue_runtime.py',
  'job_arguments.py',
  'pipeline.py',
  'raw_sources.py',
  'spotify_contract.py',
  'spotify_etl_job.py',
  'storage.py',
];

// The job's behaviour is tested on real Spark by its pytest suite (glue-job/tests, run by `pnpm test`); here, only
// what holds without Spark: the module list that deploying ships, and that each compiles under python3.
describe('the Glue job', () => {
  it('is made of these modules, all of which compile under python3 (3.11+, as on Glue 5.0)', () => {
    expect(
      readdirSync(GLUE_DIR)
        .filter((f) => f.endsWith('.py'))
        .sort(),
    ).toEqual(JOB_MODULES);
    const result = python(['-m', 'py_compile', ...JOB_MODULES.map((m) => join(GLUE_DIR, m))]);
    expect(result.status, result.stderr).toBe(0);
    expect(python(['--version']).stdout).toMatch(/^Python 3\.(1[1-9])/);
  }, 60_000);
});
