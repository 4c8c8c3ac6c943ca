import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GLUE_JOB_ARGUMENTS, LAKE_ZONES } from '@spotify-lake/contract';
import { glueJobAssets } from '@spotify-lake/etl/glue-job';
import { describe, expect, it } from 'vitest';
import { codeBundle, etlJobArguments, jobDefaultArguments } from '../../src';

const GLUE_JOB_DIR = dirname(glueJobAssets().script);
const REAL_PARSER = join(GLUE_JOB_DIR, 'job_arguments.py');
const SHIM_DIR = join(__dirname, '..', 'support');
const bundle = codeBundle(glueJobAssets(), LAKE_ZONES.scripts, 'etl');
const inputs = { bucket: 'lake-data', zones: LAKE_ZONES, code: bundle, dataQualityFailure: 'warn' as const };

/**
 * Runs the job's argument parser on argv under python3 and returns the value it parsed for each of the contract's
 * arguments. The real parser is etl/glue-job/job_arguments.py; until it lands, a stand-in (test/support) is used.
 */
function parsed(argv: string[]): { status: number | null; values: Record<string, string>; stderr: string } {
  const module = existsSync(REAL_PARSER) ? 'job_arguments' : 'job_arguments_shim';
  const program = [
    'import json, sys',
    `from ${module} import parse_job_arguments`,
    'argv = json.loads(sys.stdin.read())',
    'result = parse_job_arguments(argv)',
    `names = ${JSON.stringify(GLUE_JOB_ARGUMENTS.map((a) => a.name))}`,
    'print(json.dumps({n: getattr(result, n) for n in names}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', program], {
    input: JSON.stringify(argv),
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: [GLUE_JOB_DIR, SHIM_DIR].join(':'), PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 60_000,
  });
  return { status: run.status, values: run.status === 0 ? JSON.parse(run.stdout) : {}, stderr: run.stderr };
}

/** argv as Glue passes a job's default arguments to its script, with the ones Glue adds itself. */
const argvOf = (args: Record<string, string>) => [
  'spotify_etl_job.py',
  '--JOB_ID',
  'j_1',
  '--JOB_RUN_ID',
  'jr_1',
  '--JOB_NAME',
  'etl-job',
  ...Object.entries(args).flat(),
];

describe('the job default arguments', () => {
  it('name the lake zones of the contract and the manifest at the lake root', () => {
    expect(etlJobArguments(inputs)).toEqual({
      '--staging_path': `s3://lake-data/${LAKE_ZONES.staging}`,
      '--warehouse_path': `s3://lake-data/${LAKE_ZONES.warehouse}`,
      '--quarantine_path': `s3://lake-data/${LAKE_ZONES.quarantine}`,
      '--runs_path': `s3://lake-data/${LAKE_ZONES.runs}`,
      '--manifest_path': 's3://lake-data/manifest.json',
      '--etl_sql': 'etl.sql',
      '--compression': 'zstd',
      '--data_quality_failure': 'warn',
    });
  });

  it("are exactly GLUE_JOB_ARGUMENTS, plus Glue's own and the code locations", () => {
    const all = jobDefaultArguments(inputs);
    const ours = Object.keys(all).filter((k) => /^--[a-z_]+$/.test(k) && k !== '--job-language');
    expect(ours.sort()).toEqual(GLUE_JOB_ARGUMENTS.map((a) => `--${a.name}`).sort());
    expect(
      Object.keys(all)
        .filter((k) => !ours.includes(k))
        .sort(),
    ).toEqual([
      '--enable-metrics',
      '--enable-observability-metrics',
      '--extra-files',
      '--extra-py-files',
      '--job-bookmark-option',
      '--job-language',
    ]);
  });

  it('are what the job parses, through its own parser under python3', () => {
    const result = parsed(argvOf(jobDefaultArguments(inputs)));
    expect(result.status, result.stderr).toBe(0);
    const expected = Object.fromEntries(
      Object.entries(etlJobArguments(inputs)).map(([key, value]) => [key.slice(2), value]),
    );
    expect(result.values).toEqual(expected);
  });

  it('leave the parser nothing to complain about, while a missing required one makes it fail', () => {
    const { '--staging_path': _dropped, ...rest } = jobDefaultArguments(inputs);
    const result = parsed(argvOf(rest));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/staging_path/);
  });

  it('fail to build when the contract requires an argument the component cannot fill', () => {
    const extra = { name: 'new_required', required: true, description: 'something new' };
    (GLUE_JOB_ARGUMENTS as unknown as object[]).push(extra);
    try {
      expect(() => etlJobArguments(inputs)).toThrow('the Glue job requires --new_required (something new)');
    } finally {
      (GLUE_JOB_ARGUMENTS as unknown as object[]).pop();
    }
  });
});
