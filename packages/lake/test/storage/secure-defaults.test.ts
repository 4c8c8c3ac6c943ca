import { describe, expect, it } from 'vitest';
import {
  blockAllPublicAccess,
  kmsEncryptionRule,
  lakeKeySettings,
  sseS3EncryptionRule,
} from '../../src/storage/secure-defaults';

describe('secure defaults', () => {
  it('blockAllPublicAccess turns all four switches on', () => {
    expect(blockAllPublicAccess()).toEqual({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
  });

  it('kmsEncryptionRule uses the key, bucket keys as asked, and blocks SSE-C', () => {
    expect(kmsEncryptionRule('arn:k', true)).toEqual({
      applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'arn:k' },
      bucketKeyEnabled: true,
      blockedEncryptionTypes: ['SSE-C'],
    });
    expect(kmsEncryptionRule('arn:k', false).bucketKeyEnabled).toBe(false);
  });

  it('sseS3EncryptionRule uses AES256 and blocks SSE-C', () => {
    expect(sseS3EncryptionRule()).toEqual({
      applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' },
      blockedEncryptionTypes: ['SSE-C'],
    });
  });

  it('lakeKeySettings turns rotation on for a single-region symmetric key', () => {
    expect(lakeKeySettings(30)).toEqual({
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      keyUsage: 'ENCRYPT_DECRYPT',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      multiRegion: false,
    });
  });
});
