import type { AwsEnvironment } from './aws-environment';

/**
 * Administration actions for the account root in a KMS key policy, each named: no `kms:*` and no `kms:Create*`,
 * whose `kms:CreateGrant` would let any principal that IAM allows it grant itself Decrypt outside whatever limit
 * the key's other statements set. The account can still manage, tag, rotate and schedule the deletion of the key,
 * and cannot be locked out (`kms:PutKeyPolicy`). A key that needs grants allows them separately, for AWS services
 * only (`kms:GrantIsForAWSResource`).
 */
export const KEY_ADMIN_ACTIONS = [
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:UpdateAlias',
  'kms:DescribeKey',
  'kms:EnableKey',
  'kms:DisableKey',
  'kms:EnableKeyRotation',
  'kms:DisableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:UpdateKeyDescription',
  'kms:RevokeGrant',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:RotateKeyOnDemand',
] as const;

/** What CloudWatch Logs needs of a key that encrypts log groups. */
export const LOGS_KEY_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:DescribeKey',
] as const;

/** A statement of a KMS key policy (where the resource `*` means "this key"). */
export interface KeyPolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: { AWS: string } | { Service: string };
  Action: string[];
  Resource: '*';
  Condition?: Record<string, Record<string, string>>;
}

/** The account root: `arn:<partition>:iam::<account>:root`, which lets IAM policies of the account decide. */
export function accountRoot(env: AwsEnvironment): string {
  return `arn:${env.partition}:iam::${env.accountId}:root`;
}

/** The account administers the key (`KEY_ADMIN_ACTIONS`), and uses it only as other statements allow. */
export function accountAdministersKey(env: AwsEnvironment): KeyPolicyStatement {
  return {
    Sid: 'AccountAdministersKey',
    Effect: 'Allow',
    Principal: { AWS: accountRoot(env) },
    Action: [...KEY_ADMIN_ACTIONS],
    Resource: '*',
  };
}

/** A log group's ARN in the environment's account and region; `logGroup` may end in `*`. */
export function logGroupArn(env: AwsEnvironment, logGroup: string): string {
  return `arn:${env.partition}:logs:${env.region}:${env.accountId}:log-group:${logGroup}`;
}

/**
 * CloudWatch Logs of the region may use the key for the named log groups only: the encryption context it sends
 * names the log group, so `logGroups` (an ARN pattern, see `logGroupArn`) keeps the key to one component's logs.
 */
export function logsUseKeyFor(env: AwsEnvironment, sid: string, logGroups: string): KeyPolicyStatement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: { Service: `logs.${env.region}.amazonaws.com` },
    Action: [...LOGS_KEY_ACTIONS],
    Resource: '*',
    Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': logGroups } },
  };
}
