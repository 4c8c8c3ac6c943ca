import type * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import type { ResourceTransform } from '@spotify-lake/component-kit';
import type { NamedQuerySource } from './athena/named-queries';
import type {
  CrawlerTarget,
  DeleteBehavior,
  RecrawlBehavior,
  UpdateBehavior,
} from './crawler/crawler-settings';
import type { LakeRef } from './lake-ref';

/** Options of the optional Glue crawler. */
export interface LakeCatalogCrawlerArgs {
  /**
   * Create the crawler. Off because the contract already declares every table with its exact types, which a
   * crawler can only guess (it would type ids as bigint and dates as string); turn it on for parity with the
   * tutorial or to discover folders the contract does not know yet.
   * @default false
   */
  enabled?: boolean;
  /**
   * When it runs, as Glue cron: `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, UTC.
   * @default undefined (on demand only)
   */
  schedule?: string;
  /**
   * Zones it crawls: `staging` (one S3 target per source folder) and/or `warehouse`.
   * @default ['staging'] (defaultCrawlerTargets())
   */
  targets?: CrawlerTarget[];
  /**
   * What it does when a schema changed or a folder vanished.
   * @default { updateBehavior: 'LOG', deleteBehavior: 'LOG' } (defaultSchemaChangePolicy()): the contract owns the schema
   */
  schemaChangePolicy?: { updateBehavior?: UpdateBehavior; deleteBehavior?: DeleteBehavior };
  /**
   * Which folders each run visits. CRAWL_NEW_FOLDERS_ONLY requires LOG / LOG schema change behaviours.
   * @default 'CRAWL_NEW_FOLDERS_ONLY' (defaultRecrawlBehavior())
   */
  recrawlBehavior?: RecrawlBehavior;
  /**
   * Prefix of the tables it creates, so they never shadow the contract's tables; its IAM policy can write only
   * to tables with this prefix. An empty prefix lets it write to every table of the database.
   * @default 'crawled_' (DEFAULT_CRAWLER_TABLE_PREFIX)
   */
  tablePrefix?: string;
  /**
   * KMS key that encrypts its CloudWatch logs. The key's policy must let `logs.<region>.amazonaws.com` use it.
   * @default undefined: the component creates a key for them, rotation on, usable by CloudWatch Logs for the
   * `/aws-glue/crawlers*` log groups only
   */
  logsKmsKeyArn?: pulumi.Input<string>;
}

/** Hooks to change a child resource's args before it is created (SST v3 style). */
export interface LakeCatalogTransforms {
  database?: ResourceTransform<aws.glue.CatalogDatabaseArgs>;
  warehouseTable?: ResourceTransform<aws.glue.CatalogTableArgs>;
  /** Called for each of the staging tables; the third argument is the child's logical name. */
  stagingTable?: ResourceTransform<aws.glue.CatalogTableArgs>;
  quarantineTable?: ResourceTransform<aws.glue.CatalogTableArgs>;
  workgroup?: ResourceTransform<aws.athena.WorkgroupArgs>;
  /** Called for each named query. */
  namedQuery?: ResourceTransform<aws.athena.NamedQueryArgs>;
  crawler?: ResourceTransform<aws.glue.CrawlerArgs>;
  crawlerRole?: ResourceTransform<aws.iam.RoleArgs>;
  crawlerPolicy?: ResourceTransform<aws.iam.RolePolicyArgs>;
  crawlerSecurityConfiguration?: ResourceTransform<aws.glue.SecurityConfigurationArgs>;
  crawlerLogsKey?: ResourceTransform<aws.kms.KeyArgs>;
}

export interface LakeCatalogArgs {
  /** The lake the tables read and the workgroup writes results to; a DataLake or any object with these outputs. */
  lake: LakeRef;
  /**
   * Per-query cost cap: Athena cancels a query that scans more bytes. Required so that every stack decides it;
   * an integer of at least 10485760 (10 MB, Athena's minimum).
   */
  bytesScannedCutoffPerQuery: pulumi.Input<number>;
  /**
   * Glue database name: lowercase letters, digits and `_`, starting with a letter, at most 255 characters.
   * @default `<component name>_<stack>` sanitised to those rules (defaultDatabaseName()), unique per instance and stack
   */
  databaseName?: pulumi.Input<string>;
  /**
   * Description of the Glue database.
   * @default 'Spotify lake: tables declared from the data contract.'
   */
  databaseDescription?: pulumi.Input<string>;
  /**
   * Athena workgroup name: letters, digits, `.`, `_`, `-`, at most 128 characters.
   * @default `<component name>-<stack>` (defaultWorkgroupName()), unique per instance and stack
   */
  workgroupName?: pulumi.Input<string>;
  /**
   * Folder of the results bucket for query results, without slashes at the ends.
   * @default 'athena-results' (DEFAULT_RESULTS_PREFIX)
   */
  resultsPrefix?: string;
  /**
   * Account expected to own the results bucket; Athena refuses to write results to a bucket someone else owns.
   * @default the deploying account (aws.getCallerIdentity)
   */
  resultsBucketOwner?: pulumi.Input<string>;
  /**
   * Let `pulumi destroy` delete the workgroup together with its saved queries and query history.
   * @default false
   */
  forceDestroyWorkgroup?: boolean;
  /**
   * Saved queries for analysts in the Athena console, one `aws.athena.NamedQuery` each in the workgroup: a list, or
   * a function of `{ databaseName, warehouseTable }` that renders them for this catalog's database, e.g.
   * `(t) => namedQueries({ database: t.databaseName, warehouseTable: t.warehouseTable })` from
   * `@spotify-lake/queries`. Each is checked against Athena's limits (name 1-128, description 1-1024 characters).
   * @default [] (none)
   */
  namedQueries?: NamedQuerySource;
  /**
   * The optional Glue crawler.
   * @default { enabled: false }
   */
  crawler?: LakeCatalogCrawlerArgs;
  /**
   * Tags for every child that takes tags (database, workgroup, crawler, its role and key), over the defaults
   * `spotify-lake:component` and `spotify-lake:instance` (defaultTags()).
   * @default {}
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Hooks to change any child resource before it is created.
   * @default {}
   */
  transform?: LakeCatalogTransforms;
}
