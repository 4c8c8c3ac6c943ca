import * as pulumi from '@pulumi/pulumi';
import { assertKnownKeys, assertTransformHooks } from '@spotify-lake/component-kit';
import type { DataLakeArgs, DataLakeTransforms, LakeEncryption, ObjectOwnership } from './data-lake-args';
import { type LakeLifecycle, resolveLifecycle } from './lifecycle/lifecycle-rules';
import { type DataProtection, resolveDataProtection } from './protection';
import type { MinimumTlsVersion } from './storage/bucket-policy';

/** The defaults of every plain `DataLakeArgs` field (lifecycle: `defaultLifecycle()`). */
export const DATA_LAKE_DEFAULTS = {
  encryption: 'kms',
  kmsKeyDeletionWindowDays: 30,
  bucketKeyEnabled: true,
  blockPublicAccess: true,
  objectOwnership: 'BucketOwnerEnforced',
  denyInsecureTransport: true,
  minimumTlsVersion: '1.2',
  denyWrongEncryptionUploads: true,
  versioning: true,
  eventBridgeNotifications: false,
} as const satisfies Partial<DataLakeArgs>;

/** `DataLakeArgs` with every default applied and every value checked. */
export interface ResolvedDataLakeArgs {
  encryption: LakeEncryption;
  kmsKeyArn: pulumi.Input<string> | undefined;
  kmsKeyDeletionWindowDays: number;
  bucketKeyEnabled: boolean;
  blockPublicAccess: boolean;
  objectOwnership: ObjectOwnership;
  denyInsecureTransport: boolean;
  minimumTlsVersion: MinimumTlsVersion;
  denyWrongEncryptionUploads: boolean;
  versioning: boolean;
  eventBridgeNotifications: boolean;
  lifecycle: LakeLifecycle;
  protection: DataProtection;
  tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
  transform: DataLakeTransforms;
}

/**
 * Bucket names come from the lake name plus a suffix (`-results`) plus Pulumi's random suffix (8 characters), and
 * S3 allows 63 lowercase characters, digits and hyphens.
 */
export const MAX_LAKE_NAME_LENGTH = 47;
const LAKE_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

const ARG_KEYS: readonly (keyof DataLakeArgs)[] = [
  'encryption',
  'kmsKeyArn',
  'kmsKeyDeletionWindowDays',
  'bucketKeyEnabled',
  'blockPublicAccess',
  'objectOwnership',
  'denyInsecureTransport',
  'minimumTlsVersion',
  'denyWrongEncryptionUploads',
  'versioning',
  'eventBridgeNotifications',
  'lifecycle',
  'disposableData',
  'tags',
  'transform',
];

/**
 * A key ARN, not an alias, alias ARN or bare key id: IAM grants on KMS only match the key ARN, and S3 compares the
 * `x-amz-server-side-encryption-aws-kms-key-id` condition key with the key ARN.
 */
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** Throws when `value` is not a KMS key ARN; the message names the lake and the argument. */
export function assertKmsKeyArn(owner: string, value: unknown): void {
  if (typeof value !== 'string' || !KMS_KEY_ARN.test(value)) {
    throw new Error(
      `${owner}: kmsKeyArn must be a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id> ` +
        `(not an alias or a bare key id: IAM grants and the bucket policy match the key ARN); got ${JSON.stringify(value)}`,
    );
  }
}

/** Checks a plain value now, and an Output when it resolves, so a bad value from config fails the same way. */
function checkedKmsKeyArn(owner: string, value: pulumi.Input<string>): pulumi.Input<string> {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) {
    return pulumi.output(value).apply((resolved) => {
      assertKmsKeyArn(owner, resolved);
      return resolved;
    });
  }
  assertKmsKeyArn(owner, value);
  return value;
}

const TRANSFORM_KEYS: readonly (keyof DataLakeTransforms)[] = [
  'dataBucket',
  'resultsBucket',
  'logBucket',
  'kmsKey',
  'kmsAlias',
  'publicAccessBlock',
  'ownershipControls',
  'encryption',
  'versioning',
  'lifecycle',
  'bucketPolicy',
  'logging',
  'bucketNotification',
  'rolePolicy',
];

