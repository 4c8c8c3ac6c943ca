import type * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import type { ResourceTransform } from '@spotify-lake/component-kit';
import type { LakeLifecycleArgs } from './lifecycle/lifecycle-rules';
import type { DisposableDataArgs } from './protection';
import type { MinimumTlsVersion } from './storage/bucket-policy';

/** Server-side encryption of the data and query-results buckets. */
export type LakeEncryption = 'kms' | 'sse-s3';

/** S3 Object Ownership of the data and query-results buckets. */
export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

/**
 * Escape hatches, one per child resource kind. Hooks of per-bucket resources (public access block, policy, ...)
 * run once per bucket and receive the logical name (`<lake>-data-policy`, `<lake>-results-policy`, ...).
 */
export interface DataLakeTransforms {
  dataBucket?: ResourceTransform<aws.s3.BucketArgs>;
  resultsBucket?: ResourceTransform<aws.s3.BucketArgs>;
  logBucket?: ResourceTransform<aws.s3.BucketArgs>;
  kmsKey?: ResourceTransform<aws.kms.KeyArgs>;
  kmsAlias?: ResourceTransform<aws.kms.AliasArgs>;
  publicAccessBlock?: ResourceTransform<aws.s3.BucketPublicAccessBlockArgs>;
  ownershipControls?: ResourceTransform<aws.s3.BucketOwnershipControlsArgs>;
  encryption?: ResourceTransform<aws.s3.BucketServerSideEncryptionConfigurationArgs>;
  versioning?: ResourceTransform<aws.s3.BucketVersioningArgs>;
  lifecycle?: ResourceTransform<aws.s3.BucketLifecycleConfigurationArgs>;
  bucketPolicy?: ResourceTransform<aws.s3.BucketPolicyArgs>;
  logging?: ResourceTransform<aws.s3.BucketLoggingArgs>;
  /** The data bucket's notification configuration (with `eventBridgeNotifications`). */
  bucketNotification?: ResourceTransform<aws.s3.BucketNotificationArgs>;
  /** Role policies created by the `grant*` methods. */
  rolePolicy?: ResourceTransform<aws.iam.RolePolicyArgs>;
}

/**
 * Arguments of a `DataLake`. Every argument is optional; the defaults are the secure configuration. Arguments that
 * decide which resources exist are plain values rather than `Input`s, because the resource graph must be known
 * when the component is constructed.
 */
export interface DataLakeArgs {
  /**
   * Encryption of the data and query-results buckets: `'kms'` uses a customer-managed KMS key (created with
   * rotation on, unless `kmsKeyArn` is given) with S3 bucket keys; `'sse-s3'` uses S3-managed keys, for
   * development stacks. The access-log bucket always uses SSE-S3, because S3 log delivery cannot use SSE-KMS.
   * @default 'kms'
   */
  encryption?: LakeEncryption;
  /**
   * An existing KMS key to encrypt with instead of creating one (only with `encryption: 'kms'`). Its key policy is
   * then yours to manage. It must be the key ARN, not an alias or a key id: IAM grants on KMS and the bucket policy's
   * key condition only match the key ARN (an Output is checked when it resolves).
   * @default undefined (the lake creates its own key)
   */
  kmsKeyArn?: pulumi.Input<string>;
  /**
   * Waiting period, in days (7 to 30), between scheduling deletion of the created key and its deletion.
   * @default 30
   */
  kmsKeyDeletionWindowDays?: number;
  /**
   * Use S3 bucket keys with SSE-KMS, which cuts KMS requests (and their cost) by orders of magnitude.
   * @default true
   */
  bucketKeyEnabled?: boolean;
  /**
   * Block all public access (ACLs and policies) on every bucket. `false` creates no public access block, leaving
   * the account-level setting in charge.
   * @default true
   */
  blockPublicAccess?: boolean;
  /**
   * Object ownership of the data and query-results buckets. `BucketOwnerEnforced` disables ACLs so that the
   * bucket policy and IAM alone decide access. The log bucket is always `BucketOwnerEnforced`.
   * @default 'BucketOwnerEnforced'
   */
  objectOwnership?: ObjectOwnership;
  /**
   * Deny every request that does not use TLS, and requests over TLS older than `minimumTlsVersion`, on every bucket.
   * @default true
   */
  denyInsecureTransport?: boolean;
  /**
   * The oldest TLS version accepted when `denyInsecureTransport` is on.
   * @default '1.2'
   */
  minimumTlsVersion?: MinimumTlsVersion;
  /**
   * Deny uploads to the data and query-results buckets that ask for another encryption than the bucket's (another
   * algorithm, `aws:kms` without the lake key's ARN, which S3 would serve with the AWS managed key aws/s3, another
   * KMS key, or customer-provided keys). Uploads without encryption headers get the default.
   * @default true
   */
  denyWrongEncryptionUploads?: boolean;
  /**
   * Keep every version of every object in the data and query-results buckets, so that overwrites and deletes can
   * be undone (old versions expire after `lifecycle.noncurrentVersionExpirationDays`). `false` suspends versioning.
   * @default true
   */
  versioning?: boolean;
  /**
   * Send the data bucket's events to Amazon EventBridge (`eventbridge: true` on its notification configuration),
   * e.g. for a rule that starts a job when a file lands in `staging/`. S3 keeps one notification configuration per
   * bucket, so it belongs here rather than to each consumer. EventBridge charges per event: off unless asked for.
   * @default false
   */
  eventBridgeNotifications?: boolean;
  /**
   * Lifecycle overrides, merged into the defaults field by field and validated against S3's rules.
   * @default defaultLifecycle(): abort incomplete uploads after 1 day; old versions expire after 30 days;
   * staging to STANDARD_IA after 30 days and GLACIER_IR after 90, no expiry; quarantine to STANDARD_IA after 30
   * days, expiry after 90; query results expire after 7 days; access logs after 365.
   */
  lifecycle?: LakeLifecycleArgs;
  /**
   * Makes the buckets and key deletable, objects included (`forceDestroy`), by `pulumi destroy`. Needs two steps:
   * `{ enabled: true, confirm: '<this stack name>' }`. Without it, buckets, their guard configuration and the key
   * are created with `protect` and `retainOnDelete`.
   * @default undefined (data is protected)
   */
  disposableData?: DisposableDataArgs;
  /**
   * Tags added to every taggable resource, next to the lake's own `spotify-lake:*` tags (which win on conflict,
   * since grants and audits rely on them).
   * @default {}
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Per-child escape hatches; see `DataLakeTransforms`.
   * @default {}
   */
  transform?: DataLakeTransforms;
}
