import { LAKE_ZONES } from '@spotify-lake/contract';
import { takesTags, wildcardViolations } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import {
  DataLake,
  dataBucketLifecycleRules,
  defaultLifecycle,
  logBucketLifecycleRules,
  resolveLifecycle,
  resultsBucketLifecycleRules,
  zoneReadPolicy,
} from '../src';
import { BUCKET_KINDS, buildLake, exampleRole, TYPES } from './support/lake-fixture';
import { type RecordedResource, resolvedValue, setupPulumiMocks } from './support/pulumi-mocks';

const mocks = setupPulumiMocks();
const ACCOUNT = mocks.env.accountId;
const KEY_ARN = (lake: string) => `arn:aws:kms:eu-west-1:${ACCOUNT}:key/key-${lake}-key`;
const BUCKET_ARN = (lake: string, kind: string) => `arn:aws:s3:::${lake}-${kind}-0000000`;

describe('DataLake with default args', async () => {
  const built = await buildLake(mocks, 'dflt', { tags: { team: 'data' } });
  const { named, ofType, resources, bucketPolicy, lake } = built;

  it('creates a data, a query-results and an access-log bucket, all parented to the component', () => {
    expect(
      ofType(TYPES.bucket)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['dflt-data', 'dflt-logs', 'dflt-results']);
    const component = named('dflt');
    expect(component.type).toBe('spotify:lake:DataLake');
    for (const child of resources.filter((r) => r !== component)) {
      expect(child.parentUrn, child.name).toBe(component.urn);
    }
  });

  it('blocks all public access on every bucket', () => {
    for (const kind of BUCKET_KINDS) {
      expect(named(`dflt-${kind}-public-access-block`).inputs).toEqual({
        bucket: `dflt-${kind}-0000000`,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    }
  });

  it('enforces bucket-owner object ownership (ACLs off) on every bucket', () => {
    for (const kind of BUCKET_KINDS) {
      expect(named(`dflt-${kind}-ownership`).inputs.rule).toEqual({ objectOwnership: 'BucketOwnerEnforced' });
    }
  });

  it('encrypts data and results with the lake key and bucket keys, and logs with SSE-S3', () => {
    for (const kind of ['data', 'results']) {
      expect(named(`dflt-${kind}-encryption`).inputs.rules).toEqual([
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY_ARN('dflt') },
          bucketKeyEnabled: true,
          blockedEncryptionTypes: ['SSE-C'],
        },
      ]);
    }
    expect(named('dflt-logs-encryption').inputs.rules).toEqual([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, blockedEncryptionTypes: ['SSE-C'] },
    ]);
  });

  it('creates a rotated customer-managed key whose policy only lets the account delegate use through S3', () => {
    const key = named('dflt-key');
    expect(key.inputs).toMatchObject({
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      multiRegion: false,
    });
    const policy = JSON.parse(key.inputs.policy as string);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'AccountAdministersKey',
      'AccountGrantsForAwsServicesOnly',
      'AccountDelegatesKeyUseThroughS3',
    ]);
    for (const statement of policy.Statement) {
      expect(statement.Principal).toEqual({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
      expect(statement.Action).not.toContain('kms:*');
    }
    expect(policy.Statement[1].Condition.Bool['kms:GrantIsForAWSResource']).toBe('true');
    expect(policy.Statement[2].Condition.StringEquals['kms:ViaService']).toBe('s3.eu-west-1.amazonaws.com');
    expect(named('dflt-key-alias').inputs).toEqual({
      namePrefix: 'alias/spotify-lake/dflt-',
      targetKeyId: 'key-dflt-key',
    });
  });

  it('gives every bucket a policy that denies non-TLS requests and TLS older than 1.2', () => {
    for (const kind of BUCKET_KINDS) {
      const statements = bucketPolicy(kind)!.Statement;
      const arn = BUCKET_ARN('dflt', kind);
      expect(statements).toContainEqual({
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*'],
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
      expect(statements).toContainEqual(
        expect.objectContaining({
          Sid: 'DenyOutdatedTls',
          Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } },
        }),
      );
    }
  });

  it('denies uploads to data and results with another algorithm, another key or customer keys', () => {
    for (const kind of ['data', 'results'] as const) {
      const sids = bucketPolicy(kind)!.Statement.map((s) => s.Sid);
      expect(sids).toEqual(
        expect.arrayContaining([
          'DenyWrongEncryptionAlgorithm',
          'DenyKmsWithoutLakeKey',
          'DenyOtherKmsKeys',
          'DenyCustomerProvidedKeys',
        ]),
      );
      const otherKeys = bucketPolicy(kind)!.Statement.find((s) => s.Sid === 'DenyOtherKmsKeys')!;
      expect(otherKeys.Condition).toEqual({
        StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': KEY_ARN('dflt') },
        Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'false' },
      });
    }
  });

  it('applies the bucket policy only after the public access block and ownership controls', () => {
    const policy = named('dflt-data-policy');
    expect(policy.dependsOn).toEqual(
      expect.arrayContaining([named('dflt-data-public-access-block').urn, named('dflt-data-ownership').urn]),
    );
  });

  it('versions the data and results buckets but not the log bucket', () => {
    expect(named('dflt-data-versioning').inputs.versioningConfiguration).toEqual({ status: 'Enabled' });
    expect(named('dflt-results-versioning').inputs.versioningConfiguration).toEqual({ status: 'Enabled' });
    expect(built.maybeNamed('dflt-logs-versioning')).toBeUndefined();
  });

  it('sends server access logs of data and results to the log bucket, date-partitioned', () => {
    for (const [kind, prefix] of [
      ['data', 'data/'],
      ['results', 'results/'],
    ]) {
      const logging = named(`dflt-${kind}-logging`);
      expect(logging.inputs).toEqual({
        bucket: `dflt-${kind}-0000000`,
        targetBucket: 'dflt-logs-0000000',
        targetPrefix: prefix,
        targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: 'EventTime' } },
      });
      expect(logging.dependsOn).toContain(named('dflt-logs-policy').urn);
    }
  });

  it('lets only the S3 logging service write logs, for the lake buckets of this account', () => {
    const delivery = bucketPolicy('logs')!.Statement.filter((s) => s.Effect === 'Allow');
    expect(delivery).toEqual([
      {
        Sid: 'AllowAccessLogDelivery0',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: ['s3:PutObject'],
        Resource: `${BUCKET_ARN('dflt', 'logs')}/data/*`,
        Condition: {
          ArnLike: { 'aws:SourceArn': BUCKET_ARN('dflt', 'data') },
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
        },
      },
      expect.objectContaining({
        Sid: 'AllowAccessLogDelivery1',
        Resource: `${BUCKET_ARN('dflt', 'logs')}/results/*`,
        Condition: {
          ArnLike: { 'aws:SourceArn': BUCKET_ARN('dflt', 'results') },
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
        },
      }),
    ]);
  });

  it('puts the default lifecycle rules on each bucket, after versioning', () => {
    const lifecycle = defaultLifecycle();
    expect(named('dflt-data-lifecycle').inputs.rules).toEqual(dataBucketLifecycleRules(lifecycle));
    expect(named('dflt-results-lifecycle').inputs.rules).toEqual(resultsBucketLifecycleRules(lifecycle));
    expect(named('dflt-logs-lifecycle').inputs.rules).toEqual(logBucketLifecycleRules(lifecycle));
    expect(named('dflt-data-lifecycle').dependsOn).toContain(named('dflt-data-versioning').urn);
  });

  it('protects and retains every bucket, its guard configuration and the key; forceDestroy stays off', () => {
    const stateful = resources.filter((r) => r.custom && r.type !== TYPES.rolePolicy);
    // 3 buckets with 6 configuration children each (the log bucket has no versioning), 2 loggings, key, alias.
    expect(stateful).toHaveLength(3 * 7 - 1 + 2 + 2);
    for (const resource of stateful) {
      expect({ name: resource.name, protect: resource.protect, retain: resource.retainOnDelete }).toEqual({
        name: resource.name,
        protect: true,
        retain: true,
      });
    }
    for (const bucket of ofType(TYPES.bucket)) expect(bucket.inputs.forceDestroy).toBe(false);
  });

  it('tags every taggable resource with the lake identity and the caller tags', () => {
    for (const resource of [...ofType(TYPES.bucket), ...ofType(TYPES.key)]) {
      expect(resource.inputs.tags).toMatchObject({
        team: 'data',
        'spotify-lake:component': 'DataLake',
        'spotify-lake:instance': 'dflt',
      });
    }
    expect(named('dflt-data').inputs.tags).toMatchObject({ 'spotify-lake:role': 'data' });
  });

  it('tags every resource whose provider args take tags, as the provider declares them', () => {
    const taggable = resources.filter((r) => r.custom && takesTags(r.type));
    // Not vacuous: the buckets and the key are taggable, the configuration children are not.
    expect(new Set(taggable.map((r) => r.type))).toEqual(new Set([TYPES.bucket, TYPES.key]));
    for (const resource of taggable) {
      expect(resource.inputs.tags, resource.name).toMatchObject({
        team: 'data',
        'spotify-lake:component': 'DataLake',
        'spotify-lake:instance': 'dflt',
      });
    }
  });

  it('exposes the bucket names and ARNs, the key ARN and the contract zones', async () => {
    expect(await resolvedValue(lake.dataBucketName)).toBe('dflt-data-0000000');
    expect(await resolvedValue(lake.dataBucketArn)).toBe(BUCKET_ARN('dflt', 'data'));
    expect(await resolvedValue(lake.resultsBucketName)).toBe('dflt-results-0000000');
    expect(await resolvedValue(lake.resultsBucketArn)).toBe(BUCKET_ARN('dflt', 'results'));
    expect(await resolvedValue(lake.logBucketName)).toBe('dflt-logs-0000000');
    expect(await resolvedValue(lake.kmsKeyArn)).toBe(KEY_ARN('dflt'));
    expect(lake.zones).toEqual(LAKE_ZONES);
    expect(lake.zones).toEqual({
      staging: 'staging/',
      warehouse: 'datawarehouse/',
      quarantine: 'quarantine/',
      scripts: 'scripts/',
      runs: '_runs/',
    });
    expect(lake.kmsKey).toBeDefined();
    expect(lake.dataBucket).toBeDefined();
  });

  it('registers its outputs under the names the catalog consumes', () => {
    expect(named('dflt').outputs).toEqual({
      dataBucketName: 'dflt-data-0000000',
      dataBucketArn: BUCKET_ARN('dflt', 'data'),
      resultsBucketName: 'dflt-results-0000000',
      resultsBucketArn: BUCKET_ARN('dflt', 'results'),
      logBucketName: 'dflt-logs-0000000',
      kmsKeyArn: KEY_ARN('dflt'),
      zones: LAKE_ZONES,
    });
  });

  it('has no allowed wildcard action anywhere in its graph', () => {
    expect(wildcardViolations(resources)).toEqual([]);
  });
});

