import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { QUERIES } from '../../src/warehouse-queries';
import { columnInfo, execution, resultPages } from '../athena/athena-fakes';
import { buildLake } from '../helpers/fixture-lake';

let lake: { lakeDir: string; remove: () => void };
beforeAll(async () => {
  lake = await buildLake();
}, 60_000);
afterAll(() => lake?.remove());

async function cli(argv: string[], deps = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, deps);
  return { code, stdout, stderr };
}

describe('pnpm query', () => {
  it('--list shows every query with its parameters', async () => {
    const { code, stdout } = await cli(['--list']);
    expect(code).toBe(0);
    for (const query of QUERIES) expect(stdout).toContain(`${query.name}\n  ${query.description}`);
    expect(stdout).toContain('--param limit=<integer>  an integer from 1 to 1000, default "10".');
    expect(stdout).toContain('--param text=<contains>  text of 1 to 200 characters, required.');
  });

  it('--help prints the usage', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'pnpm query <name> [--param key=value ...] [--format table|json|csv] [--lake DIR]',
    );
  });

  it('--format json prints a JSON array of rows and nothing else on stdout', async () => {
    const { code, stdout, stderr } = await cli([
      'top-artists-by-followers',
      '--param',
      'limit=2',
      '--format',
      'json',
      '--lake',
      lake.lakeDir,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        artist_id: 'ar1',
        artist_name: 'Love & Hate',
        followers: 3000000000,
        artist_popularity: 80,
        genre: 'rock',
      },
      {
        artist_id: 'ar2',
        artist_name: 'Beyoncé',
        followers: 2147483648,
        artist_popularity: 95,
        genre: 'pop',
      },
    ]);
    expect(stderr).toMatch(/^2 rows in \d+ ms \(local lake\)\n$/);
  });

  it('prints csv and tables', async () => {
    const csv = await cli(['track-search', '-p', "text=o'brien", '--format', 'csv', '--lake', lake.lakeDir]);
    expect(csv.stdout).toBe(
      'track_id,track_name,album_id,album_name,artist_name,track_popularity,release_date\r\n' +
        't06,"It\'s O\'Brien\'s ""Song""",al3,Café Olé,"O\'Brien ""The Kid""",33,1999-05-01\r\n',
    );
    expect(csv.stderr).toMatch(/^1 row in \d+ ms \(local lake\)\n$/);
    const table = await cli(['genre-counts', '--lake', lake.lakeDir]);
    expect(table.stdout).toContain('genre      row_count  artist_count\n');
    expect(table.stdout).toContain('(3 rows)');
  });

  it('explains bad parameters and usage with exit code 2', async () => {
    const bad = await cli(['genre-counts', '-p', 'limit=0', '--lake', lake.lakeDir]);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe(
      'error: query "genre-counts": parameter "limit" must be an integer from 1 to 1000; got 0\n',
    );
    const unknown = await cli(['genre-counts', '-p', 'limt=3']);
    expect(unknown.stderr).toBe(
      'error: query "genre-counts" has no parameter "limt" (its parameters: limit)\n',
    );
    expect((await cli(['no-such-query'])).stderr).toContain('no query named "no-such-query"');
    const usage = await cli(['--format', 'xml', 'x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage:');
  });

  it('fails with exit code 1 and a clear message when the lake is missing', async () => {
    const { code, stderr } = await cli(['genre-counts', '--lake', `${lake.lakeDir}/missing`]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no local lake at .*missing/);
  });

  it('runs on Athena with --engine athena', async () => {
    const athena = mockClient(AthenaClient);
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena
      .on(GetQueryExecutionCommand)
      .resolves(execution('q-1', 'SUCCEEDED', { scanned: 5 * 2 ** 20, engineMs: 900 }));
    athena
      .on(GetQueryResultsCommand)
      .resolves(
        resultPages(
          [
            columnInfo('genre', 'varchar'),
            columnInfo('row_count', 'bigint'),
            columnInfo('artist_count', 'bigint'),
          ],
          [[['rock', '5', '2']]],
        )[0]!,
      );
    let region: string | undefined;
    const { code, stdout, stderr } = await cli(
      [
        'genre-counts',
        '--engine',
        'athena',
        '--workgroup',
        'wg',
        '--database',
        'db',
        '--region',
        'eu-west-1',
        '--format',
        'json',
      ],
      {
        athenaClient: (r: string | undefined) => {
          region = r;
          return new AthenaClient({ region: r, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
        },
      },
    );
    expect(code).toBe(0);
    expect(region).toBe('eu-west-1');
    expect(JSON.parse(stdout)).toEqual([{ genre: 'rock', row_count: 5, artist_count: 2 }]);
    expect(stderr).toContain('1 row; scanned 5.00 MB; engine 900 ms');
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input).toMatchObject({
      WorkGroup: 'wg',
      QueryExecutionContext: { Database: 'db', Catalog: 'AwsDataCatalog' },
      ExecutionParameters: ['50'],
    });
    athena.restore();
  });
});
