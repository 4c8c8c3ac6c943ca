import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { createSecureBucket, resolveDataProtection, sseS3EncryptionRule, tlsOnlyStatement } from '../../src';
import { setupPulumiMocks } from '../support/pulumi-mocks';

const mocks = setupPulumiMocks();

class Holder extends pulumi.ComponentResource {
  constructor(name: string) {
    super('test:index:Holder', name, {}, {});
  }
}

describe('createSecureBucket', () => {
  it('creates the bucket and its guards as children of the given parent', async () => {
    const parent = new Holder('holder');
    const made = createSecureBucket({
      name: 'holder-b',
      parent,
      tags: { a: 'b' },
      protection: resolveDataProtection('t', 'test', undefined),
      blockPublicAccess: true,
      objectOwnership: 'BucketOwnerEnforced',
      encryptionRule: sseS3EncryptionRule(),
      versioning: undefined,
      lifecycleRules: [],
      policyStatements: (arn) => arn.apply((a) => [tlsOnlyStatement(a)]),
      bucketTransform: undefined,
      transforms: {},
    });
    expect(made.versioning).toBeUndefined();
    expect(made.policy).toBeDefined();
    await mocks.settled();
    const children = mocks.under('holder-b');
    expect(children.map((r) => r.name).sort()).toEqual([
      'holder-b',
      'holder-b-encryption',
      'holder-b-lifecycle',
      'holder-b-ownership',
      'holder-b-policy',
      'holder-b-public-access-block',
    ]);
    for (const child of children) {
      expect([child.name, child.parent, child.protect, child.retainOnDelete]).toEqual([
        child.name,
        'holder',
        true,
        true,
      ]);
    }
  });

  it('creates no policy and no public access block when the spec asks for none', async () => {
    const made = createSecureBucket({
      name: 'bare-b',
      parent: new Holder('bare'),
      tags: {},
      protection: resolveDataProtection('t', 'test', { enabled: true, confirm: 'test' }),
      blockPublicAccess: false,
      objectOwnership: 'BucketOwnerEnforced',
      encryptionRule: sseS3EncryptionRule(),
      versioning: true,
      lifecycleRules: [],
      policyStatements: undefined,
      bucketTransform: undefined,
      transforms: {},
    });
    expect([made.policy, made.publicAccessBlock]).toEqual([undefined, undefined]);
    await mocks.settled();
    expect(
      mocks
        .under('bare-b')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['bare-b', 'bare-b-encryption', 'bare-b-lifecycle', 'bare-b-ownership', 'bare-b-versioning']);
  });
});
