import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** The partition, region and account a component deploys to, for the ARNs and conditions of its policies. */
export interface AwsEnvironment {
  partition: string;
  region: string;
  accountId: string;
}

/** Looks up the provider's partition, region and account, as invokes parented to `parent`. */
export function awsEnvironment(parent: pulumi.Resource): pulumi.Output<AwsEnvironment> {
  const opts = { parent };
  return pulumi
    .all([
      aws.getPartitionOutput({}, opts),
      aws.getRegionOutput({}, opts),
      aws.getCallerIdentityOutput({}, opts),
    ])
    .apply(([partition, region, identity]) => ({
      partition: partition.partition,
      region: region.region,
      accountId: identity.accountId,
    }));
}
