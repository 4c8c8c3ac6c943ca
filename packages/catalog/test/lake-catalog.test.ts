import * as pulumi from '@pulumi/pulumi';
import {
  PHYSICAL_TYPES,
  QUARANTINE_COLUMNS,
  SOURCE_NAMES,
  SOURCES,
  WAREHOUSE_COLUMNS,
} from '@spotify-lake/contract';
import { takesTags, wildcardViolations } from '@spotify-lake/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LakeCatalog as LakeCatalogClass } from '../src/lake-catalog';
import type { LakeCatalogArgs } from '../src/lake-catalog-args';
import type { LakeRef } from '../src/lake-ref';
import { loadCfnSchema, validate } from './support/cfn-schema';
import { catalogTableToCfn, crawlerToCfn, workgroupToCfn } from './support/cfn-shapes';
import {
  MOCK_ENVIRONMENT,
  MOCK_STACK,
  type RecordedResource,
  type ResourceRecorder,
  resolvedValue,
  setupPulumiMocks,
} from './support/pulumi-mocks';

const T = {
  component: 'spotify:catalog:LakeCatalog',
  database: 'aws:glue/catalogDatabase:CatalogDatabase',
  table: 'aws:glue/catalogTable:CatalogTable',
  workgroup: 'aws:athena/workgroup:Workgroup',
  namedQuery: 'aws:athena/namedQuery:NamedQuery',
  crawler: 'aws:glue/crawler:Crawler',
  role: 'aws:iam/role:Role',
  rolePolicy: 'aws:iam/rolePolicy:RolePolicy',
  securityConfiguration: 'aws:glue/securityConfiguration:SecurityConfiguration',
  key: 'aws:kms/key:Key',
} as const;
const TAGGABLE: string[] = [T.database, T.workgroup, T.crawler, T.role, T.key];

const LAKE_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/lake-key';
const lakeWithKey: LakeRef = {
  dataBucketName: 'lake-data',
  dataBucketArn: 'arn:aws:s3:::lake-data',
  resultsBucketName: 'lake-results',
  resultsBucketArn: 'arn:aws:s3:::lake-results',
  kmsKeyArn: LAKE_KEY,
};
/** As the DataLake exposes it when SSE-S3 was chosen: an Output that resolves to undefined. */
const lakeWithoutKey: LakeRef = { ...lakeWithKey, kmsKeyArn: pulumi.output(undefined) };
const CUTOFF = 1024 ** 3;

/** Named queries as a query package would render them for a database. */
const renderedQueries = (database: string) => [
  {
    name: 'top-labels',
    description: 'Labels with the most albums.',
    sql: `SELECT label FROM ${database}.datawarehouse`,
  },
  {
    name: 'genre-counts',
    description: 'Rows per genre.',
    sql: `SELECT genre FROM ${database}.datawarehouse`,
  },
];

let recorder: ResourceRecorder;
let LakeCatalog: typeof LakeCatalogClass;

beforeAll(async () => {
  // Mocks first, then the program.
  recorder = await setupPulumiMocks();
  ({ LakeCatalog } = await import('../src/lake-catalog.js'));
});
beforeEach(() => recorder.reset());

/** Builds a catalog and waits until every child, including the named queries, has registered. */
async function build(name: string, over: Partial<LakeCatalogArgs> = {}) {
  const catalog = new LakeCatalog(name, { lake: lakeWithKey, bytesScannedCutoffPerQuery: CUTOFF, ...over });
  const resources = [...(await recorder.settled())];
  return { catalog, resources };
}

// biome-ignore lint/suspicious/noExplicitAny: recorded inputs are untyped JSON, read field by field in assertions
type Inputs = Record<string, any>;
const inputsOf = (name: string) => recorder.named(name).inputs as Inputs;
const json = (text: unknown) => JSON.parse(text as string);

