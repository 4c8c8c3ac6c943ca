import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import {
  type AwsEnvironment,
  awsEnvironment,
  componentType,
  createChild,
  mergeTags,
  type ResourceTransform,
  type Tags,
} from '@spotify-lake/component-kit';
import { WAREHOUSE_TABLE } from '@spotify-lake/contract';
import { catalogNamedQueries, type NamedQuerySource, namedQueryResourceName } from './athena/named-queries';
import { resultsOutputLocation, workgroupConfiguration } from './athena/workgroup-configuration';
import { crawlerLogsKeyPolicy, crawlerPolicyDocument, glueTrustPolicy } from './crawler/crawler-policy';
import { crawlerTargetPrefixes } from './crawler/crawler-settings';
import { crawlerEncryptionConfiguration } from './crawler/security-configuration';
import { catalogTableArgs, s3Location } from './glue/catalog-table-args';
import { type CatalogTableDefinition, catalogTableDefinitions } from './glue/table-definitions';
import type { LakeCatalogArgs, LakeCatalogTransforms } from './lake-catalog-args';
import { type ResolvedCrawler, resolveLakeCatalogArgs } from './validation';

/** Files Spark leaves beside its output, which are no data. */
const CRAWLER_EXCLUSIONS = ['**/_SUCCESS', '**/_temporary/**'];

/** Logical-name suffix of each table child; staging tables add their source. */
function tableChildName(componentName: string, definition: CatalogTableDefinition): string {
  if (definition.kind === 'staging') return `${componentName}-${definition.name.replace(/_/g, '-')}-table`;
  return `${componentName}-${definition.kind}-table`;
}

function tableTransform(
  transforms: LakeCatalogTransforms,
  kind: CatalogTableDefinition['kind'],
): ResourceTransform<aws.glue.CatalogTableArgs> | undefined {
  if (kind === 'warehouse') return transforms.warehouseTable;
  if (kind === 'staging') return transforms.stagingTable;
  return transforms.quarantineTable;
}

export interface LakeCatalogCrawlerResources {
  crawler: aws.glue.Crawler;
  role: aws.iam.Role;
  policy: aws.iam.RolePolicy;
  securityConfiguration: aws.glue.SecurityConfiguration;
  /** `undefined` when `crawler.logsKmsKeyArn` was given. */
  logsKey: aws.kms.Key | undefined;
}

/**
 * The lake's Glue Data Catalog and Athena workgroup: a database whose tables are declared from the data contract
 * (no crawler needed for a schema), an optional crawler, and an engine v3 workgroup that writes encrypted results
 * to the lake's results bucket and holds the named queries it is given.
 */
export class LakeCatalog extends pulumi.ComponentResource {
  static readonly TYPE = componentType('catalog', 'LakeCatalog');

  public readonly database: aws.glue.CatalogDatabase;
  public readonly databaseName: pulumi.Output<string>;
  /** Catalog tables by table name: `datawarehouse`, `staging_albums`, `staging_artists`, `staging_tracks`, `quarantine`. */
  public readonly tables: Readonly<Record<string, aws.glue.CatalogTable>>;
  public readonly tableNames: pulumi.Output<string[]>;
  public readonly workgroup: aws.athena.Workgroup;
  public readonly workgroupName: pulumi.Output<string>;
  /** `s3://<results bucket>/<resultsPrefix>/`. */
  public readonly resultsLocation: pulumi.Output<string>;
  /** One per entry of `namedQueries`, created once the database name is known; empty by default. */
  public readonly namedQueries: pulumi.Output<aws.athena.NamedQuery[]>;
  public readonly namedQueryNames: pulumi.Output<string[]>;
  /** `undefined` unless `crawler.enabled`. */
  public readonly crawler: LakeCatalogCrawlerResources | undefined;
  public readonly crawlerName: pulumi.Output<string | undefined>;

