import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { applyResourceTransform, type ResourceTransform } from '@spotify-lake/component-kit';
import type { DataLakeTransforms, ObjectOwnership } from '../data-lake-args';
import type { PolicyStatement } from '../iam/policy-document';
import { policyDocument } from '../iam/policy-document';
import type { DataProtection } from '../protection';
import { blockAllPublicAccess } from './secure-defaults';

type EncryptionRule = aws.types.input.s3.BucketServerSideEncryptionConfigurationRule;
type LifecycleRule = aws.types.input.s3.BucketLifecycleConfigurationRule;

/** One bucket of the lake and the resources that configure it. */
export interface SecureBucketSpec {
  /** Logical name, e.g. `<lake>-data`; children are named `<name>-policy`, `<name>-versioning`, ... */
  name: string;
  parent: pulumi.Resource;
  tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
  protection: DataProtection;
  blockPublicAccess: boolean;
  objectOwnership: ObjectOwnership;
  encryptionRule: EncryptionRule;
  /** `undefined`: no versioning resource at all (the access-log bucket). */
  versioning: boolean | undefined;
  lifecycleRules: LifecycleRule[];
  /** The bucket policy's statements, given the bucket's ARN. `undefined`: the bucket gets no policy. */
  policyStatements: ((bucketArn: pulumi.Output<string>) => pulumi.Output<PolicyStatement[]>) | undefined;
  bucketTransform: ResourceTransform<aws.s3.BucketArgs> | undefined;
  transforms: DataLakeTransforms;
}

export interface SecureBucket {
  bucket: aws.s3.Bucket;
  publicAccessBlock: aws.s3.BucketPublicAccessBlock | undefined;
  ownershipControls: aws.s3.BucketOwnershipControls;
  encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  versioning: aws.s3.BucketVersioning | undefined;
  lifecycle: aws.s3.BucketLifecycleConfiguration;
  policy: aws.s3.BucketPolicy | undefined;
}

/**
 * Creates a bucket with its guard configuration. Everything here is protected like the bucket itself: if the
 * bucket survives a destroy, its encryption, policy and public access block survive with it.
 */
export function createSecureBucket(spec: SecureBucketSpec): SecureBucket {
  const t = spec.transforms;
  const options = (extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions => ({
    parent: spec.parent,
    ...spec.protection.resourceOptions,
    ...extra,
  });
  const bucket = new aws.s3.Bucket(
    ...applyResourceTransform<aws.s3.BucketArgs>(
      spec.bucketTransform,
      spec.name,
      { forceDestroy: spec.protection.forceDestroy, tags: spec.tags },
      options(),
    ),
  );
  const bucketId = bucket.id;

  const publicAccessBlock = spec.blockPublicAccess
    ? new aws.s3.BucketPublicAccessBlock(
        ...applyResourceTransform<aws.s3.BucketPublicAccessBlockArgs>(
          t.publicAccessBlock,
          `${spec.name}-public-access-block`,
          { bucket: bucketId, ...blockAllPublicAccess() },
          options(),
        ),
      )
    : undefined;

  const ownershipControls = new aws.s3.BucketOwnershipControls(
    ...applyResourceTransform<aws.s3.BucketOwnershipControlsArgs>(
      t.ownershipControls,
      `${spec.name}-ownership`,
      { bucket: bucketId, rule: { objectOwnership: spec.objectOwnership } },
      options(),
    ),
  );

  const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
    ...applyResourceTransform<aws.s3.BucketServerSideEncryptionConfigurationArgs>(
      t.encryption,
      `${spec.name}-encryption`,
      { bucket: bucketId, rules: [spec.encryptionRule] },
      options(),
    ),
  );

  const versioning =
    spec.versioning === undefined
      ? undefined
      : new aws.s3.BucketVersioning(
          ...applyResourceTransform<aws.s3.BucketVersioningArgs>(
            t.versioning,
            `${spec.name}-versioning`,
            {
              bucket: bucketId,
              // Suspended rather than absent: removing the resource later would trip over its protection.
              versioningConfiguration: { status: spec.versioning ? 'Enabled' : 'Suspended' },
            },
            options(),
          ),
        );

  const lifecycle = new aws.s3.BucketLifecycleConfiguration(
    ...applyResourceTransform<aws.s3.BucketLifecycleConfigurationArgs>(
      t.lifecycle,
      `${spec.name}-lifecycle`,
      { bucket: bucketId, rules: spec.lifecycleRules },
      // Noncurrent-version rules only make sense once versioning is set.
      options({ dependsOn: versioning ? [versioning] : [] }),
    ),
  );

  const bucketPolicy =
    spec.policyStatements === undefined
      ? undefined
      : new aws.s3.BucketPolicy(
          ...applyResourceTransform<aws.s3.BucketPolicyArgs>(
            t.bucketPolicy,
            `${spec.name}-policy`,
            {
              bucket: bucketId,
              policy: spec
                .policyStatements(bucket.arn)
                .apply((statements) => JSON.stringify(policyDocument(statements))),
            },
            // S3 rejects concurrent configuration of a new bucket ("conflicting conditional operation").
            options({
              dependsOn: publicAccessBlock ? [publicAccessBlock, ownershipControls] : [ownershipControls],
            }),
          ),
        );

  return {
    bucket,
    publicAccessBlock,
    ownershipControls,
    encryption,
    versioning,
    lifecycle,
    policy: bucketPolicy,
  };
}