describe('LakeCatalog defaults', () => {
  it('registers as spotify:catalog:LakeCatalog with every child parented to it', async () => {
    const { resources } = await build('cat');
    const [component, ...children] = resources
      .filter((r) => r.type === T.component)
      .concat(resources.filter((r) => r.type !== T.component));
    expect(component).toMatchObject({ type: T.component, name: 'cat', parent: undefined });
    expect(children.length).toBeGreaterThan(6);
    for (const child of children) expect(child.parent, child.name).toBe('cat');
  });

  it('creates the database named <component>_<stack>', async () => {
    const { catalog } = await build('cat');
    expect(inputsOf('cat-db')).toMatchObject({
      name: `cat_${MOCK_STACK}`,
      description: 'Spotify lake: tables declared from the data contract.',
    });
    expect(await resolvedValue(catalog.databaseName)).toBe(`cat_${MOCK_STACK}`);
  });

  it('declares the warehouse, three staging tables and the quarantine in the database', async () => {
    const { catalog } = await build('cat');
    const tables = recorder.ofType(T.table);
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'cat-warehouse-table',
        'cat-staging-albums-table',
        'cat-staging-artists-table',
        'cat-staging-tracks-table',
        'cat-quarantine-table',
      ].sort(),
    );
    for (const table of tables) expect(table.inputs.databaseName).toBe(`cat_${MOCK_STACK}`);
    expect((await resolvedValue(catalog.tableNames)).sort()).toEqual(
      ['datawarehouse', 'quarantine', 'staging_albums', 'staging_artists', 'staging_tracks'].sort(),
    );
    expect(Object.keys(catalog.tables).sort()).toEqual((await resolvedValue(catalog.tableNames)).sort());
    expect(inputsOf('cat-warehouse-table').storageDescriptor.location).toBe('s3://lake-data/datawarehouse/');
    expect(inputsOf('cat-staging-artists-table').storageDescriptor.location).toBe(
      's3://lake-data/staging/artists/',
    );
    expect(inputsOf('cat-quarantine-table').storageDescriptor.location).toBe('s3://lake-data/quarantine/');
  });

  it('gives the Glue tables exactly the data contract columns and types', async () => {
    await build('cat');
    const columns = (name: string) =>
      (inputsOf(name).storageDescriptor.columns as { name: string; type: string }[]).map((c) => [
        c.name,
        c.type,
      ]);
    expect(columns('cat-warehouse-table')).toEqual(
      WAREHOUSE_COLUMNS.map((c) => [c.name, PHYSICAL_TYPES[c.type].glue]),
    );
    expect(columns('cat-quarantine-table')).toEqual(
      QUARANTINE_COLUMNS.map((c) => [c.name, PHYSICAL_TYPES[c.type].glue]),
    );
    for (const source of SOURCE_NAMES) {
      // OpenCSVSerde reads text only: the staging tables are the contract fields, in order, as string.
      expect(columns(`cat-staging-${source}-table`)).toEqual(
        SOURCES[source].fields.map((f) => [f.name, 'string']),
      );
      expect(inputsOf(`cat-staging-${source}-table`).parameters['skip.header.line.count']).toBe('1');
    }
  });

  it('creates an enforced engine v3 workgroup writing KMS-encrypted results to the results bucket', async () => {
    const { catalog } = await build('cat');
    const workgroup = inputsOf('cat-workgroup');
    expect(workgroup).toMatchObject({
      name: `cat-${MOCK_STACK}`,
      state: 'ENABLED',
      forceDestroy: false,
      configuration: {
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: CUTOFF,
        resultConfiguration: {
          outputLocation: 's3://lake-results/athena-results/',
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKeyArn: LAKE_KEY },
          expectedBucketOwner: MOCK_ENVIRONMENT.accountId,
          aclConfiguration: { s3AclOption: 'BUCKET_OWNER_FULL_CONTROL' },
        },
      },
    });
    expect(await resolvedValue(catalog.workgroupName)).toBe(`cat-${MOCK_STACK}`);
    expect(await resolvedValue(catalog.resultsLocation)).toBe('s3://lake-results/athena-results/');
  });

  it('encrypts results with SSE_S3 when the lake has no key', async () => {
    await build('cat', { lake: lakeWithoutKey });
    expect(inputsOf('cat-workgroup').configuration.resultConfiguration.encryptionConfiguration).toEqual({
      encryptionOption: 'SSE_S3',
    });
    const { kmsKeyArn: _, ...noKeyAtAll } = lakeWithKey;
    recorder.reset();
    await build('cat2', { lake: noKeyAtAll });
    expect(inputsOf('cat2-workgroup').configuration.resultConfiguration.encryptionConfiguration).toEqual({
      encryptionOption: 'SSE_S3',
    });
  });

  it('saves every given named query in the workgroup, rendered for its database, once registered late', async () => {
    const targets: unknown[] = [];
    const catalog = new LakeCatalog('cat', {
      lake: lakeWithKey,
      bytesScannedCutoffPerQuery: CUTOFF,
      namedQueries: (target) => {
        targets.push(target);
        return renderedQueries(target.databaseName);
      },
    });
    await recorder.settled();
    expect(targets).toEqual([{ databaseName: `cat_${MOCK_STACK}`, warehouseTable: 'datawarehouse' }]);
    const expected = renderedQueries(`cat_${MOCK_STACK}`);
    const saved = recorder.ofType(T.namedQuery);
    expect(saved.map((q) => q.inputs)).toEqual(
      expected.map((q) => ({
        name: q.name,
        description: q.description,
        query: q.sql,
        database: `cat_${MOCK_STACK}`,
        workgroup: `cat-${MOCK_STACK}`,
      })),
    );
    for (const query of saved)
      expect(query.dependencies).toEqual(expect.arrayContaining(['cat-db', 'cat-workgroup']));
    expect(await resolvedValue(catalog.namedQueryNames)).toEqual(expected.map((q) => q.name));
  });

  it('creates no crawler, role, policy, key or security configuration', async () => {
    const { catalog } = await build('cat');
    for (const type of [T.crawler, T.role, T.rolePolicy, T.key, T.securityConfiguration]) {
      expect(recorder.ofType(type), type).toEqual([]);
    }
    expect(catalog.crawler).toBeUndefined();
    expect(await resolvedValue(catalog.crawlerName)).toBeUndefined();
  });

  it('tags every taggable child with the defaults', async () => {
    await build('cat', { crawler: { enabled: true } });
    const taggable = recorder.resources.filter((r) => TAGGABLE.includes(r.type));
    expect(new Set(taggable.map((r) => r.type))).toEqual(new Set(TAGGABLE));
    for (const resource of taggable) {
      expect(resource.inputs.tags, resource.name).toEqual({
        'spotify-lake:component': 'LakeCatalog',
        'spotify-lake:instance': 'cat',
      });
    }
  });
});

