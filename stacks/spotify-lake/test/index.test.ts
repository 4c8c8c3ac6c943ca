import { QUERIES } from '@spotify-lake/queries';
import { type RecordedResource, resolvedValue, wildcardViolations } from '@spotify-lake/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { BYTES_PER_MIB } from '../src/config';
import { type ProgramRun, runFailingProgram, runProgram } from './support/run-program';
import { stackFileConfig } from './support/stack-files';

const BUCKET = 'aws:s3/bucket:Bucket';
const ENCRYPTION = 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration';
const DATA_BUCKETS = ['spotify-data', 'spotify-results', 'spotify-logs'];

const ofType = (run: ProgramRun, type: string) => run.resources.filter((r) => r.type === type);
function named(run: ProgramRun, name: string, type?: string): RecordedResource {
  const found = run.resources.filter((r) => r.name === name && (type === undefined || r.type === type));
  if (found.length !== 1) throw new Error(`expected one resource named ${name}; found ${found.length}`);
  return found[0]!;
}
/** The default encryption rule of a bucket's encryption configuration. */
function encryptionDefault(run: ProgramRun, bucket: string) {
  const rules = named(run, `${bucket}-encryption`, ENCRYPTION).inputs.rules as {
    applyServerSideEncryptionByDefault: { sseAlgorithm: string; kmsMasterKeyId?: string };
  }[];
  return rules[0]!.applyServerSideEncryptionByDefault;
}
function bucketPolicy(run: ProgramRun, bucket: string): { Statement: Record<string, unknown>[] } {
  return JSON.parse(
    named(run, `${bucket}-policy`, 'aws:s3/bucketPolicy:BucketPolicy').inputs.policy as string,
  );
}
function workgroupCutoff(run: ProgramRun): number {
  const configuration = named(run, 'spotify-workgroup').inputs.configuration as {
    bytesScannedCutoffPerQuery: number;
  };
  return configuration.bytesScannedCutoffPerQuery;
}
function resultsExpirationDays(run: ProgramRun): number {
  const lifecycle = named(run, 'spotify-results-lifecycle').inputs.rules as {
    status: string;
    expiration?: { days: number };
  }[];
  return lifecycle.find((rule) => rule.expiration !== undefined)!.expiration!.days;
}

