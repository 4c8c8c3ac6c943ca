import type * as aws from '@pulumi/aws';

/**
 * What the crawler's security configuration encrypts. Logs: always SSE-KMS, with the key made for them. S3 writes
 * and job bookmarks: with the lake's key when it has one; otherwise S3-managed keys and no bookmark encryption
 * (a crawler keeps no job bookmarks, so there is nothing to protect there).
 */
export function crawlerEncryptionConfiguration(
  logsKmsKeyArn: string,
  lakeKmsKeyArn: string | undefined,
): aws.types.input.glue.SecurityConfigurationEncryptionConfiguration {
  return {
    cloudwatchEncryption: { cloudwatchEncryptionMode: 'SSE-KMS', kmsKeyArn: logsKmsKeyArn },
    jobBookmarksEncryption: lakeKmsKeyArn
      ? { jobBookmarksEncryptionMode: 'CSE-KMS', kmsKeyArn: lakeKmsKeyArn }
      : { jobBookmarksEncryptionMode: 'DISABLED' },
    s3Encryption: lakeKmsKeyArn
      ? { s3EncryptionMode: 'SSE-KMS', kmsKeyArn: lakeKmsKeyArn }
      : { s3EncryptionMode: 'SSE-S3' },
  };
}
