import { describe, expect, it } from 'vitest';
import {
  accountAdministersKey,
  accountRoot,
  KEY_ADMIN_ACTIONS,
  LOGS_KEY_ACTIONS,
  logGroupArn,
  logsUseKeyFor,
} from '../src/key-policy';

const env = { partition: 'aws', region: 'eu-west-1', accountId: '123456789012' };

describe('key policy statements', () => {
  it('administration is listed action by action: no wildcard, no way to create grants or use the key', () => {
    expect(KEY_ADMIN_ACTIONS.some((action) => action.includes('*'))).toBe(false);
    expect(KEY_ADMIN_ACTIONS).not.toContain('kms:CreateGrant');
    for (const use of ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom']) {
      expect(KEY_ADMIN_ACTIONS).not.toContain(use);
    }
    // The account can never lock itself out, and can retire the key.
    expect(KEY_ADMIN_ACTIONS).toContain('kms:PutKeyPolicy');
    expect(KEY_ADMIN_ACTIONS).toContain('kms:ScheduleKeyDeletion');
  });

  it('the account root administers the key', () => {
    expect(accountRoot(env)).toBe('arn:aws:iam::123456789012:root');
    expect(accountAdministersKey({ ...env, partition: 'aws-cn' })).toEqual({
      Sid: 'AccountAdministersKey',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws-cn:iam::123456789012:root' },
      Action: [...KEY_ADMIN_ACTIONS],
      Resource: '*',
    });
  });

  it('CloudWatch Logs of the region uses the key for the named log groups only', () => {
    const groups = logGroupArn(env, '/aws-glue/jobs/cfg-*');
    expect(groups).toBe('arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/jobs/cfg-*');
    expect(logsUseKeyFor(env, 'LogsEncryptJobLogs', groups)).toEqual({
      Sid: 'LogsEncryptJobLogs',
      Effect: 'Allow',
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Action: [...LOGS_KEY_ACTIONS],
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': groups } },
    });
  });
});