describe('LakeCatalog tags', () => {
  it('tags every child whose provider args take tags, as the provider declares them', async () => {
    await build('cat', { tags: { team: 'data' }, crawler: { enabled: true } });
    const taggable = recorder.resources.filter((r) => r.custom && takesTags(r.type));
    // The hand-kept list of the other tag tests must agree with the provider: none missing, none extra.
    expect(new Set(taggable.map((r) => r.type))).toEqual(new Set(TAGGABLE));
    for (const resource of taggable) {
      expect(resource.inputs.tags, resource.name).toEqual({
        team: 'data',
        'spotify-lake:component': 'LakeCatalog',
        'spotify-lake:instance': 'cat',
      });
    }
  });
});

describe('LakeCatalog options', () => {
  it('names the database, workgroup, results folder and bucket owner as told', async () => {
    await build('cat', {
      databaseName: 'analytics',
      databaseDescription: 'Ours.',
      workgroupName: 'analysts',
      resultsPrefix: 'team/athena',
      resultsBucketOwner: '999999999999',
      namedQueries: (target) => renderedQueries(target.databaseName),
    });
    expect(recorder.ofType(T.namedQuery).length).toBe(2);
    expect(inputsOf('cat-db')).toMatchObject({ name: 'analytics', description: 'Ours.' });
    expect(inputsOf('cat-workgroup').name).toBe('analysts');
    expect(inputsOf('cat-workgroup').configuration.resultConfiguration).toMatchObject({
      outputLocation: 's3://lake-results/team/athena/',
      expectedBucketOwner: '999999999999',
    });
    expect(recorder.ofType(T.namedQuery).every((q) => q.inputs.database === 'analytics')).toBe(true);
  });

  it('saves a plain list of named queries as given', async () => {
    await build('cat', { namedQueries: renderedQueries('fixed') });
    expect(recorder.ofType(T.namedQuery).map((q) => q.inputs.query)).toEqual(
      renderedQueries('fixed').map((q) => q.sql),
    );
  });

  it('creates no named query by default', async () => {
    const { catalog } = await build('cat');
    expect(recorder.ofType(T.namedQuery)).toEqual([]);
    expect(await resolvedValue(catalog.namedQueryNames)).toEqual([]);
  });

  it('lets destroy remove the workgroup only with forceDestroyWorkgroup', async () => {
    await build('cat', { forceDestroyWorkgroup: true });
    expect(inputsOf('cat-workgroup').forceDestroy).toBe(true);
  });

  it('adds user tags to every taggable child', async () => {
    await build('cat', { tags: { team: 'data', env: pulumi.output('prod') }, crawler: { enabled: true } });
    for (const resource of recorder.resources.filter((r) => TAGGABLE.includes(r.type))) {
      expect(resource.inputs.tags, resource.name).toMatchObject({
        team: 'data',
        env: 'prod',
        'spotify-lake:instance': 'cat',
      });
    }
  });

  it('keeps its identity tags when a user tag names the same key', async () => {
    await build('cat', { tags: { 'spotify-lake:instance': 'spoofed', 'spotify-lake:stack': 'dev' } });
    expect(inputsOf('cat-db').tags).toMatchObject({
      'spotify-lake:component': 'LakeCatalog',
      'spotify-lake:instance': 'cat',
      'spotify-lake:stack': 'dev',
    });
  });

  it('gives two instances in one stack different names everywhere', async () => {
    await build('one');
    await build('two');
    const names = recorder.resources.map((r) => `${r.type}::${r.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(inputsOf('one-db').name).not.toBe(inputsOf('two-db').name);
    expect(inputsOf('one-workgroup').name).not.toBe(inputsOf('two-workgroup').name);
  });

  it('fails before creating anything when an arg is wrong', async () => {
    expect(() => new LakeCatalog('bad', { lake: lakeWithKey, bytesScannedCutoffPerQuery: 100 })).toThrow(
      'LakeCatalog "bad": bytesScannedCutoffPerQuery must be an integer of at least 10485760 bytes',
    );
    expect(() => new LakeCatalog('bad', { lake: lakeWithKey } as LakeCatalogArgs)).toThrow(
      'LakeCatalog "bad": bytesScannedCutoffPerQuery is required',
    );
    expect(await recorder.settled()).toEqual([]);
  });
});

describe('LakeCatalog transforms', () => {
  it('runs each hook on its child, with the child name', async () => {
    const calls: string[] = [];
    const hook = (
      args: { description?: pulumi.Input<string | undefined> },
      _opts: pulumi.CustomResourceOptions,
      name: string,
    ) => {
      calls.push(name);
      args.description = `changed ${name}`;
    };
    await build('cat', {
      crawler: { enabled: true },
      namedQueries: renderedQueries('db'),
      transform: {
        database: hook,
        warehouseTable: hook,
        stagingTable: hook,
        quarantineTable: hook,
        workgroup: hook,
        namedQuery: hook,
        crawler: hook,
        crawlerRole: hook,
        crawlerLogsKey: hook,
        crawlerPolicy: (_args, opts, name) => {
          calls.push(name);
          opts.protect = true;
        },
        crawlerSecurityConfiguration: (_args, _opts, name) => calls.push(name) && undefined,
      },
    });
    const children = recorder.resources.filter((r) => r.type !== T.component);
    expect(new Set(calls)).toEqual(new Set(children.map((r) => r.name)));
    for (const child of children.filter((r) => 'description' in r.inputs && r.type !== T.rolePolicy)) {
      expect(child.inputs.description, child.name).toBe(`changed ${child.name}`);
    }
    expect(recorder.named('cat-crawler-policy').protect).toBe(true);
    expect(recorder.resources.filter((r) => r.protect).map((r) => r.name)).toEqual(['cat-crawler-policy']);
  });

  it('merges an object hook over the computed args', async () => {
    await build('cat', {
      transform: { workgroup: { description: 'Analysts only.' }, database: { locationUri: 's3://x/' } },
    });
    expect(inputsOf('cat-workgroup').description).toBe('Analysts only.');
    expect(inputsOf('cat-db')).toMatchObject({ locationUri: 's3://x/', name: `cat_${MOCK_STACK}` });
  });
});

describe('LakeCatalog crawler', () => {
  it('creates a LOG/LOG, new-folders-only crawler over the staging folders, after its permissions', async () => {
    const { catalog } = await build('cat', { crawler: { enabled: true } });
    expect(inputsOf('cat-crawler')).toMatchObject({
      databaseName: `cat_${MOCK_STACK}`,
      role: 'arn:aws:iam::123456789012:role/cat-crawler-role-physical',
      s3Targets: SOURCE_NAMES.map((s) => ({ path: `s3://lake-data/staging/${s}/` })),
      schemaChangePolicy: { updateBehavior: 'LOG', deleteBehavior: 'LOG' },
      recrawlPolicy: { recrawlBehavior: 'CRAWL_NEW_FOLDERS_ONLY' },
      securityConfiguration: 'cat-crawler-security-physical',
      tablePrefix: 'crawled_',
    });
    expect(inputsOf('cat-crawler').schedule).toBeUndefined();
    expect(recorder.named('cat-crawler').dependencies).toContain('cat-crawler-policy');
    expect(await resolvedValue(catalog.crawlerName)).toBe('cat-crawler-physical');
    expect(catalog.crawler?.logsKey).toBeDefined();
  });

  it('encrypts crawler logs with a rotating key of its own, and S3 with the lake key', async () => {
    await build('cat', { crawler: { enabled: true } });
    const key = inputsOf('cat-crawler-logs-key');
    expect(key).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
    expect(json(key.policy).Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'AccountAdministersKey',
      'CloudWatchLogsEncryptsCrawlerLogs',
    ]);
    expect(inputsOf('cat-crawler-security').encryptionConfiguration).toEqual({
      cloudwatchEncryption: {
        cloudwatchEncryptionMode: 'SSE-KMS',
        kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:cat-crawler-logs-key-physical',
      },
      jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'DISABLED' },
      s3Encryption: { s3EncryptionMode: 'SSE-KMS', kmsKeyArn: LAKE_KEY },
    });
  });

  it("scopes the logs key and the role's log permissions to this crawler's own log group", async () => {
    await build('cat', { crawler: { enabled: true } });
    // The mocks name the role and the security configuration `<logical name>-physical`.
    const group =
      'arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/crawlers-role/cat-crawler-role-physical';
    const logs = json(inputsOf('cat-crawler-policy').policy).Statement.find(
      (s: { Sid: string }) => s.Sid === 'WriteCrawlerLogs',
    );
    expect(logs.Resource).toEqual([
      `${group}-cat-crawler-security-physical`,
      `${group}-cat-crawler-security-physical:log-stream:*`,
    ]);
    const keyUse = json(inputsOf('cat-crawler-logs-key').policy).Statement.find(
      (s: { Sid: string }) => s.Sid === 'CloudWatchLogsEncryptsCrawlerLogs',
    );
    expect(keyUse.Condition).toEqual({ ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `${group}-*` } });
  });

  it('uses a given logs key instead of creating one, and no lake key when the lake has none', async () => {
    const logsKey = 'arn:aws:kms:eu-west-1:123456789012:key/logs';
    const { catalog } = await build('cat', {
      lake: lakeWithoutKey,
      crawler: { enabled: true, logsKmsKeyArn: logsKey },
    });
    expect(recorder.ofType(T.key)).toEqual([]);
    expect(catalog.crawler?.logsKey).toBeUndefined();
    expect(inputsOf('cat-crawler-security').encryptionConfiguration).toEqual({
      cloudwatchEncryption: { cloudwatchEncryptionMode: 'SSE-KMS', kmsKeyArn: logsKey },
      jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'DISABLED' },
      s3Encryption: { s3EncryptionMode: 'SSE-S3' },
    });
    const policy = json(inputsOf('cat-crawler-policy').policy);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).not.toContain('DecryptLakeObjects');
  });

  it('takes a schedule, targets, behaviours and a table prefix', async () => {
    await build('cat', {
      crawler: {
        enabled: true,
        schedule: 'cron(15 2 * * ? *)',
        targets: ['staging', 'warehouse'],
        schemaChangePolicy: { updateBehavior: 'UPDATE_IN_DATABASE', deleteBehavior: 'DEPRECATE_IN_DATABASE' },
        recrawlBehavior: 'CRAWL_EVERYTHING',
        tablePrefix: 'found_',
      },
    });
    const crawler = inputsOf('cat-crawler');
    expect(crawler).toMatchObject({
      schedule: 'cron(15 2 * * ? *)',
      schemaChangePolicy: { updateBehavior: 'UPDATE_IN_DATABASE', deleteBehavior: 'DEPRECATE_IN_DATABASE' },
      recrawlPolicy: { recrawlBehavior: 'CRAWL_EVERYTHING' },
      tablePrefix: 'found_',
    });
    expect(crawler.s3Targets.map((t: { path: string }) => t.path)).toEqual([
      ...SOURCE_NAMES.map((s) => `s3://lake-data/staging/${s}/`),
      's3://lake-data/datawarehouse/',
    ]);
    const write = json(inputsOf('cat-crawler-policy').policy).Statement.find(
      (s: { Sid: string }) => s.Sid === 'WriteOwnTables',
    );
    expect(write.Action).toContain('glue:UpdateTable');
    expect(write.Resource).toContain(`arn:aws:glue:eu-west-1:123456789012:table/cat_${MOCK_STACK}/found_*`);
  });

  it('gives the role a Glue trust for this account and an inline policy, no managed policy', async () => {
    await build('cat', { crawler: { enabled: true } });
    const role = inputsOf('cat-crawler-role');
    expect(json(role.assumeRolePolicy).Statement[0]).toMatchObject({
      Principal: { Service: 'glue.amazonaws.com' },
      Condition: { StringEqualsIfExists: { 'aws:SourceAccount': MOCK_ENVIRONMENT.accountId } },
    });
    expect(role.managedPolicyArns).toBeUndefined();
    expect(recorder.resources.filter((r) => r.type.includes('PolicyAttachment'))).toEqual([]);
    expect(inputsOf('cat-crawler-policy').role).toBe('cat-crawler-role-id');
  });
});

