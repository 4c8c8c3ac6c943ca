import {
  type AwsEnvironment,
  accountAdministersKey,
  accountRoot,
  logGroupArn,
  logsUseKeyFor,
} from '@spotify-lake/component-kit';
import { type PolicyDocument, policyDocument } from '@spotify-lake/lake';
import { jobLogGroupPrefix } from '../job/job-settings';

/**
 * The job key's policy: the account administers it and may let IAM principals use it (the job role's policy grants
 * bookmark encryption to that role alone); CloudWatch Logs may use it only for the log groups Glue names after this
 * job's security configuration (the encryption context names the log group).
 */
export function jobKeyPolicy(env: AwsEnvironment, securityConfigurationName: string): PolicyDocument {
  const root = accountRoot(env);
  const logGroups = logGroupArn(env, `${jobLogGroupPrefix(securityConfigurationName)}*`);
  return policyDocument([
    accountAdministersKey(env),
    {
      Sid: 'AccountDelegatesBookmarkEncryption',
      Effect: 'Allow',
      Principal: { AWS: root },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': env.accountId } },
    },
    logsUseKeyFor(env, 'CloudWatchLogsEncryptsJobLogs', logGroups),
  ]);
}

/**
 * The alerts key's policy. EventBridge cannot publish to a topic encrypted with the AWS managed `alias/aws/sns` key
 * (its policy cannot be changed to admit EventBridge), and the alerts would be dropped without an error anyone sees;
 * this key admits EventBridge for the data keys publishing needs, and the account's principals through SNS only.
 */
export function alertsKeyPolicy(env: AwsEnvironment): PolicyDocument {
  return policyDocument([
    accountAdministersKey(env),
    {
      Sid: 'AccountUsesKeyThroughSns',
      Effect: 'Allow',
      Principal: { AWS: accountRoot(env) },
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
