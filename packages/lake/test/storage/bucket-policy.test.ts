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
  it('with KMS, denies another algorithm, another key and customer-provided keys, only when the header is sent', () => {
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