describe('LakeCatalog security', () => {
  it('has no policy statement anywhere with a * or service:* action', async () => {
    await build('cat', {
      crawler: {
        enabled: true,
        targets: ['staging', 'warehouse'],
        recrawlBehavior: 'CRAWL_EVERYTHING',
        schemaChangePolicy: { updateBehavior: 'UPDATE_IN_DATABASE', deleteBehavior: 'DELETE_FROM_DATABASE' },
      },
    });
    const documents = recorder.resources.flatMap((r) =>
      ['policy', 'assumeRolePolicy']
        .filter((field) => typeof r.inputs[field] === 'string')
        .map((field) => ({ where: `${r.name}.${field}`, document: json(r.inputs[field]) })),
    );
    expect(documents.map((d) => d.where).sort()).toEqual(
      [
        'cat-crawler-logs-key.policy',
        'cat-crawler-policy.policy',
        'cat-crawler-role.assumeRolePolicy',
      ].sort(),
    );
    expect(documents.length).toBe(3);
    expect(wildcardViolations(recorder.resources)).toEqual([]);
  });
});

describe('LakeCatalog against the CloudFormation schemas', () => {
  it('declares tables, workgroup and crawler in shapes CloudFormation accepts', async () => {
    await build('cat', {
      crawler: { enabled: true, schedule: 'cron(0 3 * * ? *)', targets: ['staging', 'warehouse'] },
    });
    const tableSchema = loadCfnSchema('aws-glue-table.json');
    for (const table of recorder.ofType(T.table)) {
      expect(
        validate(tableSchema, catalogTableToCfn(table.inputs, MOCK_ENVIRONMENT.accountId)),
        table.name,
      ).toEqual([]);
    }
    expect(
      validate(loadCfnSchema('aws-athena-workgroup.json'), workgroupToCfn(inputsOf('cat-workgroup'))),
    ).toEqual([]);
    expect(
      validate(
        loadCfnSchema('aws-glue-crawler.json'),
        crawlerToCfn({ name: 'cat-crawler', ...inputsOf('cat-crawler') }),
      ),
    ).toEqual([]);
  });
});

