import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEtlSql } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { GLUE_DIR, PY_TESTS_DIR, python } from './python';

const JOB_MODULES = [
  'csv_header.py',
  'etl_errors.py',
  'etl_sql.py',
  'job_arguments.py',
  'pipeline.py',
  'spotify_contract.py',
  'spotify_etl_job.py',
  'storage.py',
];

/** Runs one Python unittest module of test/glue/py and returns how many tests ran. */
function runUnittest(module: string, env: Record<string, string> = {}): number {
  const result = python(['-m', 'unittest', '-v', module], { cwd: PY_TESTS_DIR, env });
  const ran = /Ran (\d+) tests?/.exec(result.stderr);
  expect(result.status, `${module} failed:\n${result.stderr}${result.stdout}`).toBe(0);
  expect(result.stderr).toMatch(/\nOK\b/);
  return Number(ran?.[1] ?? 0);
}

describe('the Glue job', () => {
  it('is made of these modules, all of which compile under python3', () => {
    expect(
      readdirSync(GLUE_DIR)
        .filter((f) => f.endsWith('.py'))
        .sort(),
    ).toEqual(JOB_MODULES);
    const result = python(['-m', 'py_compile', ...JOB_MODULES.map((m) => join(GLUE_DIR, m))]);
    expect(result.status, result.stderr).toBe(0);
    expect(python(['--version']).stdout).toMatch(/^Python 3\.(1[1-9])/);
  }, 60_000);

  it('runs the ETL SQL byte for byte as the local runner parses it, in order (python stubs)', async () => {
    const expectedFile = join(await mkdtemp(join(tmpdir(), 'etl-glue-')), 'statements.json');
    const statements = parseEtlSql(readFileSync(join(GLUE_DIR, '..', 'sql', 'etl.sql'), 'utf8'));
    writeFileSync(expectedFile, JSON.stringify(statements));
    const ran = runUnittest('test_pipeline', {
      EXPECTED_STATEMENTS_JSON: expectedFile,
      REQUIRE_EXPECTED_STATEMENTS: '1',
    });
    expect(ran).toBeGreaterThanOrEqual(18);
  }, 60_000);

  it('stores, copies and deletes through S3 as boto3 answers (python stubs)', () => {
    expect(runUnittest('test_storage')).toBeGreaterThanOrEqual(8);
  }, 60_000);

  it('initializes and commits the Glue job only when the run succeeds (python stubs)', () => {
    expect(runUnittest('test_job')).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('parses the ETL SQL file (python stubs)', () => {
    expect(runUnittest('test_etl_sql')).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
