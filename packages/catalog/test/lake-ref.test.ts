import type * as pulumi from '@pulumi/pulumi';
import { describe, expectTypeOf, it } from 'vitest';
import type { LakeRef } from '../src/lake-ref';

describe('LakeRef', () => {
  it('accepts the outputs a DataLake exposes, and plain strings', () => {
    interface DataLakeOutputs {
      dataBucketName: pulumi.Output<string>;
      dataBucketArn: pulumi.Output<string>;
      resultsBucketName: pulumi.Output<string>;
      resultsBucketArn: pulumi.Output<string>;
      logBucketName: pulumi.Output<string>;
      kmsKeyArn: pulumi.Output<string | undefined>;
    }
    expectTypeOf<DataLakeOutputs>().toExtend<LakeRef>();
    expectTypeOf<{
      dataBucketName: string;
      dataBucketArn: string;
      resultsBucketName: string;
      resultsBucketArn: string;
    }>().toExtend<LakeRef>();
    expectTypeOf<{ dataBucketName: string }>().not.toExtend<LakeRef>();
  });
});