describe('LakeCatalog against the CloudFormation schemas, other options', () => {
  it('accepts the SSE_S3 workgroup of a lake without a key and the crawler with its defaults', async () => {
    await build('plain', { lake: lakeWithoutKey, crawler: { enabled: true } });
    const workgroup = workgroupToCfn(inputsOf('plain-workgroup'));
    expect(validate(loadCfnSchema('aws-athena-workgroup.json'), workgroup)).toEqual([]);
    expect(workgroup).toMatchObject({
      WorkGroupConfiguration: {
        ResultConfiguration: { EncryptionConfiguration: { EncryptionOption: 'SSE_S3' } },
      },
    });
    const crawler = crawlerToCfn({ name: 'plain-crawler', ...inputsOf('plain-crawler') });
    expect(crawler.Schedule).toBeUndefined();
    expect(validate(loadCfnSchema('aws-glue-crawler.json'), crawler)).toEqual([]);
  });

  it('would reject a shape CloudFormation rejects (the validator is not vacuous)', () => {
    const crawler = crawlerToCfn({
      name: 'x',
      role: 'arn:aws:iam::123456789012:role/x',
      databaseName: 'db',
      s3Targets: [{ path: 's3://b/p/' }],
      schemaChangePolicy: { updateBehavior: 'REWRITE', deleteBehavior: 'LOG' },
      recrawlPolicy: { recrawlBehavior: 'CRAWL_NEW_FOLDERS_ONLY' },
    });
    expect(validate(loadCfnSchema('aws-glue-crawler.json'), crawler).join('\n')).toMatch(
      /SchemaChangePolicy\.UpdateBehavior: "REWRITE" not in/,
    );
  });
});

