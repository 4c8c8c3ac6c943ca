import { dataQualityChecks, GLUE_JOB_ARGUMENTS } from '@spotify-lake/contract';
import { glueJobAssets } from '@spotify-lake/etl/glue-job';
import { takesTags, wildcardViolations } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { GlueEtlJob } from '../src';
import { BUCKET, baseArgs, buildJob, LAKE_KEY_ARN, SSE_S3_LAKE, TYPES } from './support/fixture';
import { type RecordedResource, resolvedValue, setupPulumiMocks } from './support/pulumi-mocks';

const mocks = setupPulumiMocks();
const ACCOUNT = mocks.env.accountId;
const statementsOf = (policy: { Statement: Record<string, unknown>[] }) =>
  Object.fromEntries(policy.Statement.map((s) => [s.Sid as string, s]));

describe('GlueEtlJob with default args', async () => {
  const built = await buildJob(mocks, 'etl', baseArgs({ tags: { team: 'data' } }));
  const { named, ofType, resources, component, policy } = built;
  const job = named('etl-job');
  const args = job.inputs.defaultArguments as Record<string, string>;

  it('has the type token spotify:etl:GlueEtlJob and parents every child to itself', () => {
    expect(GlueEtlJob.TYPE).toBe('spotify:etl:GlueEtlJob');
    const root = named('etl');
    expect(root.type).toBe(TYPES.component);
    for (const child of resources.filter((r) => r !== root))
      expect(child.parentUrn, child.name).toBe(root.urn);
  });

  it('creates exactly these children by default: no upload trigger, no subscriptions', () => {
    expect(resources.map((r) => r.name).sort()).toEqual(
      [
        'etl',
        ...glueJobAssetsNames().map((n) => `etl-code-${n}`),
        'etl-job-key',
        'etl-security',
        'etl-job-role',
        'etl-job-policy',
        'etl-job',
        'etl-workflow',
        'etl-schedule-trigger',
        'etl-dq-ruleset',
        'etl-alerts-key',
        'etl-alerts',
        'etl-job-failed-rule',
        'etl-dq-failed-rule',
        'etl-alerts-policy',
        'etl-job-failed-target',
        'etl-dq-failed-target',
      ].sort(),
    );
  });

  it('is a Glue 5.0 Spark job in Python 3 with the documented capacity and one run at a time', () => {
    expect(job.inputs).toMatchObject({
      glueVersion: '5.0',
      command: { name: 'glueetl', pythonVersion: '3' },
      workerType: 'G.1X',
      numberOfWorkers: 2,
      timeout: 60,
      maxRetries: 0,
      executionProperty: { maxConcurrentRuns: 1 },
      securityConfiguration: 'etl-test-etl',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/etl-job-role-0000000`,
    });
  });

  it('turns metrics on and logs as Glue 5.0 does, without the Glue 4.0 continuous-logging flag', () => {
    expect(args).toMatchObject({
      '--job-language': 'python',
      '--enable-metrics': 'true',
      '--enable-observability-metrics': 'true',
      '--job-bookmark-option': 'job-bookmark-disable',
    });
    expect(Object.keys(args)).not.toContain('--enable-continuous-cloudwatch-log');
    expect(Object.keys(args).filter((k) => k.startsWith('--continuous-log'))).toEqual([]);
  });

  it('passes every argument the job parses, pointing at the lake zones, and data-quality failure "fail"', () => {
    for (const argument of GLUE_JOB_ARGUMENTS)
      expect(args, argument.name).toHaveProperty(`--${argument.name}`);
    expect(args).toMatchObject({
      '--staging_path': `s3://${BUCKET}/staging/`,
      '--warehouse_path': `s3://${BUCKET}/datawarehouse/`,
      '--quarantine_path': `s3://${BUCKET}/quarantine/`,
      '--runs_path': `s3://${BUCKET}/_runs/`,
      '--manifest_path': `s3://${BUCKET}/manifest.json`,
      '--etl_sql': 'etl.sql',
      '--data_quality_failure': 'fail',
    });
  });

  it('runs the uploaded script with the other modules and the ETL SQL beside it, all keyed by the code hash', async () => {
    const prefix = `scripts/etl/${component.codeHash}/`;
    expect(component.codeHash).toMatch(/^[0-9a-f]{16}$/);
    const command = job.inputs.command as { scriptLocation: string };
    expect(command.scriptLocation).toBe(`s3://${BUCKET}/${prefix}spotify_etl_job.py`);
    expect(await resolvedValue(component.scriptLocation)).toBe(command.scriptLocation);
    const objects = ofType(TYPES.object);
    expect(objects.map((o) => o.inputs.key).sort()).toEqual(
      [glueJobAssets().script, ...glueJobAssets().pythonModules, ...glueJobAssets().files]
        .map((p) => `${prefix}${p.split('/').pop()}`)
        .sort(),
    );
    for (const object of objects) expect(object.inputs.bucket).toBe(BUCKET);
    const extraPy = args['--extra-py-files']!.split(',');
    expect(extraPy).toHaveLength(glueJobAssets().pythonModules.length);
    for (const uri of extraPy) expect(uri).toMatch(new RegExp(`^s3://${BUCKET}/${prefix}[a-z_]+[.]py$`));
    expect(args['--extra-files']).toBe(`s3://${BUCKET}/${prefix}etl.sql`);
    expect(job.dependencies).toEqual(expect.arrayContaining(objects.map((o) => o.name)));
  });

  it('replaces its fixed-name security configuration by deleting the old one first', () => {
    expect(named('etl-security').deleteBeforeReplace).toBe(true);
  });

  it('encrypts logs and bookmarks with its own key and S3 outputs with the lake key', () => {
    expect(named('etl-security').inputs).toEqual({
      name: 'etl-test-etl',
      encryptionConfiguration: {
        cloudwatchEncryption: { cloudwatchEncryptionMode: 'SSE-KMS', kmsKeyArn: keyArn('etl-job-key') },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'CSE-KMS', kmsKeyArn: keyArn('etl-job-key') },
        s3Encryption: { s3EncryptionMode: 'SSE-KMS', kmsKeyArn: LAKE_KEY_ARN },
      },
    });
    expect(named('etl-job-key').inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
  });

  it("lets CloudWatch Logs use the job key for this configuration's log groups only", () => {
    const statements = statementsOf(policy('etl-job-key'));
    expect(Object.keys(statements)).toEqual([
      'AccountAdministersKey',
      'AccountDelegatesBookmarkEncryption',
      'CloudWatchLogsEncryptsJobLogs',
    ]);
    expect(statements.CloudWatchLogsEncryptsJobLogs).toMatchObject({
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Condition: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws-glue/jobs/etl-test-etl-role/*`,
        },
      },
    });
  });

  it('has a trust policy for Glue in this account only, and no managed policy', () => {
    const trust = JSON.parse(named('etl-job-role').inputs.assumeRolePolicy as string);
    expect(trust.Statement).toEqual([
      {
        Sid: 'GlueRunsJobsForThisAccount',
        Effect: 'Allow',
        Principal: { Service: 'glue.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEqualsIfExists: { 'aws:SourceAccount': ACCOUNT } },
      },
    ]);
    expect(named('etl-job-role').inputs.managedPolicyArns).toBeUndefined();
    expect(resources.some((r) => r.type.startsWith('aws:iam/rolePolicyAttachment'))).toBe(false);
  });

  it('schedules the workflow daily at 03:00 UTC with a trigger that starts no run when created', () => {
    expect(named('etl-workflow').inputs).toMatchObject({ maxConcurrentRuns: 1 });
    expect(named('etl-schedule-trigger').inputs).toMatchObject({
      type: 'SCHEDULED',
      schedule: 'cron(0 3 * * ? *)',
      startOnCreation: false,
      workflowName: 'etl-workflow-0000000',
      actions: [{ jobName: 'etl-job-0000000' }],
    });
    for (const trigger of ofType(TYPES.trigger)) expect(trigger.inputs.type).not.toBe('ON_DEMAND');
  });

  it("deploys the contract's DQDL as a ruleset on the warehouse table", () => {
    expect(named('etl-dq-ruleset').inputs).toMatchObject({
      ruleset: dataQualityChecks().dqdl,
      targetTable: { databaseName: 'spotify_test', tableName: 'datawarehouse' },
    });
  });

  it('alerts through a topic under its own key, which EventBridge may use', () => {
    const topic = named('etl-alerts');
    expect(topic.inputs.kmsMasterKeyId).toBe(keyArn('etl-alerts-key'));
    expect(JSON.stringify(topic.inputs)).not.toContain('alias/aws/sns');
    const statements = statementsOf(policy('etl-alerts-key'));
    expect(statements.EventBridgePublishesAlerts).toEqual({
      Sid: 'EventBridgePublishesAlerts',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Resource: '*',
    });
  });

  it('lets only EventBridge publish to the topic, and only from its two alert rules', () => {
    const statements = statementsOf(policy('etl-alerts-policy'));
    const topicArn = `arn:aws:sns:eu-west-1:${ACCOUNT}:etl-alerts-0000000`;
    expect(statements.AlertRulesPublish).toEqual({
      Sid: 'AlertRulesPublish',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['sns:Publish'],
      Resource: topicArn,
      Condition: {
        ArnEquals: {
          'aws:SourceArn': [
            `arn:aws:events:eu-west-1:${ACCOUNT}:rule/etl-job-failed-rule-0000000`,
            `arn:aws:events:eu-west-1:${ACCOUNT}:rule/etl-dq-failed-rule-0000000`,
          ],
        },
      },
    });
    expect(statements.DenyInsecureTransport).toMatchObject({ Effect: 'Deny', Action: ['sns:Publish'] });
    expect(Object.keys(statements)).toHaveLength(2);
  });

  it('sends both alert rules to the topic once its policy admits them, saying which run and where its logs are', () => {
    for (const rule of ['job-failed', 'dq-failed']) {
      const target = named(`etl-${rule}-target`);
      expect(target.inputs.arn).toBe(`arn:aws:sns:eu-west-1:${ACCOUNT}:etl-alerts-0000000`);
      expect(target.inputs.rule).toBe(`etl-${rule}-rule-0000000`);
      expect(target.dependencies).toContain('etl-alerts-policy');
      const template = JSON.parse(
        (target.inputs.inputTransformer as { inputTemplate: string }).inputTemplate,
      );
      expect(template).toContain('<jobRunId>');
      expect(template).toContain('/aws-glue/jobs/etl-test-etl-role/etl-job-role-0000000/error');
    }
  });

  it('tags every child that takes tags, the component tags winning', () => {
    const taggable = resources.filter((r) => r.custom && takesTags(r.type) && r.type !== TYPES.object);
    expect(taggable.length).toBeGreaterThan(8);
    for (const resource of taggable) {
      expect(resource.inputs.tags, resource.name).toEqual({
        team: 'data',
        'spotify-lake:component': 'GlueEtlJob',
        'spotify-lake:instance': 'etl',
      });
    }
  });

  it('allows no wildcard action and no S3 action on *', () => {
    expect(wildcardViolations(resources)).toEqual([]);
  });

  it('registers its outputs', async () => {
    const outputs = named('etl').outputs!;
    expect(outputs).toMatchObject({
      jobName: 'etl-job-0000000',
      workflowName: 'etl-workflow-0000000',
      alertsTopicName: 'etl-alerts-0000000',
      codeHash: component.codeHash,
      securityConfigurationName: 'etl-test-etl',
    });
    expect(await resolvedValue(component.logGroupPrefix)).toBe(
      '/aws-glue/jobs/etl-test-etl-role/etl-job-role-0000000/',
    );
  });
});

describe('GlueEtlJob opt-ins and opt-outs', () => {
  it('onUpload adds an EVENT trigger after the scheduled one, batched, fed by a rule on staging/ uploads', async () => {
    const { named } = await buildJob(
      mocks,
      'upl',
      baseArgs({ onUpload: { enabled: true, batchSize: 10, batchWindowSeconds: 300 } }),
    );
    const trigger = named('upl-upload-trigger');
    expect(trigger.inputs).toMatchObject({
      type: 'EVENT',
      startOnCreation: false,
      workflowName: 'upl-workflow-0000000',
      eventBatchingConditions: [{ batchSize: 10, batchWindow: 300 }],
    });
    expect(trigger.dependencies).toContain('upl-schedule-trigger');
    expect(JSON.parse(named('upl-upload-rule').inputs.eventPattern as string)).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [BUCKET] }, object: { key: [{ prefix: 'staging/' }] } },
    });
    const target = named('upl-upload-target');
    expect(target.inputs).toMatchObject({
      arn: `arn:aws:glue:eu-west-1:${ACCOUNT}:workflow/upl-workflow-0000000`,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/upl-upload-role-0000000`,
    });
    expect(target.dependencies).toEqual(expect.arrayContaining(['upl-upload-trigger', 'upl-upload-policy']));
    expect(JSON.parse(named('upl-upload-policy').inputs.policy as string).Statement).toEqual([
      {
        Sid: 'NotifyWorkflow',
        Effect: 'Allow',
        Action: ['glue:notifyEvent'],
        Resource: `arn:aws:glue:eu-west-1:${ACCOUNT}:workflow/upl-workflow-0000000`,
      },
    ]);
    expect(
      JSON.parse(named('upl-upload-role').inputs.assumeRolePolicy as string).Statement[0].Condition,
    ).toEqual({
      StringEquals: { 'aws:SourceAccount': ACCOUNT },
      ArnEquals: { 'aws:SourceArn': `arn:aws:events:eu-west-1:${ACCOUNT}:rule/upl-upload-rule-0000000` },
    });
  });

  it('onUpload batches 3 uploads or 900 s by default, and runs without a schedule when schedule is false', async () => {
    const { named, maybeNamed } = await buildJob(
      mocks,
      'upl2',
      baseArgs({ schedule: false, onUpload: { enabled: true } }),
    );
    expect(maybeNamed('upl2-schedule-trigger')).toBeUndefined();
    expect(named('upl2-upload-trigger').inputs.eventBatchingConditions).toEqual([
      { batchSize: 3, batchWindow: 900 },
    ]);
    expect(named('upl2-upload-trigger').dependencies).not.toContain('upl2-schedule-trigger');
  });

  it('takes worker type and count, timeout, retries, schedule and failure mode from args', async () => {
    const { named } = await buildJob(
      mocks,
      'big',
      baseArgs({
        workerType: 'G.2X',
        numberOfWorkers: 10,
        timeoutMinutes: 120,
        maxRetries: 1,
        schedule: 'cron(30 1 ? * MON-FRI *)',
        dataQualityFailure: 'warn',
      }),
    );
    expect(named('big-job').inputs).toMatchObject({
      workerType: 'G.2X',
      numberOfWorkers: 10,
      timeout: 120,
      maxRetries: 1,
    });
    expect(named('big-schedule-trigger').inputs.schedule).toBe('cron(30 1 ? * MON-FRI *)');
    expect(
      (named('big-job').inputs.defaultArguments as Record<string, string>)['--data_quality_failure'],
    ).toBe('warn');
  });

  it('subscribes each alert email, named after the address', async () => {
    const { ofType } = await buildJob(
      mocks,
      'mail',
      baseArgs({ alertEmails: ['ops@example.com', 'Data.Team@example.org'] }),
    );
    expect(ofType(TYPES.subscription).map((s) => [s.name, s.inputs.protocol, s.inputs.endpoint])).toEqual([
      ['mail-alert-ops-example-com', 'email', 'ops@example.com'],
      ['mail-alert-data-team-example-org', 'email', 'Data.Team@example.org'],
    ]);
  });

  it('writes SSE-S3 outputs on an SSE-S3 lake, and grants no lake key', async () => {
    const { named, policy } = await buildJob(mocks, 'plain', baseArgs({ lake: SSE_S3_LAKE }));
    const configuration = named('plain-security').inputs.encryptionConfiguration as Record<string, unknown>;
    expect(configuration.s3Encryption).toEqual({ s3EncryptionMode: 'SSE-S3' });
    const statements = policy('plain-job-policy').Statement;
    expect(statements.filter((s) => JSON.stringify(s.Resource).includes(LAKE_KEY_ARN))).toEqual([]);
  });

  it('refuses an on-upload trigger over a lake that sends no events to EventBridge', () => {
    expect(
      () =>
        new GlueEtlJob(
          'noevents',
          baseArgs({
            lake: { ...SSE_S3_LAKE, eventBridgeNotifications: false },
            onUpload: { enabled: true },
          }),
        ),
    ).toThrow('GlueEtlJob "noevents": onUpload.enabled needs the lake to send its events to EventBridge');
  });

  it('runs a transform hook per child, with the child name', async () => {
    const seen: string[] = [];
    const { named } = await buildJob(
      mocks,
      'hooks',
      baseArgs({
        alertEmails: ['a@example.com'],
        transform: {
          job: { description: 'custom' },
          codeObject: (_args, _opts, name) => seen.push(name),
          alertRule: (_args, opts) => {
            opts.protect = true;
          },
        },
      }),
    );
    expect(named('hooks-job').inputs.description).toBe('custom');
    expect(seen).toHaveLength(1 + glueJobAssets().pythonModules.length + glueJobAssets().files.length);
    expect(named('hooks-job-failed-rule').protect).toBe(true);
    expect(named('hooks-dq-failed-rule').protect).toBe(true);
  });

  it('gives two instances distinct children, code prefixes and security configurations', async () => {
    const a = await buildJob(mocks, 'one', baseArgs());
    const b = await buildJob(mocks, 'two', baseArgs());
    const names = (r: RecordedResource[]) => new Set(r.map((x) => x.name));
    const overlap = [...names(a.resources)].filter((n) => names(b.resources).has(n));
    expect(overlap).toEqual([]);
    expect(a.named('one-security').inputs.name).not.toBe(b.named('two-security').inputs.name);
  });
});

function keyArn(name: string): string {
  return `arn:aws:kms:eu-west-1:${ACCOUNT}:key/key-${name}`;
}

function glueJobAssetsNames(): string[] {
  const assets = glueJobAssets();
  return [assets.script, ...assets.pythonModules, ...assets.files].map((p) =>
    p
      .split('/')
      .pop()!
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-'),
  );
}
