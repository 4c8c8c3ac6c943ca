import type * as pulumi from '@pulumi/pulumi';
import { assertKnownKeys, assertTransformHooks, checkedInput } from '@spotify-lake/component-kit';
import type { NamedQuerySource } from './athena/named-queries';
import {
  assertBytesScannedCutoff,
  assertResultsPrefix,
  DEFAULT_RESULTS_PREFIX,
} from './athena/workgroup-configuration';
import {
  assertCrawlerSchedule,
  assertRecrawlCompatible,
  assertTablePrefix,
  CRAWLER_TARGETS,
  type CrawlerTarget,
  DEFAULT_CRAWLER_TABLE_PREFIX,
  DELETE_BEHAVIORS,
  defaultCrawlerTargets,
  defaultRecrawlBehavior,
  defaultSchemaChangePolicy,
  RECRAWL_BEHAVIORS,
  type RecrawlBehavior,
  type SchemaChangePolicy,
  UPDATE_BEHAVIORS,
} from './crawler/crawler-settings';
import type { LakeCatalogArgs, LakeCatalogCrawlerArgs, LakeCatalogTransforms } from './lake-catalog-args';
import {
  assertGlueDatabaseName,
  assertWorkgroupName,
  defaultDatabaseName,
  defaultWorkgroupName,
} from './naming';

/** The crawler settings with every default applied. */
export interface ResolvedCrawler {
  schedule: string | undefined;
  targets: CrawlerTarget[];
  schemaChangePolicy: SchemaChangePolicy;
  recrawlBehavior: RecrawlBehavior;
  tablePrefix: string;
  logsKmsKeyArn: pulumi.Input<string> | undefined;
}

/** The component's args with every default applied and every known value checked. */
export interface ResolvedLakeCatalogArgs {
  databaseName: pulumi.Input<string>;
  databaseDescription: pulumi.Input<string>;
  workgroupName: pulumi.Input<string>;
  bytesScannedCutoffPerQuery: pulumi.Input<number>;
  resultsPrefix: string;
  forceDestroyWorkgroup: boolean;
  namedQueries: NamedQuerySource;
  /** `undefined` when the crawler is off. */
  crawler: ResolvedCrawler | undefined;
}

export const DEFAULT_DATABASE_DESCRIPTION = 'Spotify lake: tables declared from the data contract.';

const ARG_KEYS: readonly (keyof LakeCatalogArgs)[] = [
  'lake',
  'bytesScannedCutoffPerQuery',
  'databaseName',
  'databaseDescription',
  'workgroupName',
  'resultsPrefix',
  'resultsBucketOwner',
  'forceDestroyWorkgroup',
  'namedQueries',
  'crawler',
  'tags',
  'transform',
];
const CRAWLER_KEYS: readonly (keyof LakeCatalogCrawlerArgs)[] = [
  'enabled',
  'schedule',
  'targets',
  'schemaChangePolicy',
  'recrawlBehavior',
  'tablePrefix',
  'logsKmsKeyArn',
];
const TRANSFORM_KEYS: readonly (keyof LakeCatalogTransforms)[] = [
  'database',
  'warehouseTable',
  'stagingTable',
  'quarantineTable',
  'workgroup',
  'namedQuery',
  'crawler',
  'crawlerRole',
  'crawlerPolicy',
  'crawlerSecurityConfiguration',
  'crawlerLogsKey',
];
const LAKE_KEYS = ['dataBucketName', 'dataBucketArn', 'resultsBucketName', 'resultsBucketArn'] as const;

function assertOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  option: string,
): asserts value is T {
  if (!allowed.includes(value as T)) {
    throw new Error(`${option} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  }
}

function resolveCrawler(crawler: LakeCatalogCrawlerArgs | undefined): ResolvedCrawler | undefined {
  if (crawler === undefined) return undefined;
  if (typeof crawler !== 'object' || crawler === null)
    throw new Error('crawler must be an object such as { enabled: true }');
  assertKnownKeys('', 'crawler option', crawler, CRAWLER_KEYS);
  if (crawler.enabled !== undefined && typeof crawler.enabled !== 'boolean') {
    throw new Error(`crawler.enabled must be true or false; got ${JSON.stringify(crawler.enabled)}`);
  }
  if (!crawler.enabled) return undefined;

  const targets = crawler.targets ?? defaultCrawlerTargets();
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new Error(`crawler.targets must list at least one of ${CRAWLER_TARGETS.join(', ')}`);
  }
  for (const [i, target] of targets.entries()) assertOneOf(target, CRAWLER_TARGETS, `crawler.targets[${i}]`);
  if (new Set(targets).size !== targets.length)
    throw new Error(`crawler.targets lists a zone twice: ${targets.join(', ')}`);

  if (crawler.schemaChangePolicy !== undefined) {
    assertKnownKeys('', 'crawler.schemaChangePolicy option', crawler.schemaChangePolicy, [
      'updateBehavior',
      'deleteBehavior',
    ]);
  }
  const schemaChangePolicy = { ...defaultSchemaChangePolicy(), ...crawler.schemaChangePolicy };
  assertOneOf(
    schemaChangePolicy.updateBehavior,
    UPDATE_BEHAVIORS,
    'crawler.schemaChangePolicy.updateBehavior',
  );
  assertOneOf(
    schemaChangePolicy.deleteBehavior,
    DELETE_BEHAVIORS,
    'crawler.schemaChangePolicy.deleteBehavior',
  );
  const recrawlBehavior = crawler.recrawlBehavior ?? defaultRecrawlBehavior();
  assertOneOf(recrawlBehavior, RECRAWL_BEHAVIORS, 'crawler.recrawlBehavior');
  assertRecrawlCompatible(recrawlBehavior, schemaChangePolicy);

  if (crawler.schedule !== undefined) assertCrawlerSchedule(crawler.schedule);
  const tablePrefix = crawler.tablePrefix ?? DEFAULT_CRAWLER_TABLE_PREFIX;
  assertTablePrefix(tablePrefix);

  return {
    schedule: crawler.schedule?.trim(),
    targets: [...targets],
    schemaChangePolicy,
    recrawlBehavior,
    tablePrefix,
    logsKmsKeyArn: crawler.logsKmsKeyArn,
  };
}

function resolve(
  name: string,
  args: LakeCatalogArgs,
  stack: string,
  prefix: string,
): ResolvedLakeCatalogArgs {
  if (typeof args !== 'object' || args === null)
    throw new Error('args are required: { lake, bytesScannedCutoffPerQuery }');
  assertKnownKeys('', 'option', args, ARG_KEYS);
  if (typeof args.lake !== 'object' || args.lake === null) {
    throw new Error(
      'lake is required: a DataLake or an object with dataBucketName, dataBucketArn, resultsBucketName, resultsBucketArn',
    );
  }
  const missing = LAKE_KEYS.filter((key) => args.lake[key] === undefined || args.lake[key] === null);
  if (missing.length > 0) throw new Error(`lake is missing ${missing.join(', ')}`);
  if (args.bytesScannedCutoffPerQuery === undefined) {
    throw new Error(
      'bytesScannedCutoffPerQuery is required: the most bytes one query may scan (at least 10485760, 10 MB)',
    );
  }
  assertTransformHooks('', args.transform, TRANSFORM_KEYS);
  const resultsPrefix = args.resultsPrefix ?? DEFAULT_RESULTS_PREFIX;
  assertResultsPrefix(resultsPrefix);
  if (
    args.namedQueries !== undefined &&
    !Array.isArray(args.namedQueries) &&
    typeof args.namedQueries !== 'function'
  ) {
    throw new Error(
      `namedQueries must be a list of { name, description, sql } or a function of { databaseName, warehouseTable }; got ${JSON.stringify(args.namedQueries)}`,
    );
  }
  for (const flag of ['forceDestroyWorkgroup'] as const) {
    if (args[flag] !== undefined && typeof args[flag] !== 'boolean') {
      throw new Error(`${flag} must be true or false; got ${JSON.stringify(args[flag])}`);
    }
  }
  return {
    databaseName: checkedInput(
      args.databaseName ?? defaultDatabaseName(name, stack),
      (v) => assertGlueDatabaseName(v),
      prefix,
    ),
    databaseDescription: args.databaseDescription ?? DEFAULT_DATABASE_DESCRIPTION,
    workgroupName: checkedInput(
      args.workgroupName ?? defaultWorkgroupName(name, stack),
      (v) => assertWorkgroupName(v),
      prefix,
    ),
    bytesScannedCutoffPerQuery: checkedInput(
      args.bytesScannedCutoffPerQuery,
      (v) => assertBytesScannedCutoff(v),
      prefix,
    ),
    resultsPrefix,
    forceDestroyWorkgroup: args.forceDestroyWorkgroup ?? false,
    namedQueries: args.namedQueries ?? [],
    crawler: resolveCrawler(args.crawler),
  };
}

/** Applies the defaults and checks the args; every error names the component and the option. */
export function resolveLakeCatalogArgs(
  name: string,
  args: LakeCatalogArgs,
  stack: string,
): ResolvedLakeCatalogArgs {
  const prefix = `LakeCatalog "${name}": `;
  try {
    return resolve(name, args, stack, prefix);
  } catch (error) {
    throw new Error(prefix + (error as Error).message);
  }
}
