import { LAKE_ZONES } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import {
  assertCrawlerSchedule,
  assertRecrawlCompatible,
  assertTablePrefix,
  crawlerTargetPrefixes,
  DEFAULT_CRAWLER_TABLE_PREFIX,
  DELETE_BEHAVIORS,
  defaultCrawlerTargets,
  defaultRecrawlBehavior,
  defaultSchemaChangePolicy,
  RECRAWL_BEHAVIORS,
  UPDATE_BEHAVIORS,
} from '../../src/crawler/crawler-settings';
import { definition, loadCfnSchema } from '../support/cfn-schema';

const crawlerSchema = loadCfnSchema('aws-glue-crawler.json');
const cfnEnum = (def: string, property: string) =>
  definition(crawlerSchema, def).properties?.[property]?.enum;

describe('crawler defaults', () => {
  it('logs schema changes and deletions instead of applying them', () => {
    expect(defaultSchemaChangePolicy()).toEqual({ updateBehavior: 'LOG', deleteBehavior: 'LOG' });
  });

  it('crawls new folders only, staging only, into crawled_ tables', () => {
    expect(defaultRecrawlBehavior()).toBe('CRAWL_NEW_FOLDERS_ONLY');
    expect(defaultCrawlerTargets()).toEqual(['staging']);
    expect(DEFAULT_CRAWLER_TABLE_PREFIX).toBe('crawled_');
  });

  it('returns fresh objects so callers cannot change the defaults', () => {
    defaultSchemaChangePolicy().updateBehavior = 'UPDATE_IN_DATABASE';
    defaultCrawlerTargets().push('warehouse');
    expect(defaultSchemaChangePolicy().updateBehavior).toBe('LOG');
    expect(defaultCrawlerTargets()).toEqual(['staging']);
  });
});

describe('behaviours match the CloudFormation AWS::Glue::Crawler enums', () => {
  it('update, delete and recrawl behaviours are values CloudFormation accepts', () => {
    expect(cfnEnum('SchemaChangePolicy', 'UpdateBehavior')).toEqual(
      expect.arrayContaining([...UPDATE_BEHAVIORS]),
    );
    expect(cfnEnum('SchemaChangePolicy', 'DeleteBehavior')).toEqual(
      expect.arrayContaining([...DELETE_BEHAVIORS]),
    );
    expect(cfnEnum('RecrawlPolicy', 'RecrawlBehavior')).toEqual(
      expect.arrayContaining([...RECRAWL_BEHAVIORS]),
    );
    expect(UPDATE_BEHAVIORS).toEqual(cfnEnum('SchemaChangePolicy', 'UpdateBehavior'));
    expect([...DELETE_BEHAVIORS].sort()).toEqual(
      [...(cfnEnum('SchemaChangePolicy', 'DeleteBehavior') as string[])].sort(),
    );
  });
});

describe('crawlerTargetPrefixes', () => {
  it('lists one folder per source for staging, and the warehouse folder', () => {
    expect(crawlerTargetPrefixes(['staging'])).toEqual([
      'staging/albums/',
      'staging/artists/',
      'staging/tracks/',
    ]);
    expect(crawlerTargetPrefixes(['warehouse'])).toEqual([LAKE_ZONES.warehouse]);
    expect(crawlerTargetPrefixes(['staging', 'warehouse'])).toHaveLength(4);
  });
});

describe('assertCrawlerSchedule', () => {
  it.each([
    'cron(15 2 * * ? *)',
    'cron(0 */6 ? * MON-FRI *)',
    'cron(0 12 L * ? 2027)',
    ' cron(0 0 1 * ? *) ',
  ])('accepts %s', (schedule) => {
    expect(() => assertCrawlerSchedule(schedule)).not.toThrow();
  });

  it.each([
    ['rate(1 day)', /crawler\.schedule "rate\(1 day\)" must be a cron expression, cron\(\.\.\.\)/],
    ['0 2 * * *', /must be a cron expression/],
    ['cron(0 2 * * *)', /must have 6 fields .*; got 5/],
    ['cron(0 2 * * * *)', /exactly one of day-of-month and day-of-week must be "\?"/],
    ['cron(0 2 ? * ? *)', /exactly one of day-of-month and day-of-week/],
    ['cron(0 2 * * ? $)', /field "\$" has characters cron does not allow/],
  ])('rejects %s', (schedule, message) => {
    expect(() => assertCrawlerSchedule(schedule)).toThrow(message);
  });
});

describe('assertRecrawlCompatible', () => {
  it('requires LOG / LOG for CRAWL_NEW_FOLDERS_ONLY, as AWS does', () => {
    expect(() =>
      assertRecrawlCompatible('CRAWL_NEW_FOLDERS_ONLY', defaultSchemaChangePolicy()),
    ).not.toThrow();
    expect(() =>
      assertRecrawlCompatible('CRAWL_NEW_FOLDERS_ONLY', {
        updateBehavior: 'UPDATE_IN_DATABASE',
        deleteBehavior: 'LOG',
      }),
    ).toThrow(
      /crawler\.recrawlBehavior CRAWL_NEW_FOLDERS_ONLY requires schemaChangePolicy \{ updateBehavior: 'LOG', deleteBehavior: 'LOG' \}; got \{ updateBehavior: 'UPDATE_IN_DATABASE', deleteBehavior: 'LOG' \}/,
    );
    expect(() =>
      assertRecrawlCompatible('CRAWL_NEW_FOLDERS_ONLY', {
        updateBehavior: 'LOG',
        deleteBehavior: 'DELETE_FROM_DATABASE',
      }),
    ).toThrow(/deleteBehavior: 'DELETE_FROM_DATABASE'/);
  });

  it('lets CRAWL_EVERYTHING use any behaviour', () => {
    expect(() =>
      assertRecrawlCompatible('CRAWL_EVERYTHING', {
        updateBehavior: 'UPDATE_IN_DATABASE',
        deleteBehavior: 'DELETE_FROM_DATABASE',
      }),
    ).not.toThrow();
  });
});

describe('assertTablePrefix', () => {
  it('accepts lowercase prefixes, including none', () => {
    for (const prefix of ['', 'crawled_', 'raw2_']) expect(() => assertTablePrefix(prefix)).not.toThrow();
  });

  it('rejects what Glue table names cannot hold', () => {
    expect(() => assertTablePrefix('Crawled-')).toThrow(
      /crawler\.tablePrefix "Crawled-" must be at most 128 lowercase/,
    );
    expect(() => assertTablePrefix('p'.repeat(129))).toThrow(/at most 128/);
  });
});
