import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LakeCatalogArgs } from '../src/lake-catalog-args';
import { DEFAULT_DATABASE_DESCRIPTION, resolveLakeCatalogArgs } from '../src/validation';
import { settle, setupPulumiMocks } from './support/pulumi-mocks';

const lake = {
  dataBucketName: 'lake-data',
  dataBucketArn: 'arn:aws:s3:::lake-data',
  resultsBucketName: 'lake-results',
  resultsBucketArn: 'arn:aws:s3:::lake-results',
};
const args = (over: Partial<LakeCatalogArgs> = {}): LakeCatalogArgs => ({
  lake,
  bytesScannedCutoffPerQuery: 1_000_000_000,
  ...over,
});
const resolve = (a: unknown) => resolveLakeCatalogArgs('cat', a as LakeCatalogArgs, 'prod');

const SAVED = [{ name: 'q', description: 'A query.', sql: 'SELECT 1' }];

describe('resolveLakeCatalogArgs defaults', () => {
  it('applies every documented default', () => {
    expect(resolve(args())).toEqual({
      databaseName: 'cat_prod',
      databaseDescription: DEFAULT_DATABASE_DESCRIPTION,
      workgroupName: 'cat-prod',
      bytesScannedCutoffPerQuery: 1_000_000_000,
      resultsPrefix: 'athena-results',
      forceDestroyWorkgroup: false,
      namedQueries: [],
      crawler: undefined,
    });
  });

  it('leaves the crawler off when given but not enabled', () => {
    expect(resolve(args({ crawler: {} })).crawler).toBeUndefined();
    expect(
      resolve(args({ crawler: { enabled: false, schedule: 'cron(0 1 * * ? *)' } })).crawler,
    ).toBeUndefined();
  });

  it('applies the crawler defaults when it is enabled', () => {
    expect(resolve(args({ crawler: { enabled: true } })).crawler).toEqual({
      schedule: undefined,
      targets: ['staging'],
      schemaChangePolicy: { updateBehavior: 'LOG', deleteBehavior: 'LOG' },
      recrawlBehavior: 'CRAWL_NEW_FOLDERS_ONLY',
      tablePrefix: 'crawled_',
      logsKmsKeyArn: undefined,
    });
  });

  it('keeps every option it is given', () => {
    const resolved = resolve(
      args({
        databaseName: 'analytics',
        workgroupName: 'analysts',
        resultsPrefix: 'team/results',
        forceDestroyWorkgroup: true,
        namedQueries: SAVED,
        crawler: {
          enabled: true,
          schedule: 'cron(0 3 * * ? *)',
          targets: ['staging', 'warehouse'],
          schemaChangePolicy: { updateBehavior: 'UPDATE_IN_DATABASE' },
          recrawlBehavior: 'CRAWL_EVERYTHING',
          tablePrefix: '',
        },
      }),
    );
    expect(resolved).toMatchObject({
      databaseName: 'analytics',
      workgroupName: 'analysts',
      resultsPrefix: 'team/results',
      forceDestroyWorkgroup: true,
      namedQueries: SAVED,
      crawler: {
        schedule: 'cron(0 3 * * ? *)',
        targets: ['staging', 'warehouse'],
        schemaChangePolicy: { updateBehavior: 'UPDATE_IN_DATABASE', deleteBehavior: 'LOG' },
        recrawlBehavior: 'CRAWL_EVERYTHING',
        tablePrefix: '',
      },
    });
  });
});

