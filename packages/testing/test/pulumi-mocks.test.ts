import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import {
  componentResources,
  type RecordedResource,
  recordPulumiMocks,
  resolvedValue,
  settle,
} from '../src/pulumi-mocks';

const mocks = recordPulumiMocks({
  stack: 'helper',
  region: 'us-east-2',
  computedState: (type, name) =>
    type === 'aws:s3/bucket:Bucket'
      ? { id: `${name}-0000000`, bucket: `${name}-0000000`, arn: `arn:aws:s3:::${name}-0000000` }
      : { id: `${name}-id` },
});

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
      parent: 'outer',
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
      parent: undefined,
      outputs: { answer: 42 },
    });
    expect(mocks.under('outer').map((r) => r.name)).toEqual(['outer', 'outer-first', 'outer-late']);
  });

  it('answers the AWS invokes from the mocked environment', async () => {
    expect(await resolvedValue(aws.getRegionOutput().region)).toBe('us-east-2');
    expect(await resolvedValue(aws.getCallerIdentityOutput().accountId)).toBe('123456789012');
    expect(await resolvedValue(aws.getPartitionOutput().partition)).toBe('aws');
  });

  it('finds resources by name and type, forgets them on reset, and names a missing one', async () => {
    new aws.s3.Bucket('lookup-a');
    await mocks.settled();
    expect(mocks.named('lookup-a').type).toBe('aws:s3/bucket:Bucket');
    expect(mocks.ofType('aws:s3/bucket:Bucket').map((r) => r.name)).toContain('lookup-a');
    expect(() => mocks.named('lookup-b')).toThrow('expected one resource named lookup-b, found 0');
    mocks.reset();
    expect(mocks.resources).toEqual([]);
  });

  it('records dependencies by URN and by name', async () => {
    const first = new aws.s3.Bucket('deps-first');
    new aws.s3.BucketPolicy('deps-policy', { bucket: first.id, policy: '{}' }, { dependsOn: [first] });
    await mocks.settled();
    const policy = mocks.named('deps-policy');
    expect(policy.dependencies).toContain('deps-first');
    expect(policy.dependsOn).toContain(mocks.named('deps-first').urn);
  });

  it('settle rejects with the error an apply threw', async () => {
    const failing = pulumi.output(1).apply(() => {
      throw new Error('bad value');
    });
    await expect(settle(failing)).rejects.toThrow('bad value');
    expect(await settle(pulumi.output('fine'))).toBe('fine');
  });
});

describe('componentResources', () => {
  const resource = (name: string, type: string) => ({ name, type }) as RecordedResource;
  const lookups = componentResources([
    resource('a-bucket', 'aws:s3/bucket:Bucket'),
    resource('a-key', 'aws:kms/key:Key'),
  ]);

  it('finds a resource by logical name, and by type', () => {
    expect(lookups.named('a-key').type).toBe('aws:kms/key:Key');
    expect(lookups.maybeNamed('a-role')).toBeUndefined();
    expect(lookups.ofType('aws:s3/bucket:Bucket').map((r) => r.name)).toEqual(['a-bucket']);
  });

  it('names the resources there are when the one asked for is missing', () => {
    expect(() => lookups.named('a-role')).toThrow('no resource named a-role; have a-bucket, a-key');
  });
});
