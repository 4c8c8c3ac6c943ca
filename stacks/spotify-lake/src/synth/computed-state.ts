import type { ComputedState } from '@spotify-lake/testing';

/**
 * Outputs the AWS provider would compute, for every resource type the program creates. Auto-named resources get the
 * logical name plus a fixed suffix (the provider adds a random one), and every resource an ARN in its service's
 * format, so that the offline synth and the tests show the same stable graph.
 */
export const computedState: ComputedState = (type, name, inputs, { partition, region, accountId }) => {
  switch (type) {
    case 'aws:s3/bucket:Bucket': {
      const bucket = (inputs.bucket as string | undefined) ?? `${name}-0000000`;
      return { bucket, arn: `arn:${partition}:s3:::${bucket}`, id: bucket };
    }
    case 'aws:kms/key:Key': {
      const keyId = `key-${name}`;
      return { keyId, arn: `arn:${partition}:kms:${region}:${accountId}:key/${keyId}`, id: keyId };
    }
    case 'aws:iam/role:Role': {
      const roleName = (inputs.name as string | undefined) ?? `${name}-0000000`;
      return { name: roleName, arn: `arn:${partition}:iam::${accountId}:role/${roleName}`, id: roleName };
    }
    default: {
      const physical = (inputs.name as string | undefined) ?? `${name}-0000000`;
      const service = type.split(':')[1]?.split('/')[0];
      return {
        name: physical,
        arn: `arn:${partition}:${service}:${region}:${accountId}:${physical}`,
        id: physical,
      };
    }
  }
};
