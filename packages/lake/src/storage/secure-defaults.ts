import type * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

type PublicAccessSettings = Required<
  Pick<
    aws.s3.BucketPublicAccessBlockArgs,
    'blockPublicAcls' | 'blockPublicPolicy' | 'ignorePublicAcls' | 'restrictPublicBuckets'
  >
>;
type EncryptionRule = aws.types.input.s3.BucketServerSideEncryptionConfigurationRule;

/** All four public-access switches on: no public ACL or policy can be set, and existing ones are ignored. */
export function blockAllPublicAccess(): PublicAccessSettings {
  return {
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  };
}

/** SSE-KMS with the given key; bucket keys make S3 call KMS once per bucket key instead of once per object. */
export function kmsEncryptionRule(
  kmsKeyArn: pulumi.Input<string>,
  bucketKeyEnabled: boolean,
): EncryptionRule {
  return {
    applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: kmsKeyArn },
    bucketKeyEnabled,
    blockedEncryptionTypes: ['SSE-C'],
  };
}

/** SSE-S3 (AES256): for development lakes, and for the access-log bucket, which S3 log delivery requires. */
export function sseS3EncryptionRule(): EncryptionRule {
  return {
    applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' },
    blockedEncryptionTypes: ['SSE-C'],
  };
}

/** The KMS key settings of a lake key: symmetric, rotated yearly by KMS. */
export function lakeKeySettings(
  deletionWindowInDays: number,
): Pick<
  aws.kms.KeyArgs,
  'enableKeyRotation' | 'deletionWindowInDays' | 'keyUsage' | 'customerMasterKeySpec' | 'multiRegion'
> {
  return {
    enableKeyRotation: true,
    deletionWindowInDays,
    keyUsage: 'ENCRYPT_DECRYPT',
    customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    multiRegion: false,
  };
}
