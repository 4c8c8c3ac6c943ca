import { wildcardViolations } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { setupPulumiMocks } from '../support/pulumi-mocks';

const mocks = setupPulumiMocks({ stack: 'prod' });

describe('examples/basic.ts', () => {
  it('runs as a Pulumi program: a protected lake, two roles and least-privilege grants', async () => {
    await import('../../examples/basic.js');
    const resources = await mocks.settled();
    const lake = resources.find((r) => r.type === 'spotify:lake:DataLake')!;
    expect(lake.name).toBe('spotify');
    const grants = resources.filter((r) => r.type === 'aws:iam/rolePolicy:RolePolicy').map((r) => r.name);
    expect(grants.sort()).toEqual([
      'spotify-analyst-read-warehouse',
      'spotify-read-scripts',
      'spotify-read-staging',
      'spotify-read-warehouse',
      'spotify-results-read-write',
      'spotify-write-quarantine',
      'spotify-write-warehouse',
    ]);
    const buckets = resources.filter((r) => r.type === 'aws:s3/bucket:Bucket');
    expect(buckets.map((b) => [b.name, b.protect, b.inputs.forceDestroy])).toEqual([
      ['spotify-data', true, false],
      ['spotify-results', true, false],
      ['spotify-logs', true, false],
    ]);
    expect(wildcardViolations(resources)).toEqual([]);
  });
});