  constructor(name: string, args: LakeCatalogArgs, opts?: pulumi.ComponentResourceOptions) {
    const settings = resolveLakeCatalogArgs(name, args, pulumi.getStack());
    super(LakeCatalog.TYPE, name, {}, opts);
    const transforms = args.transform ?? {};
    const tags = mergeTags(args.tags, { component: 'LakeCatalog', instance: name });
    const { lake } = args;

    this.database = createChild(
      this,
      transforms.database,
      `${name}-db`,
      { name: settings.databaseName, description: settings.databaseDescription, tags },
      (n, a, o) => new aws.glue.CatalogDatabase(n, a, o),
    );
    this.databaseName = this.database.name;

    const tables: Record<string, aws.glue.CatalogTable> = {};
    for (const definition of catalogTableDefinitions()) {
      tables[definition.name] = createChild(
        this,
        tableTransform(transforms, definition.kind),
        tableChildName(name, definition),
        catalogTableArgs(definition, this.database.name, lake.dataBucketName),
        (n, a, o) => new aws.glue.CatalogTable(n, a, o),
      );
    }
    this.tables = tables;
    this.tableNames = pulumi.all(Object.values(tables).map((t) => t.name));

    const needsEnvironment = settings.crawler !== undefined || args.resultsBucketOwner === undefined;
    const environment = needsEnvironment ? awsEnvironment(this) : undefined;

    this.resultsLocation = resultsOutputLocation(lake.resultsBucketName, settings.resultsPrefix);
    this.workgroup = createChild(
      this,
      transforms.workgroup,
      `${name}-workgroup`,
      {
        name: settings.workgroupName,
        description: pulumi.interpolate`Athena engine v3 over the Glue database ${this.database.name}; results in ${this.resultsLocation}`,
        state: 'ENABLED',
        forceDestroy: settings.forceDestroyWorkgroup,
        configuration: workgroupConfiguration({
          bytesScannedCutoffPerQuery: settings.bytesScannedCutoffPerQuery,
          resultsBucketName: lake.resultsBucketName,
          resultsPrefix: settings.resultsPrefix,
          kmsKeyArn: lake.kmsKeyArn,
          expectedBucketOwner: args.resultsBucketOwner ?? environment!.apply((env) => env.accountId),
        }),
        tags,
      },
      (n, a, o) => new aws.athena.Workgroup(n, a, o),
    );
    this.workgroupName = this.workgroup.name;

    this.namedQueries = this.createNamedQueries(name, settings.namedQueries, transforms);
    this.namedQueryNames = this.namedQueries.apply((queries) => pulumi.all(queries.map((q) => q.name)));

    this.crawler = settings.crawler
      ? this.createCrawler(name, args, settings.crawler, environment!, tags, transforms)
      : undefined;
    this.crawlerName = this.crawler ? this.crawler.crawler.name : pulumi.output(undefined);

    this.registerOutputs({
      databaseName: this.databaseName,
      tableNames: this.tableNames,
      workgroupName: this.workgroupName,
      resultsLocation: this.resultsLocation,
      namedQueryNames: this.namedQueryNames,
      crawlerName: this.crawlerName,
    });
  }

  /**
   * One named query per entry of `namedQueries`. Built inside an apply because the queries need the database
   * name as a string; their inputs stay Outputs of the database and workgroup so they are created after both.
   */
  private createNamedQueries(
    name: string,
    source: NamedQuerySource,
    transforms: LakeCatalogTransforms,
  ): pulumi.Output<aws.athena.NamedQuery[]> {
    return this.database.name.apply((databaseName) =>
      catalogNamedQueries(source, { databaseName, warehouseTable: WAREHOUSE_TABLE }).map((query) =>
        createChild(
          this,
          transforms.namedQuery,
          namedQueryResourceName(name, query.name),
          {
            name: query.name,
            description: query.description,
            query: query.sql,
            database: this.database.name,
            workgroup: this.workgroup.name,
          },
          (n, a, o) => new aws.athena.NamedQuery(n, a, o),
        ),
      ),
    );
  }