/** What a reviewer needs to see of a child: type, name, parent and the inputs that make it what it is. */
function graphEntry(r: RecordedResource): Record<string, unknown> {
  const i = r.inputs as Inputs;
  const key: Record<string, unknown> = (() => {
    switch (r.type) {
      case T.database:
        return { name: i.name };
      case T.table:
        return {
          name: i.name,
          location: i.storageDescriptor.location,
          serde: i.storageDescriptor.serDeInfo.serializationLibrary,
          classification: i.parameters.classification,
          columns: i.storageDescriptor.columns
            .map((c: { name: string; type: string }) => `${c.name} ${c.type}`)
            .join(', '),
        };
      case T.workgroup:
        return { name: i.name, forceDestroy: i.forceDestroy, configuration: i.configuration };
      case T.namedQuery:
        return { name: i.name, database: i.database, workgroup: i.workgroup };
      case T.crawler:
        return {
          targets: i.s3Targets.map((t: { path: string }) => t.path),
          schedule: i.schedule,
          schemaChangePolicy: i.schemaChangePolicy,
          recrawlPolicy: i.recrawlPolicy,
          tablePrefix: i.tablePrefix,
        };
      case T.rolePolicy:
        return {
          statements: json(i.policy).Statement.map(
            (s: { Sid: string; Action: string[] }) => `${s.Sid}: ${s.Action.join(' ')}`,
          ),
        };
      case T.securityConfiguration:
        return { encryptionConfiguration: i.encryptionConfiguration };
      case T.key:
        return { enableKeyRotation: i.enableKeyRotation };
      default:
        return {};
    }
  })();
  return {
    type: r.type,
    name: r.name,
    parent: r.parent,
    ...(Object.keys(key).length > 0 ? { inputs: key } : {}),
  };
}

const graph = (resources: RecordedResource[]) =>
  resources.map(graphEntry).sort((a, b) => `${a.type}${a.name}`.localeCompare(`${b.type}${b.name}`));

describe('LakeCatalog resource graph', () => {
  it('matches the snapshot with the defaults', async () => {
    const { resources } = await build('catalog');
    expect(graph(resources)).toMatchSnapshot();
  });

  it('matches the snapshot with the crawler on', async () => {
    const { resources } = await build('catalog', {
      crawler: { enabled: true, schedule: 'cron(15 2 * * ? *)' },
    });
    expect(graph(resources)).toMatchSnapshot();
  });
});
