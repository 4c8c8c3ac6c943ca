import { describe, expect, it } from 'vitest';
import {
  keyUsePolicy,
  resultsReadWritePolicy,
  zoneReadPolicy,
  zoneWritePolicy,
} from '../../src/access/grants';
import { mergePolicyDocuments } from '../../src/iam/policy-document';

const BUCKET = 'arn:aws:s3:::lake-data-1';
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/k';
const VIA_S3 = { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' };

describe('zoneReadPolicy', () => {
  it('reads objects under the prefix, lists only the prefix, and never uses s3:*', () => {
    expect(zoneReadPolicy({ bucketArn: BUCKET, prefix: 'staging/' })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadStagingObjects',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:GetObjectVersion'],
          Resource: `${BUCKET}/staging/*`,
        },
        {
          Sid: 'ListStaging',
          Effect: 'Allow',
          Action: ['s3:ListBucket'],
          Resource: BUCKET,
          Condition: { StringLike: { 's3:prefix': ['staging/', 'staging/*'] } },
        },
        { Sid: 'LocateStagingBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation'], Resource: BUCKET },
      ],
    });
  });

  it('adds decryption through S3, limited to the bucket, when the bucket uses a KMS key', () => {
    const policy = zoneReadPolicy({
      bucketArn: BUCKET,
      prefix: 'datawarehouse/',
      kmsKeyArn: KEY,
      region: 'eu-west-1',
    });
    expect(policy.Statement[3]).toEqual({
      Sid: 'DecryptDatawarehouse',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: KEY,
      Condition: {
        StringEquals: VIA_S3,
        StringLike: { 'kms:EncryptionContext:aws:s3:arn': [BUCKET, `${BUCKET}/datawarehouse/*`] },
      },
    });
  });

  it.each(['', '/staging/', 'staging', 'staging/*'])('rejects the prefix %j', (prefix) => {
    expect(() => zoneReadPolicy({ bucketArn: BUCKET, prefix })).toThrow(
      `zoneReadPolicy: prefix "${prefix}" must be`,
    );
  });

  it('needs the region with a key', () => {
    expect(() => zoneReadPolicy({ bucketArn: BUCKET, prefix: 'staging/', kmsKeyArn: KEY })).toThrow(
      'zoneReadPolicy: region is required with kmsKeyArn',
    );
  });
});

describe('zoneWritePolicy', () => {
  it('puts, deletes and manages multipart uploads under the prefix, without version deletion', () => {
    const policy = zoneWritePolicy({
      bucketArn: BUCKET,
      prefix: 'quarantine/',
      kmsKeyArn: KEY,
      region: 'eu-west-1',
    });
    expect(policy.Statement).toEqual([
      {
        Sid: 'WriteQuarantineObjects',
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        Resource: `${BUCKET}/quarantine/*`,
      },
      {
        Sid: 'EncryptQuarantine',
        Effect: 'Allow',
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: KEY,
        Condition: {
          StringEquals: VIA_S3,
          StringLike: { 'kms:EncryptionContext:aws:s3:arn': [BUCKET, `${BUCKET}/quarantine/*`] },
        },
      },
    ]);
    expect(JSON.stringify(policy)).not.toContain('DeleteObjectVersion');
  });

  it('can be merged with a read grant of another zone (Sids do not collide)', () => {
    const merged = mergePolicyDocuments(
      zoneReadPolicy({ bucketArn: BUCKET, prefix: 'staging/', kmsKeyArn: KEY, region: 'eu-west-1' }),
      zoneReadPolicy({ bucketArn: BUCKET, prefix: 'scripts/', kmsKeyArn: KEY, region: 'eu-west-1' }),
      zoneWritePolicy({ bucketArn: BUCKET, prefix: 'datawarehouse/', kmsKeyArn: KEY, region: 'eu-west-1' }),
    );
    expect(merged.Statement).toHaveLength(10);
  });
});

describe('resultsReadWritePolicy', () => {
  it('gives Athena what it needs on the whole results bucket', () => {
    expect(resultsReadWritePolicy({ bucketArn: 'arn:aws:s3:::results' }).Statement).toEqual([
      {
        Sid: 'ReadWriteResults',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        Resource: 'arn:aws:s3:::results/*',
      },
      { Sid: 'ListResults', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::results' },
      {
        Sid: 'LocateResultsBucket',
        Effect: 'Allow',
        Action: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'],
        Resource: 'arn:aws:s3:::results',
      },
    ]);
  });

  it('scopes to a prefix when given one, and adds the key', () => {
    const policy = resultsReadWritePolicy({
      bucketArn: 'arn:aws:s3:::results',
      prefix: 'workgroup/',
      kmsKeyArn: KEY,
      region: 'eu-west-1',
    });
    expect(policy.Statement[0]!.Resource).toBe('arn:aws:s3:::results/workgroup/*');
    expect(policy.Statement[1]!.Condition).toEqual({
      StringLike: { 's3:prefix': ['workgroup/', 'workgroup/*'] },
    });
    expect(policy.Statement[3]).toMatchObject({ Sid: 'EncryptResults', Resource: KEY });
  });
});

describe('keyUsePolicy', () => {
  it('allows decrypt and data keys through S3 for the named buckets only', () => {
    expect(
      keyUsePolicy({ kmsKeyArn: KEY, region: 'eu-west-1', bucketArns: [BUCKET, 'arn:aws:s3:::r'] }),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'UseLakeKeyThroughS3',
          Effect: 'Allow',
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: KEY,
          Condition: {
            StringEquals: VIA_S3,
            StringLike: {
              'kms:EncryptionContext:aws:s3:arn': [
                BUCKET,
                `${BUCKET}/*`,
                'arn:aws:s3:::r',
                'arn:aws:s3:::r/*',
              ],
            },
          },
        },
      ],
    });
  });

  it('refuses an empty bucket list, which would grant nothing usable', () => {
    expect(() => keyUsePolicy({ kmsKeyArn: KEY, region: 'eu-west-1', bucketArns: [] })).toThrow(
      'keyUsePolicy: bucketArns is empty',
    );
  });
});