describe('DataLake argument checks', () => {
  it('rejects bad arguments before registering anything, naming the lake and the argument', async () => {
    await mocks.settled();
    const before = mocks.resources.length;
    expect(
      () => new DataLake('rejected', { lifecycle: { staging: { infrequentAccessAfterDays: 7 } } }),
    ).toThrow('DataLake "rejected": lifecycle.staging.infrequentAccessAfterDays is 7');
    expect(() => new DataLake('Rejected')).toThrow('DataLake name "Rejected" is invalid');
    await mocks.settled();
    expect(mocks.resources.length).toBe(before);
  });

  it('checks the disposable-data confirmation against the stack being deployed', () => {
    expect(() => new DataLake('wrongstack', { disposableData: { enabled: true, confirm: 'prod' } })).toThrow(
      'DataLake "wrongstack": disposableData.confirm is "prod" but this stack is "test"',
    );
  });
});

describe('DataLake names', () => {
  it('lets two lakes live in one program without colliding', async () => {
    const first = await buildLake(mocks, 'twina');
    const second = await buildLake(mocks, 'twinb');
    const names = [...first.resources, ...second.resources].map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(await resolvedValue(first.lake.dataBucketName)).not.toBe(
      await resolvedValue(second.lake.dataBucketName),
    );
    const urns = mocks.resources.map((r) => r.urn);
    expect(new Set(urns).size).toBe(urns.length);
  });

  it('leaves physical bucket names to auto-naming, so each stack gets its own', async () => {
    const { ofType } = await buildLake(mocks, 'autonamed');
    for (const bucket of ofType(TYPES.bucket)) expect(bucket.inputs.bucket).toBeUndefined();
  });
});