describe('resolveLakeCatalogArgs errors', () => {
  it.each([
    ['no args', undefined, 'args are required: { lake, bytesScannedCutoffPerQuery }'],
    [
      'a typo',
      { ...args(), bytesScanned: 1 },
      'unknown option "bytesScanned"; expected lake, bytesScannedCutoffPerQuery',
    ],
    [
      'no lake',
      { bytesScannedCutoffPerQuery: 1e9 },
      'lake is required: a DataLake or an object with dataBucketName',
    ],
    [
      'a partial lake',
      args({ lake: { ...lake, resultsBucketArn: undefined } as never }),
      'lake is missing resultsBucketArn',
    ],
    ['no cutoff', { lake }, 'bytesScannedCutoffPerQuery is required: the most bytes one query may scan'],
    [
      'a small cutoff',
      args({ bytesScannedCutoffPerQuery: 1024 }),
      "bytesScannedCutoffPerQuery must be an integer of at least 10485760 bytes (10 MB, Athena's minimum); got 1024",
    ],
    [
      'a fractional cutoff',
      args({ bytesScannedCutoffPerQuery: 2e7 + 0.5 }),
      "bytesScannedCutoffPerQuery must be an integer of at least 10485760 bytes (10 MB, Athena's minimum); got 20000000.5",
    ],
    [
      'a bad database name',
      args({ databaseName: 'My-DB' }),
      'databaseName "My-DB" must be lowercase letters',
    ],
    ['a bad workgroup name', args({ workgroupName: 'a b' }), 'workgroupName "a b" must be 1-128 characters'],
    [
      'a bad results prefix',
      args({ resultsPrefix: '/results/' }),
      'resultsPrefix "/results/" must be a folder path',
    ],
    [
      'a non-boolean flag',
      args({ namedQueries: 'no' as never }),
      'namedQueries must be a list of { name, description, sql } or a function of { databaseName, warehouseTable }; got "no"',
    ],
    [
      'a non-boolean force destroy',
      args({ forceDestroyWorkgroup: 1 as never }),
      'forceDestroyWorkgroup must be true or false; got 1',
    ],
    [
      'a crawler that is not an object',
      args({ crawler: true as never }),
      'crawler must be an object such as { enabled: true }',
    ],
    [
      'a crawler typo',
      args({ crawler: { enabled: true, shedule: 'x' } as never }),
      'unknown crawler option "shedule"',
    ],
    [
      'a non-boolean enabled',
      args({ crawler: { enabled: 'yes' as never } }),
      'crawler.enabled must be true or false; got "yes"',
    ],
    [
      'no crawler targets',
      args({ crawler: { enabled: true, targets: [] } }),
      'crawler.targets must list at least one of staging, warehouse',
    ],
    [
      'an unknown target',
      args({ crawler: { enabled: true, targets: ['raw' as never] } }),
      'crawler.targets[0] must be one of staging, warehouse; got "raw"',
    ],
    [
      'a repeated target',
      args({ crawler: { enabled: true, targets: ['staging', 'staging'] } }),
      'crawler.targets lists a zone twice',
    ],
    [
      'an unknown update behaviour',
      args({ crawler: { enabled: true, schemaChangePolicy: { updateBehavior: 'MERGE' as never } } }),
      'crawler.schemaChangePolicy.updateBehavior must be one of LOG, UPDATE_IN_DATABASE; got "MERGE"',
    ],
    [
      'an unknown delete behaviour',
      args({
        crawler: {
          enabled: true,
          recrawlBehavior: 'CRAWL_EVERYTHING',
          schemaChangePolicy: { deleteBehavior: 'DROP' as never },
        },
      }),
      'crawler.schemaChangePolicy.deleteBehavior must be one of LOG, DEPRECATE_IN_DATABASE, DELETE_FROM_DATABASE',
    ],
    [
      'event mode',
      args({ crawler: { enabled: true, recrawlBehavior: 'CRAWL_EVENT_MODE' as never } }),
      'crawler.recrawlBehavior must be one of CRAWL_NEW_FOLDERS_ONLY, CRAWL_EVERYTHING',
    ],
    [
      'new folders with updates',
      args({ crawler: { enabled: true, schemaChangePolicy: { updateBehavior: 'UPDATE_IN_DATABASE' } } }),
      'crawler.recrawlBehavior CRAWL_NEW_FOLDERS_ONLY requires schemaChangePolicy',
    ],
    [
      'a bad schedule',
      args({ crawler: { enabled: true, schedule: 'daily' } }),
      'crawler.schedule "daily" must be a cron expression',
    ],
    [
      'a bad table prefix',
      args({ crawler: { enabled: true, tablePrefix: 'Raw-' } }),
      'crawler.tablePrefix "Raw-" must be at most 128',
    ],
    [
      'a misspelt transform child',
      args({ transform: { workgroups: {} } as never }),
      'unknown transform hook "workgroups"; expected database, warehouseTable',
    ],
    [
      'a transform hook that is neither object nor function',
      args({ transform: { database: 'x' } as never }),
      'transform.database must be an object merged over the args or a function (args, opts, name) => void',
    ],
    [
      'a misspelt schema change behaviour',
      args({
        crawler: { enabled: true, schemaChangePolicy: { updateBehaviour: 'LOG' } as never },
      }),
      'unknown crawler.schemaChangePolicy option "updateBehaviour"; expected updateBehavior, deleteBehavior',
    ],
  ])('names the component and the option for %s', (_, given, message) => {
    expect(() => resolve(given)).toThrow(`LakeCatalog "cat": ${message}`);
  });
});

describe('values known only at deployment', () => {
  beforeAll(async () => {
    await setupPulumiMocks();
  });

  it('checks an Output when it resolves, with the same message', async () => {
    const resolved = resolve(
      args({ bytesScannedCutoffPerQuery: pulumi.output(5), databaseName: pulumi.output('Bad') }),
    );
    await expect(settle(resolved.bytesScannedCutoffPerQuery)).rejects.toThrow(
      'LakeCatalog "cat": bytesScannedCutoffPerQuery must be an integer of at least 10485760 bytes',
    );
    await expect(settle(resolved.databaseName)).rejects.toThrow('LakeCatalog "cat": databaseName "Bad"');
  });

  it('passes a good Output through', async () => {
    const resolved = resolve(
      args({ bytesScannedCutoffPerQuery: pulumi.output(20_000_000), workgroupName: Promise.resolve('wg') }),
    );
    expect(await settle(resolved.bytesScannedCutoffPerQuery)).toBe(20_000_000);
    expect(await settle(resolved.workgroupName)).toBe('wg');
  });
});