function oneOf<T extends string>(owner: string, field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(
      `${owner}: ${field} must be one of ${allowed.map((a) => `'${a}'`).join(', ')} (got ${JSON.stringify(value)})`,
    );
  }
  return value as T;
}

function flag(owner: string, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new Error(`${owner}: ${field} must be true or false (got ${JSON.stringify(value)})`);
  }
  return value;
}

export function validateLakeName(name: string): void {
  if (typeof name !== 'string' || !LAKE_NAME.test(name) || name.length > MAX_LAKE_NAME_LENGTH) {
    throw new Error(
      `DataLake name ${JSON.stringify(name)} is invalid: use 1 to ${MAX_LAKE_NAME_LENGTH} lowercase letters, digits ` +
        'and hyphens, starting and ending with a letter or digit (it prefixes S3 bucket names)',
    );
  }
}

/** Applies the defaults and rejects bad arguments with a message naming the lake and the argument. */
export function resolveDataLakeArgs(name: string, args: DataLakeArgs, stack: string): ResolvedDataLakeArgs {
  validateLakeName(name);
  const owner = `DataLake "${name}"`;
  if (typeof args !== 'object' || args === null) {
    throw new Error(`${owner}: args must be an object (got ${JSON.stringify(args)})`);
  }
  assertKnownKeys(owner, 'argument', args, ARG_KEYS);
  const d = DATA_LAKE_DEFAULTS;
  const encryption = oneOf(owner, 'encryption', args.encryption ?? d.encryption, ['kms', 'sse-s3'] as const);
  if (args.kmsKeyArn !== undefined && encryption !== 'kms') {
    throw new Error(
      `${owner}: kmsKeyArn is set but encryption is '${encryption}'; use encryption 'kms' with a key`,
    );
  }
  if (args.kmsKeyDeletionWindowDays !== undefined && (encryption !== 'kms' || args.kmsKeyArn !== undefined)) {
    throw new Error(
      `${owner}: kmsKeyDeletionWindowDays only applies to the key the lake creates (encryption 'kms' without kmsKeyArn)`,
    );
  }
  const window = args.kmsKeyDeletionWindowDays ?? d.kmsKeyDeletionWindowDays;
  if (!Number.isInteger(window) || window < 7 || window > 30) {
    throw new Error(
      `${owner}: kmsKeyDeletionWindowDays must be a whole number from 7 to 30 (got ${String(window)})`,
    );
  }
  assertTransformHooks(owner, args.transform, TRANSFORM_KEYS);
  const transform = args.transform ?? {};
  return {
    encryption,
    kmsKeyArn: args.kmsKeyArn === undefined ? undefined : checkedKmsKeyArn(owner, args.kmsKeyArn),
    kmsKeyDeletionWindowDays: window,
    bucketKeyEnabled: flag(owner, 'bucketKeyEnabled', args.bucketKeyEnabled ?? d.bucketKeyEnabled),
    blockPublicAccess: flag(owner, 'blockPublicAccess', args.blockPublicAccess ?? d.blockPublicAccess),
    objectOwnership: oneOf(owner, 'objectOwnership', args.objectOwnership ?? d.objectOwnership, [
      'BucketOwnerEnforced',
      'BucketOwnerPreferred',
      'ObjectWriter',
    ] as const),
    denyInsecureTransport: flag(
      owner,
      'denyInsecureTransport',
      args.denyInsecureTransport ?? d.denyInsecureTransport,
    ),
    minimumTlsVersion: oneOf(owner, 'minimumTlsVersion', args.minimumTlsVersion ?? d.minimumTlsVersion, [
      '1.2',
      '1.3',
    ] as const),
    denyWrongEncryptionUploads: flag(
      owner,
      'denyWrongEncryptionUploads',
      args.denyWrongEncryptionUploads ?? d.denyWrongEncryptionUploads,
    ),
    versioning: flag(owner, 'versioning', args.versioning ?? d.versioning),
    eventBridgeNotifications: flag(
      owner,
      'eventBridgeNotifications',
      args.eventBridgeNotifications ?? d.eventBridgeNotifications,
    ),
    lifecycle: resolveLifecycle(owner, args.lifecycle),
    protection: resolveDataProtection(owner, stack, args.disposableData),
    tags: args.tags ?? {},
    transform,
  };
}