describe('DataLake opt-outs', () => {
  it("encryption 'sse-s3' creates no key and encrypts and guards with AES256", async () => {
    const { ofType, named, bucketPolicy, lake, resources } = await buildLake(mocks, 'sses3', {
      encryption: 'sse-s3',
    });
    expect(ofType(TYPES.key)).toEqual([]);
    expect(ofType(TYPES.alias)).toEqual([]);
    expect(lake.kmsKey).toBeUndefined();
    expect(await resolvedValue(lake.kmsKeyArn)).toBeUndefined();
    expect(named('sses3-data-encryption').inputs.rules).toEqual([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, blockedEncryptionTypes: ['SSE-C'] },
    ]);
    const statements = bucketPolicy('data')!.Statement;
    expect(statements.find((s) => s.Sid === 'DenyWrongEncryptionAlgorithm')!.Condition).toMatchObject({
      StringNotEquals: { 's3:x-amz-server-side-encryption': 'AES256' },
    });
    expect(statements.map((s) => s.Sid)).not.toContain('DenyOtherKmsKeys');
    expect(statements.map((s) => s.Sid)).not.toContain('DenyKmsWithoutLakeKey');
    expect(() => lake.grantKeyUse('some-role')).toThrow(/grantKeyUse: the lake uses SSE-S3/);
    expect(wildcardViolations(resources)).toEqual([]);
  });

  it('kmsKeyArn brings an existing key: no key is created and the buckets use it', async () => {
    const existing = 'arn:aws:kms:eu-west-1:123456789012:key/existing';
    const { ofType, named, lake } = await buildLake(mocks, 'byok', { kmsKeyArn: existing });
    expect(ofType(TYPES.key)).toEqual([]);
    expect(await resolvedValue(lake.kmsKeyArn)).toBe(existing);
    expect(named('byok-results-encryption').inputs.rules).toMatchObject([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: existing } },
    ]);
  });

  it('kmsKeyDeletionWindowDays and bucketKeyEnabled reach the key and the encryption rules', async () => {
    const { named } = await buildLake(mocks, 'keyopts', {
      kmsKeyDeletionWindowDays: 7,
      bucketKeyEnabled: false,
    });
    expect(named('keyopts-key').inputs.deletionWindowInDays).toBe(7);
    expect(named('keyopts-data-encryption').inputs.rules).toMatchObject([{ bucketKeyEnabled: false }]);
  });

  it('blockPublicAccess false creates no public access block', async () => {
    const { ofType } = await buildLake(mocks, 'public', { blockPublicAccess: false });
    expect(ofType(TYPES.publicAccessBlock)).toEqual([]);
  });

  it('objectOwnership applies to data and results; the log bucket stays BucketOwnerEnforced', async () => {
    const { named } = await buildLake(mocks, 'owners', { objectOwnership: 'BucketOwnerPreferred' });
    expect(named('owners-data-ownership').inputs.rule).toEqual({ objectOwnership: 'BucketOwnerPreferred' });
    expect(named('owners-results-ownership').inputs.rule).toEqual({
      objectOwnership: 'BucketOwnerPreferred',
    });
    expect(named('owners-logs-ownership').inputs.rule).toEqual({ objectOwnership: 'BucketOwnerEnforced' });
  });

  it('denyInsecureTransport false drops the TLS statements; minimumTlsVersion sets the floor', async () => {
    const plain = await buildLake(mocks, 'plaintls', { denyInsecureTransport: false });
    for (const kind of BUCKET_KINDS) {
      const sids = plain.bucketPolicy(kind)!.Statement.map((s) => s.Sid);
      expect(sids).not.toContain('DenyInsecureTransport');
      expect(sids).not.toContain('DenyOutdatedTls');
    }
    const strict = await buildLake(mocks, 'tlsthirteen', { minimumTlsVersion: '1.3' });
    expect(strict.bucketPolicy('data')!.Statement).toContainEqual(
      expect.objectContaining({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.3' } } }),
    );
  });

  it('with both guards off, data and results get no bucket policy; the log bucket keeps its delivery policy', async () => {
    const { bucketPolicy } = await buildLake(mocks, 'noguards', {
      denyInsecureTransport: false,
      denyWrongEncryptionUploads: false,
    });
    expect(bucketPolicy('data')).toBeUndefined();
    expect(bucketPolicy('results')).toBeUndefined();
    expect(bucketPolicy('logs')!.Statement.map((s) => s.Sid)).toEqual([
      'AllowAccessLogDelivery0',
      'AllowAccessLogDelivery1',
    ]);
  });

  it('versioning false suspends versioning (the resource stays, so protection does not block the change)', async () => {
    const { named } = await buildLake(mocks, 'unversioned', { versioning: false });
    expect(named('unversioned-data-versioning').inputs.versioningConfiguration).toEqual({
      status: 'Suspended',
    });
  });

  it('lifecycle overrides are merged into the defaults', async () => {
    const overrides = { queryResultsExpirationDays: 3, staging: { expireAfterDays: 730 } };
    const { named } = await buildLake(mocks, 'lifecycled', { lifecycle: overrides });
    const resolved = resolveLifecycle('test', overrides);
    expect(named('lifecycled-data-lifecycle').inputs.rules).toEqual(dataBucketLifecycleRules(resolved));
    expect(named('lifecycled-results-lifecycle').inputs.rules).toContainEqual(
      expect.objectContaining({ id: 'expire-query-results', expiration: { days: 3 } }),
    );
  });

  it('disposableData with both steps drops protect and retainOnDelete and turns on forceDestroy', async () => {
    const { resources, ofType } = await buildLake(mocks, 'disposable', {
      disposableData: { enabled: true, confirm: mocks.env.stack },
    });
    for (const resource of resources) {
      expect([resource.name, resource.protect, resource.retainOnDelete]).toEqual([
        resource.name,
        false,
        false,
      ]);
    }
    for (const bucket of ofType(TYPES.bucket)) expect(bucket.inputs.forceDestroy).toBe(true);
  });

  it('disposableData with enabled false keeps everything protected', async () => {
    const { ofType } = await buildLake(mocks, 'keptsafe', {
      disposableData: { enabled: false, confirm: 'test' },
    });
    for (const bucket of ofType(TYPES.bucket)) {
      expect([bucket.protect, bucket.retainOnDelete, bucket.inputs.forceDestroy]).toEqual([
        true,
        true,
        false,
      ]);
    }
  });

  it('caller tags never override the lake identity tags', async () => {
    const { named } = await buildLake(mocks, 'tagged', {
      tags: { 'spotify-lake:instance': 'spoofed', env: 'dev' },
    });
    expect(named('tagged-data').inputs.tags).toMatchObject({ 'spotify-lake:instance': 'tagged', env: 'dev' });
  });
});

