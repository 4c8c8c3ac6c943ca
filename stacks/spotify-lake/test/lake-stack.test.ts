import type * as pulumi from '@pulumi/pulumi';
import type { LakeRef } from '@spotify-lake/catalog';
import { describe, expect, it } from 'vitest';
import { parseStackConfig, type StackConfig } from '../src/config';
import { dataLakeArgs, LAKE_NAME, lakeCatalogArgs, stackTags } from '../src/lake-stack';

const config = (stack: string, extra: Record<string, string> = {}): StackConfig =>
  parseStackConfig(stack, { 'aws:region': 'eu-west-1', ...extra });
const lake: LakeRef = {
  dataBucketName: 'data',
  dataBucketArn: 'arn:aws:s3:::data',
  resultsBucketName: 'results',
  resultsBucketArn: 'arn:aws:s3:::results',
};
/** Runs a catalog transform hook the way the component does and returns the options it set. */
function optionsAfter(transform: unknown): pulumi.CustomResourceOptions {
  const opts: pulumi.CustomResourceOptions = {};
  (transform as (args: object, opts: pulumi.CustomResourceOptions, name: string) => void)({}, opts, 'x');
  return opts;
}

describe('LAKE_NAME', () => {
  it('is a valid lake name short enough for S3 bucket names', () => {
    expect(LAKE_NAME).toMatch(/^[a-z0-9-]{1,47}$/);
  });
});

describe('stackTags', () => {
  it("adds the stack name to the stack file's tags", () => {
    expect(stackTags(config('dev', { 'spotify-lake:tags': '{"team":"analytics"}' }))).toEqual({
      team: 'analytics',
      'spotify-lake:stack': 'dev',
    });
  });
});

describe('dataLakeArgs', () => {
  it('keeps the data protected unless the stack asks for disposable data', () => {
    const args = dataLakeArgs(config('prod'));
    expect(args).toEqual({
      encryption: 'kms',
      lifecycle: { queryResultsExpirationDays: 7 },
      tags: { 'spotify-lake:stack': 'prod' },
    });
    expect('disposableData' in args).toBe(false);
  });

  it("confirms disposable data with the stack's own name", () => {
    const args = dataLakeArgs(
      config('dev-alice', {
        'spotify-lake:disposableData': 'true',
        'spotify-lake:encryption': 'sse-s3',
        'spotify-lake:queryResultsDays': '2',
      }),
    );
    expect(args).toMatchObject({
      encryption: 'sse-s3',
      disposableData: { enabled: true, confirm: 'dev-alice' },
      lifecycle: { queryResultsExpirationDays: 2 },
    });
  });
});

describe('lakeCatalogArgs', () => {
  it('converts the MiB cutoff to bytes and passes the crawler switch and tags', () => {
    const args = lakeCatalogArgs(
      config('dev', { 'spotify-lake:bytesScannedCutoffMb': '100', 'spotify-lake:crawler': 'true' }),
      lake,
    );
    expect(args).toMatchObject({
      lake,
      bytesScannedCutoffPerQuery: 104_857_600,
      crawler: { enabled: true },
      tags: { 'spotify-lake:stack': 'dev' },
    });
  });

  it('protects the database and the workgroup of a protected stack, and never force-destroys its workgroup', () => {
    const args = lakeCatalogArgs(config('prod'), lake);
    expect(args.forceDestroyWorkgroup).toBe(false);
    expect(Object.keys(args.transform ?? {}).sort()).toEqual(['database', 'workgroup']);
    expect(optionsAfter(args.transform?.database)).toEqual({ protect: true });
    expect(optionsAfter(args.transform?.workgroup)).toEqual({ protect: true });
  });

  it('lets a disposable stack destroy its workgroup with its saved queries', () => {
    const args = lakeCatalogArgs(config('dev', { 'spotify-lake:disposableData': 'true' }), lake);
    expect(args.forceDestroyWorkgroup).toBe(true);
    expect(args.transform).toEqual({});
  });
});
