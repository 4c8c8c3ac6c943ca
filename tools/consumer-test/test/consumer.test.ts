import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  assertSucceeded,
  type CommandResult,
  copyTypeScript,
  createConsumerProject,
  NPM_INSTALL_TIMEOUT_MS,
  npmInstall,
  runCommand,
  writeTsconfig,
} from '../src/consumer-project';
import { pack, readTarball, tarballProblems } from '../src/tarball';
import { publicPackages, readManifest, repoRoot } from '../src/workspace';

/**
 * The public packages as a user gets them: packed (`pnpm pack`, workspace:* replaced by versions), installed with
 * npm from the tarballs into a project under the system's temporary folder, compiled under `strict`, and run.
 *
 * Each step is a test that needs the one before: a failed npm install fails every later test (none is skipped),
 * so .ci/sum-test-results.mjs counts the failures. SPOTIFY_CONSUMER_TEST_KEEP=1 keeps the project for a look.
 */

const ROOT = repoRoot();
const HERE = join(__dirname, '..');
const FIXTURES = join(HERE, 'fixtures');
const PACKAGES = publicPackages(ROOT);
/** What the consumer project installs besides the tarballs: the versions this package is typechecked with. */
const OWN = readManifest(HERE).devDependencies ?? {};
const version = (name: string) => {
  const spec = OWN[name];
  if (spec === undefined) throw new Error(`tools/consumer-test/package.json must list ${name}`);
  return `${name}@${spec}`;
};
/** The packages a service and a Pulumi program install. The ETL is installed later: it brings DuckDB. */
const FIRST_INSTALL = [
  '@spotify-lake/contract',
  '@spotify-lake/component-kit',
  '@spotify-lake/lake',
  '@spotify-lake/catalog',
  '@spotify-lake/queries',
];
const STEP_TIMEOUT_MS = 2 * 60_000;

interface State {
  work: string;
  project: string;
  tarballs: Map<string, string>;
  installed: boolean;
  compiled: boolean;
  etlInstalled: boolean;
}
let state: State | undefined;

function needs(step: keyof Pick<State, 'installed' | 'compiled' | 'etlInstalled'>): State {
  if (!state?.[step])
    throw new Error(`an earlier step failed (${step} is not done): see the first failure above`);
  return state;
}

const run = (command: string, args: string[], timeoutMs = STEP_TIMEOUT_MS) =>
  runCommand(command, args, { cwd: needs('installed').project, timeoutMs });

async function runNode(script: string, ...args: string[]): Promise<CommandResult> {
  return assertSucceeded(`node ${script}`, await run(process.execPath, [script, ...args]));
}

function readReport<T>(name: string): T {
  return JSON.parse(readFileSync(join(needs('installed').work, name), 'utf8')) as T;
}

/** Every installed copy of a package in the project (a nested copy means two instances at run time). */
function installedCopies(project: string, name: string): string[] {
  const found: string[] = [];
  const visit = (nodeModules: string) => {
    if (!existsSync(nodeModules)) return;
    if (existsSync(join(nodeModules, name, 'package.json'))) found.push(join(nodeModules, name));
    for (const entry of readdirSync(nodeModules)) {
      const scoped = entry.startsWith('@')
        ? readdirSync(join(nodeModules, entry)).map((e) => `${entry}/${e}`)
        : [entry];
      for (const pkg of scoped) visit(join(nodeModules, pkg, 'node_modules'));
    }
  };
  visit(join(project, 'node_modules'));
  return found;
}

afterAll(async () => {
  if (!state) return;
  if (process.env.SPOTIFY_CONSUMER_TEST_KEEP === '1') console.log(`consumer project kept in ${state.work}`);
  // node_modules holds @pulumi/aws: tens of thousands of files, seconds to delete on a busy machine.
  else await rm(state.work, { recursive: true, force: true, maxRetries: 3 });
}, STEP_TIMEOUT_MS);