describe('DataLake EventBridge notifications', () => {
  const NOTIFICATION = 'aws:s3/bucketNotification:BucketNotification';

  it('are off by default: no notification configuration on any bucket', async () => {
    const { ofType, lake } = await buildLake(mocks, 'quiet');
    expect(ofType(NOTIFICATION)).toEqual([]);
    expect(lake.eventBridgeNotifications).toBe(false);
    expect(lake.dataBucketNotification).toBeUndefined();
  });

  it("send the data bucket's events to EventBridge when asked, after the bucket policy", async () => {
    const { ofType, named, lake } = await buildLake(mocks, 'evented', { eventBridgeNotifications: true });
    const [notification] = ofType(NOTIFICATION);
    expect(ofType(NOTIFICATION)).toHaveLength(1);
    expect(notification!.name).toBe('evented-data-notification');
    expect(notification!.inputs).toEqual({ bucket: 'evented-data-0000000', eventbridge: true });
    expect(notification!.parentUrn).toBe(named('evented').urn);
    expect(notification!.dependencies.sort()).toEqual(['evented-data', 'evented-data-policy']);
    expect(lake.eventBridgeNotifications).toBe(true);
    expect(lake.dataBucketNotification).toBeDefined();
  });

  it('take a transform hook and refuse a value that is not a boolean', async () => {
    const { named } = await buildLake(mocks, 'notifyhook', {
      eventBridgeNotifications: true,
      transform: {
        bucketNotification: (_args, opts) => {
          opts.protect = true;
        },
      },
    });
    expect(named('notifyhook-data-notification').protect).toBe(true);
    expect(() => new DataLake('badflag', { eventBridgeNotifications: 'yes' as unknown as boolean })).toThrow(
      'DataLake "badflag": eventBridgeNotifications must be true or false (got "yes")',
    );
  });
});

