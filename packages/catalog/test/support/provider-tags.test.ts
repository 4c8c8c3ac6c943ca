import { describe, expect, it } from 'vitest';
import { takesTags } from './provider-tags';

describe('takesTags', () => {
  it('reads from the provider which resource args have tags', () => {
    expect(takesTags('aws:glue/catalogDatabase:CatalogDatabase')).toBe(true);
    expect(takesTags('aws:athena/workgroup:Workgroup')).toBe(true);
    expect(takesTags('aws:glue/catalogTable:CatalogTable')).toBe(false);
    expect(takesTags('aws:athena/namedQuery:NamedQuery')).toBe(false);
  });

  it('fails loudly on a token it cannot map', () => {
    expect(() => takesTags('spotify:catalog:LakeCatalog')).toThrow(
      'is not an @pulumi/aws resource type token',
    );
    expect(() => takesTags('aws:glue/crawler:Nope')).toThrow('no NopeArgs in @pulumi/aws/glue/crawler.d.ts');
  });
});
