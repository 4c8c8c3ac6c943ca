import { explicitDenies } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import {
  accessLogDeliveryStatements,
  minimumTlsStatement,
  tlsOnlyStatement,
  wrongEncryptionUploadStatements,
} from '../../src/storage/bucket-policy';

const ARN = 'arn:aws:s3:::lake-data-1';
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/k';

describe('tlsOnlyStatement', () => {
  it('denies every S3 action on the bucket and its objects without TLS', () => {
    expect(tlsOnlyStatement(ARN)).toEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:*'],
      Resource: [ARN, `${ARN}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });
});

describe('minimumTlsStatement', () => {
  it('denies requests over older TLS', () => {
    expect(minimumTlsStatement(ARN, '1.3')).toMatchObject({
      Effect: 'Deny',
      Resource: [ARN, `${ARN}/*`],
      Condition: { NumericLessThan: { 's3:TlsVersion': '1.3' } },
    });
  });
});

describe('wrongEncryptionUploadStatements', () => {
  it('with KMS, denies another algorithm, aws:kms without a key, another key and customer keys, only when sent', () => {
    expect(wrongEncryptionUploadStatements(ARN, { kind: 'kms', kmsKeyArn: KEY })).toEqual([
      {
        Sid: 'DenyWrongEncryptionAlgorithm',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:PutObject'],
        Resource: `${ARN}/*`,
        Condition: {
          StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' },
          Null: { 's3:x-amz-server-side-encryption': 'false' },
        },
      },
      {
        Sid: 'DenyCustomerProvidedKeys',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:PutObject'],
        Resource: `${ARN}/*`,
        Condition: { Null: { 's3:x-amz-server-side-encryption-customer-algorithm': 'false' } },
      },
      {
        Sid: 'DenyKmsWithoutLakeKey',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:PutObject'],
        Resource: `${ARN}/*`,
        Condition: {
          StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' },
          Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'true' },
        },
      },
      {
        Sid: 'DenyOtherKmsKeys',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:PutObject'],
        Resource: `${ARN}/*`,
        Condition: {
          StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': KEY },
          Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'false' },
        },
      },
    ]);
  });

  it('with SSE-S3, requires AES256 and has no key statement', () => {
    const statements = wrongEncryptionUploadStatements(ARN, { kind: 'sse-s3' });
    expect(statements.map((s) => s.Sid)).toEqual([
      'DenyWrongEncryptionAlgorithm',
      'DenyCustomerProvidedKeys',
    ]);
    expect(statements[0]!.Condition!.StringNotEquals).toEqual({
      's3:x-amz-server-side-encryption': 'AES256',
    });
  });
});

/** What real clients send: the bucket policy must let the lake's own writers through and stop the others. */
describe('the bucket policy against the requests clients send', () => {
  const SSE = 's3:x-amz-server-side-encryption';
  const SSE_KEY = 's3:x-amz-server-side-encryption-aws-kms-key-id';
  const policy = (encryption: Parameters<typeof wrongEncryptionUploadStatements>[1]) => ({
    Statement: [
      tlsOnlyStatement(ARN),
      minimumTlsStatement(ARN, '1.2'),
      ...wrongEncryptionUploadStatements(ARN, encryption),
    ],
  });
  const put = (headers: Record<string, string>, transport: Record<string, string> = {}) => ({
    action: 's3:PutObject',
    resource: `${ARN}/datawarehouse/part-0.parquet`,
    context: { 'aws:SecureTransport': 'true', 's3:TlsVersion': '1.3', ...transport, ...headers },
  });

  it('with KMS, admits default-encrypted uploads (no headers) and the lake key named by ARN', () => {
    const kms = policy({ kind: 'kms', kmsKeyArn: KEY });
    // The Glue job and boto3 copies send no encryption headers: the bucket default (the lake key) applies.
    expect(explicitDenies(kms, put({}))).toEqual([]);
    // Athena's SSE_KMS results and a Glue security configuration with the lake key send both headers.
    expect(explicitDenies(kms, put({ [SSE]: 'aws:kms', [SSE_KEY]: KEY }))).toEqual([]);
  });

  it('with KMS, stops every upload that would not end up under the lake key', () => {
    const kms = policy({ kind: 'kms', kmsKeyArn: KEY });
    expect(explicitDenies(kms, put({ [SSE]: 'AES256' }))).toEqual(['DenyWrongEncryptionAlgorithm']);
    // aws:kms without a key id means the AWS managed key aws/s3.
    expect(explicitDenies(kms, put({ [SSE]: 'aws:kms' }))).toEqual(['DenyKmsWithoutLakeKey']);
    expect(explicitDenies(kms, put({ [SSE]: 'aws:kms', [SSE_KEY]: `${KEY}-other` }))).toEqual([
      'DenyOtherKmsKeys',
    ]);
    expect(explicitDenies(kms, put({ [SSE]: 'aws:kms', [SSE_KEY]: 'alias/aws/s3' }))).toEqual([
      'DenyOtherKmsKeys',
    ]);
    expect(
      explicitDenies(kms, put({ 's3:x-amz-server-side-encryption-customer-algorithm': 'AES256' })),
    ).toEqual(['DenyCustomerProvidedKeys']);
  });

  it('with SSE-S3, admits no headers and AES256, and stops KMS', () => {
    const s3 = policy({ kind: 'sse-s3' });
    expect(explicitDenies(s3, put({}))).toEqual([]);
    expect(explicitDenies(s3, put({ [SSE]: 'AES256' }))).toEqual([]);
    expect(explicitDenies(s3, put({ [SSE]: 'aws:kms', [SSE_KEY]: KEY }))).toEqual([
      'DenyWrongEncryptionAlgorithm',
    ]);
  });

  it('stops plain HTTP and TLS older than the floor, for reads too', () => {
    const kms = policy({ kind: 'kms', kmsKeyArn: KEY });
    expect(explicitDenies(kms, put({}, { 'aws:SecureTransport': 'false' }))).toEqual([
      'DenyInsecureTransport',
    ]);
    const oldTlsRead = { ...put({}, { 's3:TlsVersion': '1.1' }), action: 's3:GetObject' };
    expect(explicitDenies(kms, oldTlsRead)).toEqual(['DenyOutdatedTls']);
  });
});

describe('accessLogDeliveryStatements', () => {
  it('allows the logging service to write each source under its own prefix, for this account only', () => {
    const statements = accessLogDeliveryStatements({
      logBucketArn: 'arn:aws:s3:::logs',
      accountId: '123456789012',
      sources: [
        { bucketArn: 'arn:aws:s3:::data', prefix: 'data/' },
        { bucketArn: 'arn:aws:s3:::results', prefix: 'results/' },
      ],
    });
    expect(statements).toEqual([
      {
        Sid: 'AllowAccessLogDelivery0',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: ['s3:PutObject'],
        Resource: 'arn:aws:s3:::logs/data/*',
        Condition: {
          ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::data' },
          StringEquals: { 'aws:SourceAccount': '123456789012' },
        },
      },
      {
        Sid: 'AllowAccessLogDelivery1',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: ['s3:PutObject'],
        Resource: 'arn:aws:s3:::logs/results/*',
        Condition: {
          ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::results' },
          StringEquals: { 'aws:SourceAccount': '123456789012' },
        },
      },
    ]);
  });
});
