import { describe, expect, it } from 'vitest';
import {
  KEY_ADMIN_ACTIONS,
  KEY_GRANT_ACTIONS,
  KEY_USE_ACTIONS,
  lakeKeyPolicy,
  s3ViaService,
} from '../../src/encryption/key-policy';

describe('lakeKeyPolicy', () => {
  const policy = lakeKeyPolicy({ accountId: '123456789012', partition: 'aws-cn', region: 'cn-north-1' });

  it('lets the account root administer the key, with listed actions rather than kms:*', () => {
    expect(policy.Statement[0]).toEqual({
      Sid: 'AccountAdministersKey',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws-cn:iam::123456789012:root' },
      Action: [...KEY_ADMIN_ACTIONS],
      Resource: '*',
    });
    expect(KEY_ADMIN_ACTIONS).toContain('kms:PutKeyPolicy');
    expect(KEY_ADMIN_ACTIONS).toContain('kms:ScheduleKeyDeletion');
  });

  it('allows CreateGrant in no statement but the one for AWS services, checked statement by statement', () => {
    // An action pattern of a statement covers CreateGrant when, as IAM reads it, the pattern matches it.
    const covers = (pattern: string, action: string) =>
      new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(action);
    for (const statement of policy.Statement) {
      const grants = statement.Action.some((a) => covers(a, 'kms:CreateGrant'));
      if (statement.Sid === 'AccountGrantsForAwsServicesOnly') {
        expect(statement).toEqual({
          Sid: 'AccountGrantsForAwsServicesOnly',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws-cn:iam::123456789012:root' },
          Action: [...KEY_GRANT_ACTIONS],
          Resource: '*',
          Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        });
      } else {
        expect(grants, statement.Sid).toBe(false);
      }
    }
    expect(KEY_ADMIN_ACTIONS.some((a) => a.includes('*'))).toBe(false);
  });

  it('lets the account delegate data-key use, only through S3 in the region', () => {
    expect(policy.Statement[2]).toEqual({
      Sid: 'AccountDelegatesKeyUseThroughS3',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws-cn:iam::123456789012:root' },
      Action: [...KEY_USE_ACTIONS],
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:CallerAccount': '123456789012',
          'kms:ViaService': 's3.cn-north-1.amazonaws.com',
        },
      },
    });
  });

  it('grants no principal other than the account, and no service-wide action', () => {
    expect(policy.Statement).toHaveLength(3);
    for (const statement of policy.Statement) {
      expect(statement.Action.filter((action) => action === '*' || action === 'kms:*')).toEqual([]);
    }
  });

  it('names the S3 endpoint of a region', () => {
    expect(s3ViaService('eu-west-1')).toBe('s3.eu-west-1.amazonaws.com');
  });
});
