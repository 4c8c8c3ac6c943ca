import type { AwsEnvironment } from '@spotify-lake/component-kit';
import {
  KEY_ADMIN_ACTIONS,
  type PolicyDocument,
  type PolicyStatement,
  policyDocument,
} from '@spotify-lake/lake';
import { jobLogGroupPrefix } from '../job/job-settings';

function accountAdministers(env: AwsEnvironment): PolicyStatement {
  return {
    Sid: 'AccountAdministersKey',
    Effect: 'Allow',
    Principal: { AWS: `arn:${env.partition}:iam::${env.accountId}:root` },
    Action: [...KEY_ADMIN_ACTIONS],
    Resource: '*',
  };
}

/**
 * The job key's policy: the account administers it and may let IAM principals use it (the job role's policy grants
 * bookmark encryption to that role alone); CloudWatch Logs may use it only for the log groups Glue names after this
 * job's security configuration (the encryption context names the log group).
 */
export function jobKeyPolicy(env: AwsEnvironment, securityConfigurationName: string): PolicyDocument {
  const root = `arn:${env.partition}:iam::${env.accountId}:root`;
  const logGroups = `arn:${env.partition}:logs:${env.region}:${env.accountId}:log-group:${jobLogGroupPrefix(
    securityConfigurationName,
  )}*`;
  return policyDocument([
    accountAdministers(env),
    {
      Sid: 'AccountDelegatesBookmarkEncryption',
      Effect: 'Allow',
      Principal: { AWS: root },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': env.accountId } },
    },
    {
      Sid: 'CloudWatchLogsEncryptsJobLogs',
      Effect: 'Allow',
      Principal: { Service: `logs.${env.region}.amazonaws.com` },
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        'kms:GenerateDataKey',
        'kms:GenerateDataKeyWithoutPlaintext',
        'kms:DescribeKey',
      ],
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': logGroups } },
    },
  ]);
}

/**
 * The alerts key's policy. EventBridge cannot publish to a topic encrypted with the AWS managed `alias/aws/sns` key
 * (its policy cannot be changed to admit EventBridge), and the alerts would be dropped without an error anyone sees;
 * this key admits EventBridge for the data keys publishing needs, and the account's principals through SNS only.
 */
export function alertsKeyPolicy(env: AwsEnvironment): PolicyDocument {
  return policyDocument([
    accountAdministers(env),
    {
      Sid: 'AccountUsesKeyThroughSns',
      Effect: 'Allow',
      Principal: { AWS: `arn:${env.partition}:iam::${env.accountId}:root` },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:CallerAccount': env.accountId,
          'kms:ViaService': `sns.${env.region}.amazonaws.com`,
        },
      },
    },
    {
      Sid: 'EventBridgePublishesAlerts',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Resource: '*',
    },
  ]);
}
