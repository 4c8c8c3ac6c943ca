import { glueJobAssets } from '@spotify-lake/etl/glue-job';
import { resolvedValue } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { parseStackConfig } from '../src/config';
import { glueEtlJobArgs } from '../src/etl-stack';
import { dataLakeArgs } from '../src/lake-stack';
import { type ProgramRun, runProgram } from './support/run-program';
import { stackFileConfig } from './support/stack-files';

const named = (run: ProgramRun, name: string) => {
  const found = run.resources.filter((r) => r.name === name);
  if (found.length !== 1) throw new Error(`expected one ${name}, found ${found.length}`);
  return found[0]!;
};
const jobArgument = (run: ProgramRun, argument: string) =>
  (named(run, 'spotify-job').inputs.defaultArguments as Record<string, string>)[argument];

describe('glueEtlJobArgs', () => {
  const lake = { dataBucketName: 'd', dataBucketArn: 'arn:aws:s3:::d' };
  const catalog = { databaseName: 'spotify_dev' };

  it("takes the ETL keys, the etl package's job files and the stack's tags", () => {
    const config = parseStackConfig('dev', stackFileConfig('dev'));
    expect(glueEtlJobArgs(config, lake, catalog)).toEqual({
      lake,
      catalog,
      code: glueJobAssets(),
      workerType: 'G.1X',
      numberOfWorkers: 2,
      schedule: false,
      onUpload: { enabled: true },
      dataQualityFailure: 'warn',
      alertEmails: [],
      tags: { environment: 'dev', team: 'analytics', 'spotify-lake:stack': 'dev' },
    });
  });

  it("turns on the lake's EventBridge notifications exactly when the ETL runs on upload", () => {
    const on = parseStackConfig('dev', { 'aws:region': 'eu-west-1', 'spotify-lake:etlOnUpload': 'true' });
    const off = parseStackConfig('dev', { 'aws:region': 'eu-west-1' });
    expect(dataLakeArgs(on).eventBridgeNotifications).toBe(true);
    expect('eventBridgeNotifications' in dataLakeArgs(off)).toBe(false);
  });
});

describe('the ETL in the stacks', () => {
  it('dev runs on upload, warns on data quality and has no nightly run', async () => {
    const run = await runProgram('dev', stackFileConfig('dev'));
    expect(named(run, 'spotify-data-notification').inputs.eventbridge).toBe(true);
    expect(named(run, 'spotify-upload-trigger').inputs).toMatchObject({
      type: 'EVENT',
      startOnCreation: false,
    });
    expect(run.resources.some((r) => r.name === 'spotify-schedule-trigger')).toBe(false);
    expect(jobArgument(run, '--data_quality_failure')).toBe('warn');
    expect(named(run, 'spotify-dq-ruleset').inputs.targetTable).toEqual({
      databaseName: 'spotify_dev',
      tableName: 'datawarehouse',
    });
    expect(await resolvedValue(run.outputs.etlJobName)).toBe('spotify-job-0000000');
    expect(await resolvedValue(run.outputs.etlWorkflowName)).toBe('spotify-workflow-0000000');
    expect(await resolvedValue(run.outputs.alertsTopicName)).toBe('spotify-alerts-0000000');
  });

  it('prod runs nightly, fails on data quality, writes with the lake key and listens to no uploads', async () => {
    const run = await runProgram('prod', stackFileConfig('prod'));
    expect(named(run, 'spotify-schedule-trigger').inputs).toMatchObject({
      type: 'SCHEDULED',
      schedule: 'cron(0 3 * * ? *)',
      startOnCreation: false,
    });
    expect(run.resources.some((r) => r.name.startsWith('spotify-upload-'))).toBe(false);
    expect(run.resources.some((r) => r.name === 'spotify-data-notification')).toBe(false);
    expect(jobArgument(run, '--data_quality_failure')).toBe('fail');
    const security = named(run, 'spotify-security').inputs.encryptionConfiguration as Record<string, unknown>;
    expect(security.s3Encryption).toEqual({
      s3EncryptionMode: 'SSE-KMS',
      kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/key-spotify-key',
    });
    expect(jobArgument(run, '--staging_path')).toBe('s3://spotify-data-0000000/staging/');
  });
});