/** What every stack must have, whatever its configuration. */
function itIsSecureByDefault(load: () => ProgramRun) {
  it('blocks public access on every bucket, all four switches on', () => {
    const run = load();
    const blocks = ofType(run, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock');
    expect(blocks.map((b) => b.name).sort()).toEqual(
      DATA_BUCKETS.map((b) => `${b}-public-access-block`).sort(),
    );
    for (const block of blocks) {
      expect(block.inputs).toMatchObject({
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    }
  });

  it('gives every bucket a policy that denies requests without TLS', () => {
    const run = load();
    for (const bucket of DATA_BUCKETS) {
      const arn = `arn:aws:s3:::${bucket}-0000000`;
      expect(bucketPolicy(run, bucket).Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Principal: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Resource: [arn, `${arn}/*`],
        }),
      );
    }
  });

  it('allows no `*` or `service:*` action in any IAM, key or bucket policy of the graph', () => {
    const run = load();
    expect(run.resources.some((r) => JSON.stringify(r.inputs).includes('Statement'))).toBe(true);
    expect(wildcardViolations(run.resources)).toEqual([]);
  });

  it('declares the components at the stack root and every resource inside them', () => {
    const run = load();
    const roots = run.resources.filter((r) => r.parent === undefined || r.parent.startsWith('spotify-lake-'));
    expect(roots.map((r) => [r.type, r.name])).toEqual([
      ['spotify:lake:DataLake', 'spotify'],
      ['spotify:catalog:LakeCatalog', 'spotify'],
      ['spotify:etl:GlueEtlJob', 'spotify'],
      // The QuickSight dashboard, on the stacks that turn it on (bi-stack.test.ts).
      ...(run.outputs.quicksightDashboardId ? [['spotify:bi:LakeDashboard', 'spotify']] : []),
    ]);
    expect(run.resources.filter((r) => r.custom).every((r) => r.parent === 'spotify')).toBe(true);
  });

  it('exports the bucket names, the database, the workgroup and the region', async () => {
    const { outputs, mocks } = load();
    const { stack } = mocks.env;
    expect(await resolvedValue(outputs.dataBucketName)).toBe('spotify-data-0000000');
    expect(await resolvedValue(outputs.resultsBucketName)).toBe('spotify-results-0000000');
    expect(await resolvedValue(outputs.logBucketName)).toBe('spotify-logs-0000000');
    expect(await resolvedValue(outputs.databaseName)).toBe(`spotify_${stack}`);
    expect(await resolvedValue(outputs.workgroupName)).toBe(`spotify-${stack}`);
    expect(await resolvedValue(outputs.resultsLocation)).toBe('s3://spotify-results-0000000/athena-results/');
    expect(await resolvedValue(outputs.region)).toBe('eu-west-1');
    expect(outputs.zones).toEqual({
      staging: 'staging/',
      warehouse: 'datawarehouse/',
      quarantine: 'quarantine/',
      scripts: 'scripts/',
      runs: '_runs/',
    });
    expect(await resolvedValue(outputs.tableNames)).toContain('datawarehouse');
    expect(await resolvedValue(outputs.namedQueryNames)).toEqual(QUERIES.map((q) => q.name));
  });

  it("tags every bucket with the stack file's tags and the stack name", () => {
    const run = load();
    const { stack } = run.mocks.env;
    for (const bucket of ofType(run, BUCKET)) {
      expect(bucket.inputs.tags).toMatchObject({
        environment: stack,
        team: 'analytics',
        'spotify-lake:stack': stack,
      });
    }
    expect(named(run, 'spotify-workgroup').inputs.tags).toMatchObject({ environment: stack });
  });
}

describe('the dev stack (Pulumi.dev.yaml)', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runProgram('dev', stackFileConfig('dev'));
  });

  itIsSecureByDefault(() => run);

  it('encrypts with SSE-S3 and creates no lake key', async () => {
    for (const bucket of ['spotify-data', 'spotify-results']) {
      expect(encryptionDefault(run, bucket)).toEqual({ sseAlgorithm: 'AES256' });
    }
    expect(run.resources.filter((r) => r.name === 'spotify-key' || r.name === 'spotify-key-alias')).toEqual(
      [],
    );
    expect(await resolvedValue(run.outputs.kmsKeyArn)).toBeUndefined();
    expect(run.outputs.encryption).toBe('sse-s3');
  });

  it('makes the data disposable: no protection, forceDestroy on, workgroup force-destroyed', () => {
    for (const name of DATA_BUCKETS) {
      const bucket = named(run, name, BUCKET);
      expect([bucket.protect, bucket.retainOnDelete, bucket.inputs.forceDestroy]).toEqual([
        false,
        false,
        true,
      ]);
    }
    expect(run.resources.filter((r) => r.protect || r.retainOnDelete).map((r) => r.name)).toEqual([]);
    expect(named(run, 'spotify-workgroup').inputs.forceDestroy).toBe(true);
    expect(run.outputs.dataProtected).toBe(false);
  });

  it('caps queries at 100 MiB and keeps query results for 1 day', () => {
    expect(workgroupCutoff(run)).toBe(100 * BYTES_PER_MIB);
    expect(resultsExpirationDays(run)).toBe(1);
  });

  it('creates the crawler', async () => {
    expect(named(run, 'spotify-crawler').type).toBe('aws:glue/crawler:Crawler');
    expect(await resolvedValue(run.outputs.crawlerName)).toBe('spotify-crawler-0000000');
  });
});