describe('DataLake transform hooks', () => {
  it('merges an object transform over a child and runs callback transforms once per bucket', async () => {
    const seen: string[] = [];
    const { named } = await buildLake(mocks, 'hooked', {
      transform: {
        dataBucket: { objectLockEnabled: true },
        bucketPolicy: (_args, _opts, name) => {
          seen.push(name);
        },
        versioning: (args) => {
          args.mfa = 'serial 123456';
        },
        kmsKey: (args) => {
          args.rotationPeriodInDays = 90;
        },
      },
    });
    expect(named('hooked-data').inputs.objectLockEnabled).toBe(true);
    expect(named('hooked-results').inputs.objectLockEnabled).toBeUndefined();
    expect(seen.sort()).toEqual(['hooked-data-policy', 'hooked-logs-policy', 'hooked-results-policy']);
    expect(named('hooked-results-versioning').inputs.mfa).toBe('serial 123456');
    expect(named('hooked-key').inputs.rotationPeriodInDays).toBe(90);
  });

  it('lets a callback change resource options, here lifting protection from the log bucket alone', async () => {
    const { named } = await buildLake(mocks, 'optioned', {
      transform: {
        logBucket: (_args, opts) => {
          opts.protect = false;
        },
      },
    });
    expect(named('optioned-logs').protect).toBe(false);
    expect(named('optioned-data').protect).toBe(true);
  });
});

