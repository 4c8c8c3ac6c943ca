import { describe, expect, it } from 'vitest';
import { explicitDenies } from '../src/policy-evaluation';

const document = {
  Statement: [
    {
      Sid: 'DenyPlainHttp',
      Effect: 'Deny',
      Action: ['s3:*'],
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
    {
      Sid: 'DenyOtherAlgorithm',
      Effect: 'Deny',
      Action: ['s3:PutObject'],
      Resource: 'arn:aws:s3:::b/*',
      Condition: {
        StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' },
        Null: { 's3:x-amz-server-side-encryption': 'false' },
      },
    },
    { Sid: 'AllowRead', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*' },
  ],
};
const put = (context: Record<string, string>) => ({
  action: 's3:PutObject',
  resource: 'arn:aws:s3:::b/staging/x.csv',
  context: { 'aws:SecureTransport': 'true', ...context },
});

describe('explicitDenies', () => {
  it('matches actions and resources with wildcards and ANDs the conditions', () => {
    expect(explicitDenies(document, put({}))).toEqual([]);
    expect(explicitDenies(document, put({ 'aws:SecureTransport': 'false' }))).toEqual(['DenyPlainHttp']);
    expect(explicitDenies(document, put({ 's3:x-amz-server-side-encryption': 'AES256' }))).toEqual([
      'DenyOtherAlgorithm',
    ]);
    expect(explicitDenies(document, put({ 's3:x-amz-server-side-encryption': 'aws:kms' }))).toEqual([]);
    expect(
      explicitDenies(document, { action: 's3:GetObject', resource: 'arn:aws:s3:::other/x', context: {} }),
    ).toEqual([]);
  });

  it('treats a missing key as IAM does: negated operators hold, others do not', () => {
    const negated = {
      Statement: [
        {
          Sid: 'N',
          Effect: 'Deny',
          Action: 's3:PutObject',
          Resource: '*',
          Condition: { StringNotEquals: { 'k:x': 'v' } },
        },
        {
          Sid: 'P',
          Effect: 'Deny',
          Action: 's3:PutObject',
          Resource: '*',
          Condition: { StringEquals: { 'k:x': 'v' } },
        },
        {
          Sid: 'T',
          Effect: 'Deny',
          Action: 's3:PutObject',
          Resource: '*',
          Condition: { NumericLessThan: { 'k:t': '1.2' } },
        },
      ],
    };
    expect(explicitDenies(negated, { action: 's3:PutObject', resource: 'r', context: {} })).toEqual(['N']);
    expect(
      explicitDenies(negated, {
        action: 's3:PutObject',
        resource: 'r',
        context: { 'k:x': 'v', 'k:t': '1.0' },
      }),
    ).toEqual(['P', 'T']);
  });

  it('refuses an operator it does not simulate', () => {
    const unknown = {
      Statement: [
        {
          Sid: 'X',
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '1.2.3.4' } },
        },
      ],
    };
    expect(() => explicitDenies(unknown, { action: 's3:GetObject', resource: 'r', context: {} })).toThrow(
      'condition operator IpAddress is not simulated',
    );
  });
});
