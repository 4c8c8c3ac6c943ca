import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { resolvedValue, setupPulumiMocks } from './pulumi-mocks';

const mocks = setupPulumiMocks({ stack: 'helper', region: 'us-east-2' });

class Parent extends pulumi.ComponentResource {
  constructor(name: string) {
    super('test:index:Parent', name, {}, {});
    this.registerOutputs({ answer: 42 });
  }
}

describe('the Pulumi mocks helper', () => {
  it('records type, name, parent, options and inputs, and waits for resources registered inside apply', async () => {
    const parent = new Parent('outer');
    const first = new aws.s3.Bucket('outer-first', { forceDestroy: true }, { parent, protect: true });
    // Registers only once the first bucket's ARN is known: the helper must still wait for it.
    first.arn.apply(
      (arn) =>
        new aws.s3.BucketPolicy(
          'outer-late',
          { bucket: first.id, policy: JSON.stringify({ arn }) },
          { parent },
        ),
    );
    const resources = await mocks.settled();
    const late = resources.find((r) => r.name === 'outer-late');
    expect(late).toMatchObject({
      type: 'aws:s3/bucketPolicy:BucketPolicy',
      parentName: 'outer',
      inputs: {
        bucket: 'outer-first-0000000',
        policy: JSON.stringify({ arn: 'arn:aws:s3:::outer-first-0000000' }),
      },
    });
    expect(resources.find((r) => r.name === 'outer-first')).toMatchObject({
      protect: true,
      retainOnDelete: false,
      custom: true,
      inputs: { forceDestroy: true },
    });
    expect(resources.find((r) => r.name === 'outer')).toMatchObject({
      parentName: undefined,
      outputs: { answer: 42 },
    });
    expect(mocks.under('outer').map((r) => r.name)).toEqual(['outer', 'outer-first', 'outer-late']);
  });

  it('answers the AWS invokes from the mocked environment', async () => {
    expect(await resolvedValue(aws.getRegionOutput().region)).toBe('us-east-2');
    expect(await resolvedValue(aws.getCallerIdentityOutput().accountId)).toBe('123456789012');
    expect(await resolvedValue(aws.getPartitionOutput().partition)).toBe('aws');
  });
});
