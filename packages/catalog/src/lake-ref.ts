import type * as pulumi from '@pulumi/pulumi';

/**
 * The lake the catalog describes. Structural on purpose: the DataLake component exposes these exact output
 * names, so `lake: myDataLake` works, and so does any object with them (an imported stack, hand-made buckets).
 */
export interface LakeRef {
  /** Bucket holding the zones of LAKE_ZONES (staging/, datawarehouse/, quarantine/). */
  dataBucketName: pulumi.Input<string>;
  dataBucketArn: pulumi.Input<string>;
  /** Bucket Athena writes query results to. */
  resultsBucketName: pulumi.Input<string>;
  resultsBucketArn: pulumi.Input<string>;
  /** Customer-managed key of the lake; `undefined` when the lake uses SSE-S3. */
  kmsKeyArn?: pulumi.Input<string | undefined>;
}