describe('the public packages, packed and installed with npm into a project outside the workspace', () => {
  it('every public package packs into a tarball with its code, types, README and CHANGELOG, and no workspace: range', () => {
    const { work, project, tarballs: tarballDir } = createConsumerProject(ROOT);
    const tarballs = new Map<string, string>();
    const problems: string[] = [];
    for (const pkg of PACKAGES) {
      const tarball = pack(pkg, tarballDir);
      tarballs.set(pkg.manifest.name, tarball);
      problems.push(
        ...tarballProblems(readTarball(tarball), pkg.manifest).map((p) => `${pkg.manifest.name}: ${p}`),
      );
    }
    state = { work, project, tarballs, installed: false, compiled: false, etlInstalled: false };
    expect(problems).toEqual([]);
    expect([...tarballs.keys()]).toEqual(expect.arrayContaining([...FIRST_INSTALL, '@spotify-lake/etl']));
  });

  it(
    'npm installs the tarballs with TypeScript, Pulumi and the AWS SDK: one copy of @pulumi/pulumi, no DuckDB',
    async () => {
      if (!state) throw new Error('packing failed: see the first failure above');
      const { project, tarballs } = state;
      await npmInstall(project, [
        ...FIRST_INSTALL.map((name) => tarballs.get(name)!),
        version('typescript'),
        version('@types/node'),
        version('@pulumi/pulumi'),
        version('@pulumi/aws'),
        version('@aws-sdk/client-athena'),
        version('aws-sdk-client-mock'),
      ]);
      state.installed = true;
      expect(existsSync(join(project, 'node_modules', '@duckdb'))).toBe(false);
      expect(installedCopies(project, '@pulumi/pulumi')).toHaveLength(1);
      expect(installedCopies(project, '@pulumi/aws')).toHaveLength(1);
      expect(installedCopies(project, '@spotify-lake/contract')).toHaveLength(1);
    },
    NPM_INSTALL_TIMEOUT_MS + 30_000,
  );

  it(
    'compiles a service, a Pulumi program and every package example under strict against the installed packages',
    async () => {
      const { project } = needs('installed');
      const sources = copyTypeScript(FIXTURES, project, 'src').filter(
        (f) => !f.endsWith('query-local-lake.ts'),
      );
      for (const pkg of PACKAGES.filter((p) => FIRST_INSTALL.includes(p.manifest.name))) {
        const examples = join(pkg.dir, 'examples');
        if (existsSync(examples)) sources.push(...copyTypeScript(examples, project, `examples/${pkg.path}`));
      }
      writeTsconfig(project, 'tsconfig.json', sources);
      const tsc = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
      assertSucceeded('tsc (strict)', tsc);
      state!.compiled = true;
      expect(sources).toEqual(
        expect.arrayContaining(['examples/packages/lake/basic.ts', 'examples/queries/athena-service.ts']),
      );
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'the service reads typed rows from a mocked Athena: followers are exact bigints, NULLs are null',
    async () => {
      const { work } = needs('compiled');
      await runNode('dist/src/athena-service.js', join(work, 'athena-service.json'));
      const report = readReport<{
        rows: Array<Record<string, unknown>>;
        followersType: string;
        followersPlusOne: string;
        costUsd: number;
        startQueryExecution: { workGroup: string; database: string; executionParameters: string[] };
      }>('athena-service.json');
      expect(report.followersType).toBe('bigint');
      expect(report.rows).toEqual([
        {
          artist_id: '0du5cEVh5yTK9QJze8zA0C',
          artist_name: 'Bruno Mars',
          followers: '9007199254740993',
          artist_popularity: 91,
          genre: 'pop',
        },
        {
          artist_id: '1uNFoZAHBGtllmzznpCI3s',
          artist_name: null,
          followers: '2147483648',
          artist_popularity: 85,
          genre: null,
        },
      ]);
      // 2^53 + 1 survives: the value was never a number.
      expect(report.followersPlusOne).toBe('9007199254740994');
      expect(report.costUsd).toBeGreaterThan(0);
      expect(report.startQueryExecution).toMatchObject({
        workGroup: 'spotify-lake-prod',
        database: 'spotify_lake_prod',
        executionParameters: expect.arrayContaining(["'pop'", '2']),
      });
    },
    STEP_TIMEOUT_MS,
  );

  describe('a Pulumi program with the lake and the catalog, under mocks', () => {
    interface ProgramReport {
      registrations: Array<{ type: string; name: string }>;
      outputs: Record<string, unknown>;
      duckdbModules: string[];
      pulumiModules: string[];
      /** QUERIES of the installed @spotify-lake/queries, by name. */
      queryNames: string[];
    }
    let report: ProgramReport | undefined;
    const programReport = async (): Promise<ProgramReport> => {
      if (!report) {
        const { work } = needs('compiled');
        await runNode('dist/src/run-pulumi-program.js', join(work, 'pulumi-program.json'));
        report = readReport<ProgramReport>('pulumi-program.json');
      }
      return report;
    };

    it(
      'registers the components, their buckets, key, Glue tables, workgroup, named queries and grants',
      async () => {
        const { registrations, outputs, queryNames: queries } = await programReport();
        const named = (type: string) =>
          registrations
            .filter((r) => r.type === type)
            .map((r) => r.name)
            .sort();
        expect(named('spotify:lake:DataLake')).toEqual(['lake']);
        expect(named('spotify:catalog:LakeCatalog')).toEqual(['catalog']);
        expect(named('aws:s3/bucket:Bucket')).toEqual(['lake-data', 'lake-logs', 'lake-results']);
        expect(named('aws:kms/key:Key')).toEqual(['lake-key']);
        expect(named('aws:glue/catalogDatabase:CatalogDatabase')).toEqual(['catalog-db']);
        expect(named('aws:glue/catalogTable:CatalogTable')).toHaveLength(5);
        expect(named('aws:athena/workgroup:Workgroup')).toEqual(['catalog-workgroup']);
        expect(named('aws:iam/rolePolicy:RolePolicy')).toEqual([
          'lake-read-warehouse',
          'lake-results-read-write',
        ]);
        // One named query per query of the installed @spotify-lake/queries, registered late (inside an apply).
        expect(named('aws:athena/namedQuery:NamedQuery')).toEqual(
          queries.map((q) => `catalog-query-${q}`).sort(),
        );
        expect(outputs).toMatchObject({
          dataBucketName: 'lake-data-1a2b3c4',
          kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/key-lake-key',
          databaseName: 'catalog_dev',
          workgroupName: 'catalog-dev',
          namedQueryNames: queries,
        });
        expect([...(outputs.tableNames as string[])].sort()).toEqual([
          'datawarehouse',
          'quarantine',
          'staging_albums',
          'staging_artists',
          'staging_tracks',
        ]);
      },
      STEP_TIMEOUT_MS,
    );

    it('loads no DuckDB and one @pulumi/pulumi', async () => {
      const { duckdbModules, pulumiModules } = await programReport();
      expect(duckdbModules).toEqual([]);
      expect(pulumiModules).toHaveLength(1);
    });
  });

  it(
    '@spotify-lake/queries loads without DuckDB; @spotify-lake/queries/local says which package to install',
    async () => {
      const { work } = needs('compiled');
      await runNode('dist/src/load-queries.js', join(work, 'load-queries.json'));
      const report = readReport<{
        mainExports: string[];
        duckdbAfterMain: string[];
        duckdbResolvable: boolean;
        local: { loaded: boolean; name?: string; message?: string };
      }>('load-queries.json');
      expect(report.duckdbResolvable).toBe(false);
      expect(report.mainExports).toEqual(
        expect.arrayContaining(['AthenaQueryRunner', 'QUERIES', 'namedQueries']),
      );
      expect(report.mainExports).not.toContain('LocalQueryRunner');
      expect(report.duckdbAfterMain).toEqual([]);
      expect(report.local.loaded).toBe(false);
      expect(report.local.name).toBe('MissingDuckDbError');
      expect(report.local.message).toContain('npm install @duckdb/node-api@');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'the queries command lists the queries without DuckDB',
    async () => {
      needs('installed');
      const list = assertSucceeded(
        'spotify-lake-query --list',
        await run('node_modules/.bin/spotify-lake-query', ['--list']),
      );
      expect(list.stdout).toContain('top-artists-by-followers');
    },
    STEP_TIMEOUT_MS,
  );

  describe('with @spotify-lake/etl installed too (it brings DuckDB)', () => {
    it(
      'npm installs the ETL tarball next to the others',
      async () => {
        const { project, tarballs } = needs('compiled');
        await npmInstall(project, [tarballs.get('@spotify-lake/etl')!]);
        state!.etlInstalled = true;
        expect(existsSync(join(project, 'node_modules', '@duckdb', 'node-api'))).toBe(true);
        expect(installedCopies(project, '@duckdb/node-api')).toHaveLength(1);
      },
      NPM_INSTALL_TIMEOUT_MS + 30_000,
    );

    it(
      'the ETL example builds a lake from its tarball (sql/ shipped), and @spotify-lake/queries/local reads it',
      async () => {
        const { project, work } = needs('etlInstalled');
        const etl = PACKAGES.find((p) => p.manifest.name === '@spotify-lake/etl')!;
        const sources = [
          ...copyTypeScript(join(etl.dir, 'examples'), project, `examples/${etl.path}`),
          ...copyTypeScript(FIXTURES, project, 'src').filter((f) => f.endsWith('query-local-lake.ts')),
        ];
        writeTsconfig(project, 'tsconfig.etl.json', sources);
        assertSucceeded(
          'tsc -p tsconfig.etl.json',
          await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.etl.json']),
        );
        const built = await runNode(`dist/examples/${etl.path}/basic.js`);
        const lakeDir = /^warehouse: \d+ rows in (.+)$/m.exec(built.stdout)?.[1];
        expect(lakeDir, built.stdout).toBeDefined();
        await runNode('dist/src/query-local-lake.js', lakeDir!, join(work, 'local-lake.json'));
        expect(readReport('local-lake.json')).toEqual({
          topArtists: 3,
          followersType: 'bigint',
          genres: 5,
          engine: 'duckdb',
        });
        const help = await run('node_modules/.bin/spotify-lake-etl', ['--help']);
        assertSucceeded('spotify-lake-etl --help', help);
        rmSync(join(lakeDir!, '..'), { recursive: true, force: true });
      },
      STEP_TIMEOUT_MS,
    );
  });
});