describe('DataLake grants', async () => {
  const role = exampleRole('etl-role');
  const reader = exampleRole('reader-role');
  const built = await buildLake(mocks, 'granted', {}, (lake) => {
    lake.grantRead(role, 'staging');
    lake.grantWrite(role, 'warehouse');
    lake.grantWrite(role, 'quarantine');
    lake.grantRead(role, 'scripts');
    lake.grantRead(reader, 'staging', { name: 'reader-albums', subPrefix: 'albums/' });
    lake.grantResultsReadWrite(reader);
    lake.grantKeyUse(reader);
  });
  const policyOf = (name: string) => JSON.parse(built.named(name).inputs.policy as string);

  it('attaches one role policy per grant, parented to the lake', () => {
    const policies = built.ofType(TYPES.rolePolicy);
    expect(policies.map((p) => p.name).sort()).toEqual([
      'granted-key-use',
      'granted-read-scripts',
      'granted-read-staging',
      'granted-reader-albums',
      'granted-results-read-write',
      'granted-write-quarantine',
      'granted-write-warehouse',
    ]);
    for (const policy of policies) {
      expect(policy.parent).toBe('granted');
      expect(policy.protect).toBe(false);
    }
    expect(built.named('granted-read-staging').inputs.role).toBe('etl-role-0000000');
  });

  it('renders the pure policy documents with the lake ARNs, key and region', () => {
    expect(policyOf('granted-read-staging')).toEqual(
      zoneReadPolicy({
        bucketArn: BUCKET_ARN('granted', 'data'),
        prefix: 'staging/',
        kmsKeyArn: KEY_ARN('granted'),
        region: 'eu-west-1',
      }),
    );
    const write = policyOf('granted-write-warehouse');
    expect(write.Statement[0]).toEqual({
      Sid: 'WriteDatawarehouseObjects',
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      Resource: `${BUCKET_ARN('granted', 'data')}/datawarehouse/*`,
    });
    expect(policyOf('granted-reader-albums').Statement[0].Resource).toBe(
      `${BUCKET_ARN('granted', 'data')}/staging/albums/*`,
    );
    expect(policyOf('granted-results-read-write').Statement[0].Resource).toBe(
      `${BUCKET_ARN('granted', 'results')}/*`,
    );
    expect(policyOf('granted-key-use').Statement[0]).toMatchObject({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: KEY_ARN('granted'),
      Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
    });
  });

  it('never grants s3:*, kms:* or S3 on every resource', () => {
    expect(wildcardViolations(mocks.resources)).toEqual([]);
  });

  it('refuses a second grant under the same default name, unknown zones and bad folders', () => {
    const lake = built.lake;
    expect(() => lake.grantRead(reader, 'staging')).toThrow(
      'DataLake "granted".grantRead: a grant named "granted-read-staging" already exists; pass { name } to name this one',
    );
    // @ts-expect-error: an unknown zone, as JavaScript callers could pass.
    expect(() => lake.grantRead(reader, 'raw')).toThrow(
      'DataLake "granted".grantRead: unknown zone "raw"; expected one of staging, warehouse, quarantine, scripts',
    );
    expect(() => lake.grantWrite(reader, 'staging', { subPrefix: '/albums' })).toThrow(
      /subPrefix "\/albums" must be/,
    );
    expect(() => lake.grantWrite(reader, 'staging', { subPrefix: 'albums/*' })).toThrow(
      /subPrefix "albums\/\*"/,
    );
  });

  it('accepts a role name instead of a role', async () => {
    const lake = new DataLake('byname', { encryption: 'sse-s3' });
    lake.grantRead('analyst', 'warehouse');
    await mocks.settled();
    const policy = mocks.under('byname').find((r) => r.type === TYPES.rolePolicy)!;
    expect(policy.inputs.role).toBe('analyst');
    expect(JSON.parse(policy.inputs.policy as string).Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'ReadDatawarehouseObjects',
      'ListDatawarehouse',
      'LocateDatawarehouseBucket',
    ]);
  });
});

