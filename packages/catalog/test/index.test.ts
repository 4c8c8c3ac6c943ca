import { describe, expect, it } from 'vitest';
import * as catalog from '../src/index';

describe('package entry point', () => {
  it('exports the component, its type token and the named secure defaults', () => {
    expect(catalog.LakeCatalog.TYPE).toBe('spotify:catalog:LakeCatalog');
    for (const name of [
      'LakeCatalog',
      'defaultSchemaChangePolicy',
      'defaultRecrawlBehavior',
      'defaultCrawlerTargets',
      'resultsEncryption',
      'workgroupConfiguration',
      'crawlerPolicyDocument',
      'crawlerLogsKeyPolicy',
      'glueTrustPolicy',
      'crawlerEncryptionConfiguration',
      'catalogTableDefinitions',
      'stagingTableName',
      'defaultDatabaseName',
      'defaultWorkgroupName',
      'resolveLakeCatalogArgs',
    ]) {
      expect(typeof (catalog as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