  private createCrawler(
    name: string,
    args: LakeCatalogArgs,
    crawler: ResolvedCrawler,
    environment: pulumi.Output<AwsEnvironment>,
    tags: pulumi.Output<Tags>,
    transforms: LakeCatalogTransforms,
  ): LakeCatalogCrawlerResources {
    const { lake } = args;
    const lakeKmsKeyArn = pulumi.output(lake.kmsKeyArn);
    const prefixes = crawlerTargetPrefixes(crawler.targets);

    // Created in this order because each names the one before: the logs key's policy names the role, the
    // security configuration uses the key, the role's policy names the log group of role and configuration.
    const role = createChild(
      this,
      transforms.crawlerRole,
      `${name}-crawler-role`,
      {
        description: `Glue crawler of the ${name} lake catalog: reads ${prefixes.join(', ')}`,
        assumeRolePolicy: environment.apply((env) => JSON.stringify(glueTrustPolicy(env.accountId))),
        tags,
      },
      (n, a, o) => new aws.iam.Role(n, a, o),
    );

    const logsKey =
      crawler.logsKmsKeyArn === undefined
        ? createChild(
            this,
            transforms.crawlerLogsKey,
            `${name}-crawler-logs-key`,
            {
              description: `Encrypts the CloudWatch logs of the ${name} Glue crawler`,
              enableKeyRotation: true,
              deletionWindowInDays: 30,
              policy: pulumi
                .all([environment, role.name])
                .apply(([env, roleName]) => JSON.stringify(crawlerLogsKeyPolicy(env, roleName))),
              tags,
            },
            (n, a, o) => new aws.kms.Key(n, a, o),
          )
        : undefined;
    const logsKmsKeyArn = logsKey ? logsKey.arn : pulumi.output(crawler.logsKmsKeyArn!);

    const securityConfiguration = createChild(
      this,
      transforms.crawlerSecurityConfiguration,
      `${name}-crawler-security`,
      {
        encryptionConfiguration: pulumi
          .all([logsKmsKeyArn, lakeKmsKeyArn])
          .apply(([logsKey, lakeKey]) => crawlerEncryptionConfiguration(logsKey, lakeKey)),
      },
      (n, a, o) => new aws.glue.SecurityConfiguration(n, a, o),
    );

    const policy = createChild(
      this,
      transforms.crawlerPolicy,
      `${name}-crawler-policy`,
      {
        role: role.id,
        policy: pulumi
          .all([
            environment,
            lake.dataBucketArn,
            this.database.name,
            lakeKmsKeyArn,
            role.name,
            securityConfiguration.name,
          ])
          .apply(([env, dataBucketArn, databaseName, lakeKey, roleName, securityConfigurationName]) =>
            JSON.stringify(
              crawlerPolicyDocument({
                ...env,
                dataBucketArn,
                prefixes,
                databaseName,
                tablePrefix: crawler.tablePrefix,
                updateBehavior: crawler.schemaChangePolicy.updateBehavior,
                deleteBehavior: crawler.schemaChangePolicy.deleteBehavior,
                lakeKmsKeyArn: lakeKey,
                roleName,
                securityConfigurationName,
              }),
            ),
          ),
      },
      (n, a, o) => new aws.iam.RolePolicy(n, a, o),
    );

    const glueCrawler = createChild(
      this,
      transforms.crawler,
      `${name}-crawler`,
      {
        description: `Discovers new folders under ${prefixes.join(', ')}; the contract's tables are declared, not crawled`,
        databaseName: this.database.name,
        role: role.arn,
        s3Targets: prefixes.map((prefix) => ({
          path: s3Location(lake.dataBucketName, prefix),
          exclusions: CRAWLER_EXCLUSIONS,
        })),
        ...(crawler.schedule === undefined ? {} : { schedule: crawler.schedule }),
        schemaChangePolicy: { ...crawler.schemaChangePolicy },
        recrawlPolicy: { recrawlBehavior: crawler.recrawlBehavior },
        securityConfiguration: securityConfiguration.name,
        tablePrefix: crawler.tablePrefix,
        tags,
      },
      (n, a, o) => new aws.glue.Crawler(n, a, o),
      // Without its permissions in place the first run would fail on access denied.
      { dependsOn: [policy] },
    );

    return { crawler: glueCrawler, role, policy, securityConfiguration, logsKey };
  }
}