describe('DataLake resource graph', () => {
  /** Type, name, parent, options and inputs of every resource, in a stable order, policies parsed. */
  function graphOf(resources: readonly RecordedResource[]) {
    const nameOf = new Map(resources.map((r) => [r.urn, r.name]));
    return [...resources]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((r) => ({
        type: r.type,
        name: r.name,
        parent: r.parent ?? null,
        protect: r.protect,
        retainOnDelete: r.retainOnDelete,
        dependsOn: r.dependsOn.map((urn) => nameOf.get(urn) ?? urn).sort(),
        inputs: JSON.parse(JSON.stringify(r.inputs), (key, value) =>
          key === 'policy' && typeof value === 'string' ? JSON.parse(value) : value,
        ),
      }));
  }

  it('matches the snapshot with default args and grants, taken after every registration settled', async () => {
    const role = exampleRole('snap-job-role');
    const { resources } = await buildLake(mocks, 'snap', {}, (lake) => {
      lake.grantRead(role, 'staging');
      lake.grantWrite(role, 'warehouse');
      lake.grantResultsReadWrite(role);
      lake.grantKeyUse(role);
    });
    // The grants render inside apply callbacks and register last: they must be in the graph.
    expect(resources.filter((r) => r.type === TYPES.rolePolicy)).toHaveLength(4);
    expect(graphOf(resources)).toMatchSnapshot();
  });

  it('matches the snapshot of a disposable SSE-S3 development lake', async () => {
    const { resources } = await buildLake(mocks, 'devsnap', {
      encryption: 'sse-s3',
      disposableData: { enabled: true, confirm: 'test' },
    });
    expect(graphOf(resources)).toMatchSnapshot();
  });
});
