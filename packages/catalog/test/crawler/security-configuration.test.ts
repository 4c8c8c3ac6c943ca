import { describe, expect, it } from 'vitest';
import { crawlerEncryptionConfiguration } from '../../src/crawler/security-configuration';

const LOGS_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/logs';
const LAKE_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/lake';

describe('crawlerEncryptionConfiguration', () => {
  it('encrypts logs with the logs key and S3 with the lake key; no bookmarks, which the lake key could not serve', () => {
    expect(crawlerEncryptionConfiguration(LOGS_KEY, LAKE_KEY)).toEqual({
      cloudwatchEncryption: { cloudwatchEncryptionMode: 'SSE-KMS', kmsKeyArn: LOGS_KEY },
      jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'DISABLED' },
      s3Encryption: { s3EncryptionMode: 'SSE-KMS', kmsKeyArn: LAKE_KEY },
    });
  });

  it('still encrypts logs with KMS and S3 with S3-managed keys when the lake has no key', () => {
    expect(crawlerEncryptionConfiguration(LOGS_KEY, undefined)).toEqual({
      cloudwatchEncryption: { cloudwatchEncryptionMode: 'SSE-KMS', kmsKeyArn: LOGS_KEY },
      jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'DISABLED' },
      s3Encryption: { s3EncryptionMode: 'SSE-S3' },
    });
  });
});
