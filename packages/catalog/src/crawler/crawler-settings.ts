import { LAKE_ZONES, SOURCE_NAMES, stagingPrefix } from '@spotify-lake/contract';

/** Zones the crawler can look at: each staging source folder, or the warehouse folder. */
export const CRAWLER_TARGETS = ['staging', 'warehouse'] as const;
export type CrawlerTarget = (typeof CRAWLER_TARGETS)[number];

export const UPDATE_BEHAVIORS = ['LOG', 'UPDATE_IN_DATABASE'] as const;
export type UpdateBehavior = (typeof UPDATE_BEHAVIORS)[number];
export const DELETE_BEHAVIORS = ['LOG', 'DEPRECATE_IN_DATABASE', 'DELETE_FROM_DATABASE'] as const;
export type DeleteBehavior = (typeof DELETE_BEHAVIORS)[number];
/** CRAWL_EVENT_MODE is left out: it needs an S3 event queue this component does not create. */
export const RECRAWL_BEHAVIORS = ['CRAWL_NEW_FOLDERS_ONLY', 'CRAWL_EVERYTHING'] as const;
export type RecrawlBehavior = (typeof RECRAWL_BEHAVIORS)[number];

export interface SchemaChangePolicy {
  updateBehavior: UpdateBehavior;
  deleteBehavior: DeleteBehavior;
}

/**
 * LOG / LOG: the contract owns the schema of the catalog, so the crawler reports a changed or vanished schema in its
 * log and never rewrites or drops a table.
 */
export function defaultSchemaChangePolicy(): SchemaChangePolicy {
  return { updateBehavior: 'LOG', deleteBehavior: 'LOG' };
}

/** Only folders added since the last crawl: cheaper, and it never revisits what the catalog already knows. */
export function defaultRecrawlBehavior(): RecrawlBehavior {
  return 'CRAWL_NEW_FOLDERS_ONLY';
}

/** New source folders under staging/ are what there is to discover; the warehouse is declared by the contract. */
export function defaultCrawlerTargets(): CrawlerTarget[] {
  return ['staging'];
}

/**
 * Prefix of the tables the crawler creates. It keeps them apart from the contract's tables (`staging_albums`,
 * `datawarehouse`) and lets the crawler's IAM policy allow writes to `crawled_*` tables only.
 */
export const DEFAULT_CRAWLER_TABLE_PREFIX = 'crawled_';

/** Folders of the data bucket each target covers, with their trailing slash. */
export function crawlerTargetPrefixes(targets: readonly CrawlerTarget[]): string[] {
  const prefixes: string[] = [];
  for (const target of targets) {
    if (target === 'staging') prefixes.push(...SOURCE_NAMES.map(stagingPrefix));
    else prefixes.push(LAKE_ZONES.warehouse);
  }
  return prefixes;
}

/** One field of a Glue/EventBridge cron: digits, names, and the , - * ? / L W # operators. */
const CRON_FIELD = /^[0-9A-Za-z*?,/#-]+$/;

/**
 * Throws unless `schedule` is Glue's `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, with `?` in exactly
 * one of the two day fields as AWS requires.
 */
export function assertCrawlerSchedule(schedule: string, option = 'crawler.schedule'): void {
  const example = 'e.g. "cron(15 2 * * ? *)" for 02:15 UTC daily';
  const match = /^cron\((.*)\)$/.exec(schedule.trim());
  if (!match) throw new Error(`${option} "${schedule}" must be a cron expression, cron(...) (${example})`);
  const fields = match[1]!.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new Error(
      `${option} "${schedule}" must have 6 fields (minutes hours day-of-month month day-of-week year); got ${fields.length} (${example})`,
    );
  }
  const bad = fields.find((f) => !CRON_FIELD.test(f));
  if (bad !== undefined)
    throw new Error(`${option} "${schedule}": field "${bad}" has characters cron does not allow`);
  const [, , dayOfMonth, , dayOfWeek] = fields;
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new Error(
      `${option} "${schedule}": exactly one of day-of-month and day-of-week must be "?" (${example})`,
    );
  }
}

/** AWS rejects CRAWL_NEW_FOLDERS_ONLY unless both schema change behaviours are LOG. */
export function assertRecrawlCompatible(
  recrawl: RecrawlBehavior,
  policy: SchemaChangePolicy,
  option = 'crawler',
): void {
  if (
    recrawl === 'CRAWL_NEW_FOLDERS_ONLY' &&
    (policy.updateBehavior !== 'LOG' || policy.deleteBehavior !== 'LOG')
  ) {
    throw new Error(
      `${option}.recrawlBehavior CRAWL_NEW_FOLDERS_ONLY requires schemaChangePolicy { updateBehavior: 'LOG', deleteBehavior: 'LOG' }; got { updateBehavior: '${policy.updateBehavior}', deleteBehavior: '${policy.deleteBehavior}' } (set recrawlBehavior: 'CRAWL_EVERYTHING' to let the crawler change tables)`,
    );
  }
}

/** Crawler table prefixes are lowercase like every Glue table name, at most 128 characters. */
export function assertTablePrefix(prefix: string, option = 'crawler.tablePrefix'): void {
  if (prefix.length > 128 || !/^[a-z0-9_]*$/.test(prefix)) {
    throw new Error(`${option} "${prefix}" must be at most 128 lowercase letters, digits and underscores`);
  }
}
