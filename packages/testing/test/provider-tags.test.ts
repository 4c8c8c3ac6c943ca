import { describe, expect, it } from 'vitest';
import { takesTags } from '../src/provider-tags';

describe('takesTags', () => {
  it('reads from the provider which resource args have tags', () => {
    expect(takesTags('aws:s3/bucket:Bucket')).toBe(true);
    expect(takesTags('aws:kms/key:Key')).toBe(true);
    expect(takesTags('aws:s3/bucketPolicy:BucketPolicy')).toBe(false);
    expect(takesTags('aws:kms/alias:Alias')).toBe(false);
    expect(takesTags('aws:glue/catalogDatabase:CatalogDatabase')).toBe(true);
    expect(takesTags('aws:glue/catalogTable:CatalogTable')).toBe(false);
  });

  it('fails loudly on a token it cannot map', () => {
    expect(() => takesTags('spotify:lake:DataLake')).toThrow('is not an @pulumi/aws resource type token');
    expect(() => takesTags('aws:s3/bucket:Nope')).toThrow('no NopeArgs in @pulumi/aws/s3/bucket.d.ts');
  });
});
