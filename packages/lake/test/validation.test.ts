import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import type { DataLakeArgs } from '../src/data-lake-args';
import { defaultLifecycle } from '../src/lifecycle/lifecycle-rules';
import { DATA_LAKE_DEFAULTS, resolveDataLakeArgs } from '../src/validation';

// DataLake calls this with pulumi.getStack() before registering anything (see data-lake.test.ts).
function errorOf(name: string, args: unknown): string {
  try {
    resolveDataLakeArgs(name, args as DataLakeArgs, 'test');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected DataLake to throw');
}

describe('resolveDataLakeArgs defaults', () => {
  it('states every default of the plain args', () => {
    const resolved = resolveDataLakeArgs('lake', {}, 'dev');
    expect(resolved).toMatchObject({
      encryption: 'kms',
      kmsKeyArn: undefined,
      kmsKeyDeletionWindowDays: 30,
      bucketKeyEnabled: true,
      blockPublicAccess: true,
      objectOwnership: 'BucketOwnerEnforced',
      denyInsecureTransport: true,
      minimumTlsVersion: '1.2',
      denyWrongEncryptionUploads: true,
      versioning: true,
      tags: {},
      transform: {},
    });
    expect(resolved.lifecycle).toEqual(defaultLifecycle());
    expect(resolved.protection).toEqual({
      disposable: false,
      resourceOptions: { protect: true, retainOnDelete: true },
      forceDestroy: false,
    });
    const { lifecycle: _l, protection: _p, tags: _t, transform: _x, kmsKeyArn: _k, ...plain } = resolved;
    expect(plain).toEqual(DATA_LAKE_DEFAULTS);
  });
});

describe('DataLake argument validation', () => {
  it.each([
    ['', 'DataLake name "" is invalid'],
    ['Lake', 'DataLake name "Lake" is invalid'],
    ['my_lake', 'DataLake name "my_lake" is invalid'],
    ['-lake', 'DataLake name "-lake" is invalid'],
    ['a'.repeat(48), `DataLake name "${'a'.repeat(48)}" is invalid: use 1 to 47 lowercase letters`],
  ])('rejects the name %j', (name, message) => {
    expect(errorOf(name, {})).toContain(message);
  });

  it('accepts a 47-character name', () => {
    expect(() => resolveDataLakeArgs('a'.repeat(47), {}, 'dev')).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    [
      'encryption',
      { encryption: 'aes' },
      `DataLake "bad": encryption must be one of 'kms', 'sse-s3' (got "aes")`,
    ],
    [
      'kmsKeyArn with SSE-S3',
      { encryption: 'sse-s3', kmsKeyArn: 'arn:aws:kms:eu-west-1:1:key/k' },
      `DataLake "bad": kmsKeyArn is set but encryption is 'sse-s3'; use encryption 'kms' with a key`,
    ],
    [
      'deletion window with a given key',
      { kmsKeyArn: 'arn:aws:kms:eu-west-1:1:key/k', kmsKeyDeletionWindowDays: 10 },
      `DataLake "bad": kmsKeyDeletionWindowDays only applies to the key the lake creates`,
    ],
    [
      'deletion window too short',
      { kmsKeyDeletionWindowDays: 6 },
      'DataLake "bad": kmsKeyDeletionWindowDays must be a whole number from 7 to 30 (got 6)',
    ],
    [
      'deletion window too long',
      { kmsKeyDeletionWindowDays: 31 },
      'DataLake "bad": kmsKeyDeletionWindowDays must be a whole number from 7 to 30 (got 31)',
    ],
    [
      'objectOwnership',
      { objectOwnership: 'Owner' },
      `DataLake "bad": objectOwnership must be one of 'BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter' (got "Owner")`,
    ],
    [
      'minimumTlsVersion',
      { minimumTlsVersion: '1.1' },
      `DataLake "bad": minimumTlsVersion must be one of '1.2', '1.3' (got "1.1")`,
    ],
    [
      'a flag given as a string',
      { versioning: 'yes' },
      'DataLake "bad": versioning must be true or false (got "yes")',
    ],
    [
      'blockPublicAccess given as a number',
      { blockPublicAccess: 0 },
      'DataLake "bad": blockPublicAccess must be true or false (got 0)',
    ],
    [
      'a misspelt transform',
      { transform: { bucket: {} } },
      'DataLake "bad": unknown transform hook "bucket"; expected dataBucket, resultsBucket',
    ],
    [
      'IA too early',
      { lifecycle: { staging: { infrequentAccessAfterDays: 10 } } },
      'DataLake "bad": lifecycle.staging.infrequentAccessAfterDays is 10, but S3 only moves objects to STANDARD_IA after at least 30 days',
    ],
    [
      'Glacier too soon after IA',
      { lifecycle: { quarantine: { glacierInstantRetrievalAfterDays: 45 } } },
      'DataLake "bad": lifecycle.quarantine.glacierInstantRetrievalAfterDays is 45, but it must be at least 30 days after lifecycle.quarantine.infrequentAccessAfterDays (30)',
    ],
    [
      'expiry before the last transition',
      { lifecycle: { staging: { expireAfterDays: 90 } } },
      'DataLake "bad": lifecycle.staging.expireAfterDays is 90, but it must come after the last transition (day 90)',
    ],
    [
      'query results expiry of zero',
      { lifecycle: { queryResultsExpirationDays: 0 } },
      'DataLake "bad": lifecycle.queryResultsExpirationDays must be a whole number of days, at least 1 (got 0)',
    ],
    [
      'fractional days',
      { lifecycle: { noncurrentVersionExpirationDays: 1.5 } },
      'DataLake "bad": lifecycle.noncurrentVersionExpirationDays must be a whole number of days, at least 1 (got 1.5)',
    ],
    [
      'disposable data without the confirmation',
      { disposableData: { enabled: true } },
      'DataLake "bad": disposableData.enabled is true but disposableData.confirm is missing; set confirm to the stack name ("test")',
    ],
    [
      'disposable data confirmed for another stack',
      { disposableData: { enabled: true, confirm: 'prod' } },
      'DataLake "bad": disposableData.confirm is "prod" but this stack is "test"; data stays protected',
    ],
    [
      'a transform hook that is neither object nor function',
      { transform: { dataBucket: 'versioned' } },
      'DataLake "bad": transform.dataBucket must be an object merged over the args or a function (args, opts, name) => void',
    ],
    [
      'a misspelt argument',
      { encyption: 'kms', tag: {} },
      'DataLake "bad": unknown argument "encyption", "tag"; expected encryption, kmsKeyArn,',
    ],
    [
      'a misspelt lifecycle field',
      { lifecycle: { queryResultExpirationDays: 3 } },
      'DataLake "bad": unknown lifecycle field "queryResultExpirationDays"; expected abortIncompleteMultipartUploadDays,',
    ],
    [
      'a misspelt zone step',
      { lifecycle: { staging: { expireAfter: 400 } } },
      'DataLake "bad": unknown lifecycle.staging field "expireAfter"; expected infrequentAccessAfterDays, glacierInstantRetrievalAfterDays, expireAfterDays',
    ],
    [
      'a zone that is not an object',
      { lifecycle: { quarantine: 90 } },
      'DataLake "bad": lifecycle.quarantine must be an object (got 90)',
    ],
    [
      'a misspelt disposableData field',
      { disposableData: { enabled: true, confirmed: 'test' } },
      'DataLake "bad": unknown disposableData field "confirmed"; expected enabled, confirm',
    ],
    [
      'disposableData as a flag',
      { disposableData: true },
      `DataLake "bad": disposableData must be { enabled: true, confirm: '<stack name>' } (got true)`,
    ],
    [
      'a key alias instead of a key ARN',
      { kmsKeyArn: 'alias/spotify' },
      'DataLake "bad": kmsKeyArn must be a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id> (not an alias or a bare key id',
    ],
    [
      'an alias ARN instead of a key ARN',
      { kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:alias/spotify' },
      'DataLake "bad": kmsKeyArn must be a KMS key ARN',
    ],
    [
      'a bare key id',
      { kmsKeyArn: '1234abcd-12ab-34cd-56ef-1234567890ab' },
      'DataLake "bad": kmsKeyArn must be a KMS key ARN',
    ],
  ])('rejects %s with a message naming the argument', (_case, args, message) => {
    expect(errorOf('bad', args)).toContain(message);
  });
});

/** The value of an Input, rejecting with the error an apply threw; the Output's other promises are observed too. */
function rejectionOf<T>(input: pulumi.Input<T>): Promise<T> {
  const output = pulumi.output(input) as unknown as {
    promise(): Promise<T>;
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
    allResources?: () => Promise<unknown>;
  };
  const ignore = () => undefined;
  output.isKnown.catch(ignore);
  output.isSecret.catch(ignore);
  output.allResources?.().catch(ignore);
  return output.promise();
}

describe('kmsKeyArn given as an Output', () => {
  it('accepts key ARNs of any partition and checks Outputs when they resolve', async () => {
    for (const arn of [
      'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab',
    ]) {
      expect(resolveDataLakeArgs('lake', { kmsKeyArn: arn }, 'dev').kmsKeyArn).toBe(arn);
    }
    const fromConfig = resolveDataLakeArgs(
      'lake',
      { kmsKeyArn: Promise.resolve('alias/from-config') },
      'dev',
    ).kmsKeyArn;
    await expect(rejectionOf(fromConfig)).rejects.toThrow('DataLake "lake": kmsKeyArn must be a KMS key ARN');
  });
});