describe('the prod stack (Pulumi.prod.yaml)', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runProgram('prod', stackFileConfig('prod'));
  });

  itIsSecureByDefault(() => run);

  it("encrypts data and results with the lake's customer-managed key, rotated", async () => {
    const keyArn = await resolvedValue(run.outputs.kmsKeyArn);
    expect(keyArn).toBe('arn:aws:kms:eu-west-1:123456789012:key/key-spotify-key');
    for (const bucket of ['spotify-data', 'spotify-results']) {
      expect(encryptionDefault(run, bucket)).toEqual({ sseAlgorithm: 'aws:kms', kmsMasterKeyId: keyArn });
    }
    expect(named(run, 'spotify-key').inputs.enableKeyRotation).toBe(true);
    expect(run.outputs.encryption).toBe('kms');
  });

  it('protects and retains the buckets, their guards and the key; nothing is force-destroyed', () => {
    for (const name of [...DATA_BUCKETS, 'spotify-key', 'spotify-key-alias', 'spotify-data-policy']) {
      const resource = named(run, name);
      expect([name, resource.protect, resource.retainOnDelete]).toEqual([name, true, true]);
    }
    for (const bucket of ofType(run, BUCKET)) expect(bucket.inputs.forceDestroy).toBe(false);
    expect(run.outputs.dataProtected).toBe(true);
  });

  it('protects the database and the workgroup, whose query history a destroy would lose', () => {
    expect(named(run, 'spotify-db').protect).toBe(true);
    const workgroup = named(run, 'spotify-workgroup');
    expect([workgroup.protect, workgroup.inputs.forceDestroy]).toEqual([true, false]);
  });

  it('caps queries at 10 GiB and keeps query results for 30 days', () => {
    expect(workgroupCutoff(run)).toBe(10 * 1024 * BYTES_PER_MIB);
    expect(resultsExpirationDays(run)).toBe(30);
  });

  it('has no crawler', async () => {
    expect(run.resources.filter((r) => r.type.startsWith('aws:glue/crawler'))).toEqual([]);
    expect(await resolvedValue(run.outputs.crawlerName)).toBeUndefined();
  });
});

describe('a new stack with only aws:region set', () => {
  it('gets the documented defaults: KMS, protected data, 1 GiB cap, 7 days of results, no crawler', async () => {
    const run = await runProgram('staging', { 'aws:region': 'eu-west-1' });
    expect(encryptionDefault(run, 'spotify-data').sseAlgorithm).toBe('aws:kms');
    expect(named(run, 'spotify-data', BUCKET).protect).toBe(true);
    expect(workgroupCutoff(run)).toBe(1024 * BYTES_PER_MIB);
    expect(resultsExpirationDays(run)).toBe(7);
    expect(run.resources.some((r) => r.name === 'spotify-crawler')).toBe(false);
    expect(named(run, 'spotify-data', BUCKET).inputs.tags).toMatchObject({ 'spotify-lake:stack': 'staging' });
  });
});

describe('bad configuration', () => {
  const dev = () => stackFileConfig('dev');
  const prod = () => stackFileConfig('prod');

  it.each([
    [
      'a cutoff that is not a number',
      'dev',
      { ...dev(), 'spotify-lake:bytesScannedCutoffMb': 'lots' },
      'spotify-lake:bytesScannedCutoffMb',
    ],
    [
      'a cutoff under Athena minimum',
      'dev',
      { ...dev(), 'spotify-lake:bytesScannedCutoffMb': '5' },
      'spotify-lake:bytesScannedCutoffMb',
    ],
    [
      'an unknown encryption',
      'dev',
      { ...dev(), 'spotify-lake:encryption': 'aes' },
      'spotify-lake:encryption',
    ],
    [
      'disposable data on prod',
      'prod',
      { ...prod(), 'spotify-lake:disposableData': 'true' },
      'spotify-lake:disposableData',
    ],
    ['SSE-S3 on prod', 'prod', { ...prod(), 'spotify-lake:encryption': 'sse-s3' }, 'spotify-lake:encryption'],
    ['a misspelt key', 'dev', { ...dev(), 'spotify-lake:crawlers': 'true' }, 'spotify-lake:crawlers'],
    ['no region', 'dev', { 'spotify-lake:encryption': 'kms' }, 'aws:region'],
  ])('%s stops the program before any resource, naming the key', async (_what, stack, config, key) => {
    const { error, resources } = await runFailingProgram(stack, config);
    expect(error.message).toMatch(new RegExp(`^Invalid configuration ${key}: `));
    expect(resources).toEqual([]);
  });
});
