import * as aws from '@pulumi/aws';
import { type ComponentResources, componentResources } from '@spotify-lake/testing';
import { DataLake, type DataLakeArgs } from '../../src';
import type { PulumiMocks } from './pulumi-mocks';

export const TYPES = {
  bucket: 'aws:s3/bucket:Bucket',
  publicAccessBlock: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
  ownership: 'aws:s3/bucketOwnershipControls:BucketOwnershipControls',
  encryption: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  versioning: 'aws:s3/bucketVersioning:BucketVersioning',
  lifecycle: 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration',
  policy: 'aws:s3/bucketPolicy:BucketPolicy',
  logging: 'aws:s3/bucketLogging:BucketLogging',
  key: 'aws:kms/key:Key',
  alias: 'aws:kms/alias:Alias',
  rolePolicy: 'aws:iam/rolePolicy:RolePolicy',
  lake: 'spotify:lake:DataLake',
} as const;

export const BUCKET_KINDS = ['data', 'results', 'logs'] as const;

/** A built lake and accessors over the resources it registered. */
export interface BuiltLake extends ComponentResources {
  lake: DataLake;
  /** The parsed bucket policy of `<lake>-<kind>`, or undefined when that bucket has none. */
  bucketPolicy(kind: (typeof BUCKET_KINDS)[number]): { Statement: Record<string, unknown>[] } | undefined;
}

export async function buildLake(
  mocks: PulumiMocks,
  name: string,
  args: DataLakeArgs = {},
  afterCreate?: (lake: DataLake) => void,
): Promise<BuiltLake> {
  const lake = new DataLake(name, args);
  afterCreate?.(lake);
  await mocks.settled();
  const lookups = componentResources(mocks.under(name));
  return {
    ...lookups,
    lake,
    bucketPolicy: (kind) => {
      const policy = lookups.maybeNamed(`${name}-${kind}-policy`);
      return policy ? JSON.parse(policy.inputs.policy as string) : undefined;
    },
  };
}

/** A role at the stack root, as a platform team's program would declare it. */
export function exampleRole(name: string): aws.iam.Role {
  return new aws.iam.Role(name, {
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    }),
  });
}
