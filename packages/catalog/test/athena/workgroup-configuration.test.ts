import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ATHENA_ENGINE_VERSION_3,
  assertBytesScannedCutoff,
  assertResultsPrefix,
  MIN_BYTES_SCANNED_CUTOFF_PER_QUERY,
  resultsEncryption,
  resultsOutputLocation,
  workgroupConfiguration,
} from '../../src/athena/workgroup-configuration';
import { definition, loadCfnSchema, validate } from '../support/cfn-schema';
import { workgroupToCfn } from '../support/cfn-shapes';
import { resolvedValue, setupPulumiMocks } from '../support/pulumi-mocks';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('assertBytesScannedCutoff', () => {
  it('accepts 10 MB and more', () => {
    expect(MIN_BYTES_SCANNED_CUTOFF_PER_QUERY).toBe(10485760);
    expect(() => assertBytesScannedCutoff(10485760)).not.toThrow();
    expect(() => assertBytesScannedCutoff(10 * 1024 ** 3)).not.toThrow();
  });

  it.each([10485759, 0, -1, 1.5e7 + 0.5, Number.NaN, Number.POSITIVE_INFINITY, '20000000', undefined])(
    'rejects %s with the minimum in the message',
    (value) => {
      expect(() => assertBytesScannedCutoff(value)).toThrow(
        /^bytesScannedCutoffPerQuery must be an integer of at least 10485760 bytes \(10 MB, Athena's minimum\); got /,
      );
    },
  );

  it('is at or above the minimum of the CloudFormation schema', () => {
    const schema = loadCfnSchema('aws-athena-workgroup.json');
    expect(MIN_BYTES_SCANNED_CUTOFF_PER_QUERY).toBeGreaterThanOrEqual(
      definition(schema, 'BytesScannedCutoffPerQuery').minimum!,
    );
  });
});

describe('assertResultsPrefix', () => {
  it.each(['athena-results', 'team/athena', 'a.b_c'])('accepts %s', (prefix) => {
    expect(() => assertResultsPrefix(prefix)).not.toThrow();
  });

  it.each(['', '/leading', 'trailing/', 'a//b', '../up', 'a/../b', 'sp ace'])('rejects %j', (prefix) => {
    expect(() => assertResultsPrefix(prefix)).toThrow(/^resultsPrefix ".*" must be a folder path/);
  });
});

describe('resultsEncryption', () => {
  it('uses the lake key when there is one, else S3-managed keys', () => {
    expect(resultsEncryption(KEY)).toEqual({ encryptionOption: 'SSE_KMS', kmsKeyArn: KEY });
    expect(resultsEncryption(undefined)).toEqual({ encryptionOption: 'SSE_S3' });
  });

  it('only uses encryption options CloudFormation knows', () => {
    const options = definition(loadCfnSchema('aws-athena-workgroup.json'), 'EncryptionOption').enum;
    expect(options).toContain(resultsEncryption(KEY).encryptionOption);
    expect(options).toContain(resultsEncryption(undefined).encryptionOption);
  });
});

describe('workgroupConfiguration', () => {
  beforeAll(async () => {
    await setupPulumiMocks();
  });

  const resolved = (kmsKeyArn: pulumi.Input<string | undefined> | undefined) =>
    resolvedValue(
      pulumi.output(
        workgroupConfiguration({
          bytesScannedCutoffPerQuery: 1_000_000_000,
          resultsBucketName: pulumi.output('lake-results'),
          resultsPrefix: 'athena-results',
          kmsKeyArn,
          expectedBucketOwner: '123456789012',
        }),
      ),
    );

  it('writes results under the prefix of the results bucket', async () => {
    expect(await resolvedValue(resultsOutputLocation('lake-results', 'a/b'))).toBe('s3://lake-results/a/b/');
  });

  it('enforces engine v3, metrics, the cutoff and owner-controlled encrypted results', async () => {
    expect(await resolved(KEY)).toEqual({
      engineVersion: { selectedEngineVersion: ATHENA_ENGINE_VERSION_3 },
      enforceWorkgroupConfiguration: true,
      publishCloudwatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: 1_000_000_000,
      resultConfiguration: {
        outputLocation: 's3://lake-results/athena-results/',
        encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKeyArn: KEY },
        expectedBucketOwner: '123456789012',
        aclConfiguration: { s3AclOption: 'BUCKET_OWNER_FULL_CONTROL' },
      },
    });
  });

  it('falls back to SSE_S3 when the lake key resolves to undefined', async () => {
    const config = await resolved(pulumi.output(undefined));
    expect(config.resultConfiguration).toMatchObject({
      encryptionConfiguration: { encryptionOption: 'SSE_S3' },
    });
  });

  it('conforms to the CloudFormation AWS::Athena::WorkGroup schema', async () => {
    const schema = loadCfnSchema('aws-athena-workgroup.json');
    for (const key of [KEY, undefined]) {
      const cfn = workgroupToCfn({
        name: 'catalog-prod',
        description: 'd',
        state: 'ENABLED',
        tags: { team: 'data' },
        configuration: await resolved(key),
      });
      expect(validate(schema, cfn)).toEqual([]);
    }
    const tooSmall = workgroupToCfn({
      name: 'w',
      state: 'ENABLED',
      tags: {},
      configuration: { ...(await resolved(KEY)), bytesScannedCutoffPerQuery: 5 },
    });
    expect(validate(schema, tooSmall)).toEqual([
      expect.stringContaining('BytesScannedCutoffPerQuery: below'),
    ]);
  });
});
