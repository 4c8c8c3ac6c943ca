import type * as aws from '@pulumi/aws';

/**
 * What the crawler's security configuration encrypts. A crawler only uses the CloudWatch Logs part (AWS Glue:
 * "attach a security configuration to a crawler to write encrypted CloudWatch Logs"): logs are SSE-KMS with the key
 * made for them. S3 follows the lake (its key, else S3-managed keys) so the configuration is right if a job ever
 * reuses it. Job bookmarks stay disabled: a crawler keeps none, and CSE-KMS would make Glue call KMS directly,
 * which the lake key's policy refuses (it allows use through S3 only), so a job reusing it would fail.
 */
export function crawlerEncryptionConfiguration(
  logsKmsKeyArn: string,
  lakeKmsKeyArn: string | undefined,
): aws.types.input.glue.SecurityConfigurationEncryptionConfiguration {
  return {
    cloudwatchEncryption: { cloudwatchEncryptionMode: 'SSE-KMS', kmsKeyArn: logsKmsKeyArn },
    jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'DISABLED' },
    s3Encryption: lakeKmsKeyArn
      ? { s3EncryptionMode: 'SSE-KMS', kmsKeyArn: lakeKmsKeyArn }
      : { s3EncryptionMode: 'SSE-S3' },
  };
}
