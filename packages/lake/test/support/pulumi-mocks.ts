import {
  type ComputedState,
  type MockedEnvironment,
  type PulumiRecorder,
  recordPulumiMocks,
} from '@spotify-lake/testing';

export { type RecordedResource, resolvedValue } from '@spotify-lake/testing';
export type PulumiMocks = PulumiRecorder;

/** Outputs the AWS provider would compute, for the resource types this package creates. */
const computedState: ComputedState = (type, name, inputs, env) => {
  switch (type) {
    case 'aws:s3/bucket:Bucket': {
      // The provider auto-names from the logical name; a fixed suffix keeps snapshots stable.
      const bucket = (inputs.bucket as string | undefined) ?? `${name}-0000000`;
      return { bucket, arn: `arn:${env.partition}:s3:::${bucket}`, id: bucket };
    }
    case 'aws:kms/key:Key': {
      const keyId = `key-${name}`;
      return {
        keyId,
        arn: `arn:${env.partition}:kms:${env.region}:${env.accountId}:key/${keyId}`,
        id: keyId,
      };
    }
    case 'aws:iam/role:Role': {
      const roleName = (inputs.name as string | undefined) ?? `${name}-0000000`;
      return {
        name: roleName,
        arn: `arn:${env.partition}:iam::${env.accountId}:role/${roleName}`,
        id: roleName,
      };
    }
    default:
      return { id: `${name}-id` };
  }
};

/**
 * Sets the recording Pulumi mocks of @spotify-lake/testing (call before constructing any resource), answering with
 * the attributes above, so bucket names read `<logical name>-0000000` in assertions and snapshots.
 */
export function setupPulumiMocks(overrides: Partial<MockedEnvironment> = {}): PulumiMocks {
  return recordPulumiMocks({ ...overrides, computedState });
}
