import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { AthenaQueryCancelledError, AthenaQueryFailedError } from '../../src/athena/errors';
import { AthenaQueryRunner, type AthenaRunnerOptions } from '../../src/athena/runner';
import { ParameterError } from '../../src/define/errors';
import { virtualClock } from '../../src/runner/clock';
import { ColumnDriftError, QueryAbortedError, QueryTimeoutError } from '../../src/runner/errors';
import { lakeSummary, topArtistsByFollowers, trackSearch } from '../../src/warehouse-queries';
import {
  columnInfo,
  execution,
  invalidRequest,
  resultPages,
  throttled,
  throttlingException,
} from './athena-fakes';

const athena = mockClient(AthenaClient);
const ID = '9b0e4c6a-1f2d-4f7e-8a33-0c5d2b1e7f10';
const TOKEN = 'f3c1a2b4-5d6e-4f70-8192-a3b4c5d6e7f8';

const ARTIST_COLUMNS = [
  columnInfo('artist_id', 'varchar'),
  columnInfo('artist_name', 'varchar'),
  columnInfo('followers', 'bigint'),
  columnInfo('artist_popularity', 'integer'),
  columnInfo('genre', 'varchar'),
];

let clock: ReturnType<typeof virtualClock>;
let client: AthenaClient;

function makeRunner(options: Partial<AthenaRunnerOptions> = {}) {
  return new AthenaQueryRunner({
    client,
    workgroup: 'spotify-lake-dev',
    database: 'spotify_lake_dev',
    clock,
    requestToken: () => TOKEN,
    retry: { random: () => 0.5 },
    ...options,
  });
}

beforeEach(() => {
  athena.reset();
  clock = virtualClock(1_000_000);
  client = new AthenaClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
  athena
    .on(StartQueryExecutionCommand)
    .resolves({ QueryExecutionId: ID, $metadata: { httpStatusCode: 200 } });
  athena.on(StopQueryExecutionCommand).resolves({ $metadata: { httpStatusCode: 200 } });
});

afterEach(() => client.destroy());

describe('AthenaQueryRunner', () => {
  it('starts, polls and reads three pages of typed rows with statistics', async () => {
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution(ID, 'QUEUED'))
      .resolvesOnce(execution(ID, 'RUNNING'))
      .resolves(execution(ID, 'SUCCEEDED', { scanned: 123_456_789, engineMs: 1840, queueMs: 210 }));
    const pages = resultPages(ARTIST_COLUMNS, [
      [
        ['ar1', 'Love & Hate', '3000000000', '80', 'rock'],
        ['ar2', 'Beyoncé', '2147483648', '95', 'pop'],
      ],
      [
        ['ar3', `O'Brien "The Kid"`, '1200', '40', null],
        ['ar4', '50% Off_Band', '900', '60', 'rock'],
      ],
      [['ar5', null, '15', '30', '']],
    ]);
    athena
      .on(GetQueryResultsCommand, { NextToken: undefined })
      .resolves(pages[0]!)
      .on(GetQueryResultsCommand, { NextToken: 'token-1' })
      .resolves(pages[1]!)
      .on(GetQueryResultsCommand, { NextToken: 'token-2' })
      .resolves(pages[2]!);

    const { rows, statistics } = await makeRunner().run(topArtistsByFollowers, { limit: 5, genre: '' });

    expectTypeOf(rows[0]!.followers).toEqualTypeOf<bigint>();
    expectTypeOf(rows[0]!.artist_name).toEqualTypeOf<string | null>();
    expect(rows).toEqual([
      {
        artist_id: 'ar1',
        artist_name: 'Love & Hate',
        followers: 3_000_000_000n,
        artist_popularity: 80,
        genre: 'rock',
      },
      {
        artist_id: 'ar2',
        artist_name: 'Beyoncé',
        followers: 2_147_483_648n,
        artist_popularity: 95,
        genre: 'pop',
      },
      {
        artist_id: 'ar3',
        artist_name: `O'Brien "The Kid"`,
        followers: 1200n,
        artist_popularity: 40,
        genre: null,
      },
      {
        artist_id: 'ar4',
        artist_name: '50% Off_Band',
        followers: 900n,
        artist_popularity: 60,
        genre: 'rock',
      },
      { artist_id: 'ar5', artist_name: null, followers: 15n, artist_popularity: 30, genre: '' },
    ]);
    const scannedMb = Math.ceil(123_456_789 / 2 ** 20);
    expect(statistics).toEqual({
      engine: 'athena',
      queryExecutionId: ID,
      dataScannedBytes: 123_456_789,
      engineExecutionTimeMs: 1840,
      queueTimeMs: 210,
      totalExecutionTimeMs: 2050,
      costUsd: ((scannedMb * 2 ** 20) / 2 ** 40) * 5,
      reusedPreviousResult: false,
      rowCount: 5,
    });

    const start = athena.commandCalls(StartQueryExecutionCommand);
    expect(start).toHaveLength(1);
    const expected = topArtistsByFollowers.forAthena(
      { database: 'spotify_lake_dev' },
      { limit: 5, genre: '' },
    );
    expect(start[0]!.args[0].input).toEqual({
      QueryString: expected.sql,
      ExecutionParameters: ['0', "''", '5'],
      QueryExecutionContext: { Database: 'spotify_lake_dev', Catalog: 'AwsDataCatalog' },
      WorkGroup: 'spotify-lake-dev',
      ClientRequestToken: TOKEN,
    });
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(3);
    const results = athena.commandCalls(GetQueryResultsCommand).map((c) => c.args[0].input);
    expect(results).toEqual([
      { QueryExecutionId: ID, MaxResults: 1000, NextToken: undefined },
      { QueryExecutionId: ID, MaxResults: 1000, NextToken: 'token-1' },
      { QueryExecutionId: ID, MaxResults: 1000, NextToken: 'token-2' },
    ]);
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
    // First status call after 100 ms, then every 300 ms while the query is young.
    expect(clock.sleeps).toEqual([100, 300, 300]);
  });

  it('streams rows page by page, with statistics known before the first row', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution(ID, 'SUCCEEDED', { scanned: 10 }));
    const pages = resultPages(ARTIST_COLUMNS, [
      [['a', 'A', '1', '1', null]],
      [['b', 'B', '2', '2', null]],
      [['c', 'C', '3', '3', null]],
    ]);
    athena.on(GetQueryResultsCommand).resolvesOnce(pages[0]!).resolvesOnce(pages[1]!).resolvesOnce(pages[2]!);
    const stream = makeRunner({ pageSize: 1 }).stream(topArtistsByFollowers);
    const ids: string[] = [];
    for await (const r of stream) {
      expect(stream.statistics?.queryExecutionId).toBe(ID);
      ids.push(r.artist_id);
      // Pages are fetched lazily: after the first row only one page has been read.
      if (ids.length === 1) expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(1);
    }
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(stream.statistics?.rowCount).toBe(3);
    expect(stream.statistics?.costUsd).toBe(((10 * 2 ** 20) / 2 ** 40) * 5);
  });

  it('omits ExecutionParameters when a query has none and asks for result reuse when configured', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution(ID, 'SUCCEEDED', { reused: true, scanned: 0 }));
    athena
      .on(GetQueryResultsCommand)
      .resolves(
        resultPages(
          [
            columnInfo('row_count', 'bigint'),
            columnInfo('track_count', 'bigint'),
            columnInfo('album_count', 'bigint'),
            columnInfo('artist_count', 'bigint'),
            columnInfo('first_release_date', 'date'),
            columnInfo('last_release_date', 'date'),
            columnInfo('median_duration_ms', 'bigint'),
          ],
          [[['24393', '24392', '17118', '9619', '1900-01-01', '2023-12-17', '205030']]],
        )[0]!,
      );
    const { rows, statistics } = await makeRunner({
      resultReuseMaxAgeMinutes: 60,
      outputLocation: 's3://results/q/',
    }).run(lakeSummary);
    const input = athena.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input;
    expect('ExecutionParameters' in input && input.ExecutionParameters !== undefined).toBe(false);
    expect(input.ResultReuseConfiguration).toEqual({
      ResultReuseByAgeConfiguration: { Enabled: true, MaxAgeInMinutes: 60 },
    });
    expect(input.ResultConfiguration).toEqual({ OutputLocation: 's3://results/q/' });
    expect(rows[0]).toEqual({
      row_count: 24393n,
      track_count: 24392n,
      album_count: 17118n,
      artist_count: 9619n,
      first_release_date: '1900-01-01',
      last_release_date: '2023-12-17',
      median_duration_ms: 205030n,
    });
    expect(statistics).toMatchObject({ reusedPreviousResult: true, costUsd: 0 });
  });

  it('raises AthenaQueryFailedError with Athena’s reason for a FAILED query', async () => {
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution(ID, 'RUNNING'))
      .resolves(
        execution(ID, 'FAILED', {
          reason: "COLUMN_NOT_FOUND: line 3:8: Column 'followers' cannot be resolved",
          error: {
            ErrorCategory: 2,
            ErrorType: 1006,
            Retryable: false,
            ErrorMessage: "COLUMN_NOT_FOUND: line 3:8: Column 'followers' cannot be resolved",
          },
        }),
      );
    const error = await makeRunner()
      .run(topArtistsByFollowers)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaQueryFailedError);
    expect(error).toMatchObject({
      queryExecutionId: ID,
      reason: "COLUMN_NOT_FOUND: line 3:8: Column 'followers' cannot be resolved",
      athenaError: { ErrorCategory: 2, ErrorType: 1006 },
    });
    expect((error as Error).message).toContain('query "top-artists-by-followers" failed on Athena');
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
  });

  it('raises AthenaQueryCancelledError for a CANCELLED query', async () => {
    athena
      .on(GetQueryExecutionCommand)
      .resolves(execution(ID, 'CANCELLED', { reason: 'Query cancelled by user' }));
    await expect(makeRunner().run(topArtistsByFollowers)).rejects.toThrow(
      new AthenaQueryCancelledError('top-artists-by-followers', ID, 'Query cancelled by user'),
    );
  });

  it('retries throttled calls with backoff, sending the same ClientRequestToken on every start', async () => {
    athena
      .on(StartQueryExecutionCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(throttlingException())
      .resolves({ QueryExecutionId: ID });
    athena
      .on(GetQueryExecutionCommand)
      .rejectsOnce(throttlingException())
      .resolves(execution(ID, 'SUCCEEDED'));
    athena
      .on(GetQueryResultsCommand)
      .rejectsOnce(throttled())
      .resolves(resultPages(ARTIST_COLUMNS, [[['ar1', 'A', '1', '1', null]]])[0]!);
    const { rows } = await makeRunner().run(topArtistsByFollowers);
    expect(rows).toHaveLength(1);
    const starts = athena.commandCalls(StartQueryExecutionCommand);
    expect(starts).toHaveLength(3);
    expect(new Set(starts.map((c) => c.args[0].input.ClientRequestToken))).toEqual(new Set([TOKEN]));
    // Backoff with equal jitter (random 0.5): 150 ms, then 300 ms for the starts; 150 ms for each other retry.
    expect(clock.sleeps).toEqual([150, 300, 100, 150, 150]);
  });

  it('gives up after the configured attempts and does not retry other errors', async () => {
    athena.on(StartQueryExecutionCommand).rejects(throttled());
    await expect(
      makeRunner({ retry: { maxAttempts: 3, random: () => 0 } }).run(topArtistsByFollowers),
    ).rejects.toThrow('Rate exceeded');
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(3);
    athena.reset();
    athena.on(StartQueryExecutionCommand).rejects(invalidRequest('line 1:1: mismatched input'));
    await expect(makeRunner().run(topArtistsByFollowers)).rejects.toThrow('mismatched input');
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it('stops the query with StopQueryExecution when the caller aborts', async () => {
    const controller = new AbortController();
    let polls = 0;
    athena.on(GetQueryExecutionCommand).callsFake(() => {
      polls++;
      if (polls === 2) controller.abort(new Error('user left'));
      return execution(ID, 'RUNNING');
    });
    const error = await makeRunner()
      .run(topArtistsByFollowers, {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryAbortedError);
    expect((error as QueryAbortedError).queryExecutionId).toBe(ID);
    expect((error as Error).cause).toEqual(new Error('user left'));
    expect(athena.commandCalls(StopQueryExecutionCommand).map((c) => c.args[0].input)).toEqual([
      { QueryExecutionId: ID },
    ]);
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('stops a query whose start was in flight when the caller aborted', async () => {
    const controller = new AbortController();
    athena.on(StartQueryExecutionCommand).callsFake(async () => {
      controller.abort(new Error('too late'));
      return { QueryExecutionId: ID };
    });
    await expect(makeRunner().run(topArtistsByFollowers, {}, { signal: controller.signal })).rejects.toThrow(
      QueryAbortedError,
    );
    expect(athena.commandCalls(StopQueryExecutionCommand).map((c) => c.args[0].input)).toEqual([
      { QueryExecutionId: ID },
    ]);
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(0);
  });

  it('stops reading pages when the caller aborts mid-stream (the finished query needs no stop)', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution(ID, 'SUCCEEDED'));
    const pages = resultPages(ARTIST_COLUMNS, [[['a', 'A', '1', '1', null]], [['b', 'B', '2', '2', null]]]);
    athena.on(GetQueryResultsCommand).resolvesOnce(pages[0]!).resolvesOnce(pages[1]!);
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const r of makeRunner().stream(topArtistsByFollowers, {}, { signal: controller.signal })) {
        seen.push(r.artist_id);
        controller.abort();
      }
    })();
    await expect(reading).rejects.toThrow(QueryAbortedError);
    expect(seen).toEqual(['a']);
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(1);
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
  });

  it('does not start a query for an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(makeRunner().run(topArtistsByFollowers, {}, { signal: controller.signal })).rejects.toThrow(
      QueryAbortedError,
    );
    expect(athena.calls()).toHaveLength(0);
  });

  it('stops a query that outlives its timeout', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution(ID, 'RUNNING'));
    const started = clock.now();
    await expect(makeRunner({ timeoutMs: 5000 }).run(topArtistsByFollowers)).rejects.toThrow(
      new QueryTimeoutError('top-artists-by-followers', ID, 5000),
    );
    expect(clock.now() - started).toBe(5000);
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
  });

  it('reports column drift instead of mislabelling values', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution(ID, 'SUCCEEDED'));
    const drifted = [
      ...ARTIST_COLUMNS.slice(0, 2),
      columnInfo('followers', 'varchar'),
      ...ARTIST_COLUMNS.slice(3),
    ];
    athena.on(GetQueryResultsCommand).resolves(resultPages(drifted, [[['ar1', 'A', '1', '1', null]]])[0]!);
    const error = await makeRunner()
      .run(topArtistsByFollowers)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ColumnDriftError);
    expect((error as Error).message).toBe(
      'query "top-artists-by-followers" returned columns other than declared:\n' +
        '  expected: artist_id varchar, artist_name varchar, followers bigint, artist_popularity integer, genre varchar\n' +
        '  returned: artist_id varchar, artist_name varchar, followers varchar, artist_popularity integer, genre varchar',
    );
    athena
      .on(GetQueryResultsCommand)
      .resolves(resultPages(ARTIST_COLUMNS.slice(0, 4), [[['ar1', 'A', '1', '1']]])[0]!);
    await expect(makeRunner().run(topArtistsByFollowers)).rejects.toThrow(ColumnDriftError);
  });

  it('refuses a NULL in a non-nullable column and an unreadable value, naming row and column', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution(ID, 'SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(
      resultPages(ARTIST_COLUMNS, [
        [
          ['a', 'A', '1', '1', null],
          ['b', 'B', null, '1', null],
        ],
      ])[0]!,
    );
    await expect(makeRunner().run(topArtistsByFollowers)).rejects.toThrow(
      'query "top-artists-by-followers", row 2, column "followers": NULL in a column declared not null',
    );
    athena
      .on(GetQueryResultsCommand)
      .resolves(resultPages(ARTIST_COLUMNS, [[['a', 'A', '12abc', '1', null]]])[0]!);
    await expect(makeRunner().run(topArtistsByFollowers)).rejects.toThrow(
      'row 1, column "followers": "12abc" is not a bigint',
    );
  });

  it('validates parameters before sending anything', async () => {
    await expect(async () => makeRunner().run(topArtistsByFollowers, { limit: 0 })).rejects.toThrow(
      ParameterError,
    );
    expect(athena.calls()).toHaveLength(0);
  });

  describe('injection attempts reach Athena only as inert literals', () => {
    const attempts: Array<[string, string]> = [
      ["'", "'%''%'"],
      ["\\'", "'%\\''%'"],
      ["'; DROP TABLE datawarehouse; --", "'%''; DROP TABLE datawarehouse; --%'"],
      ['%', "'%!%%'"],
      ['_', "'%!_%'"],
      ["' OR '1'='1", "'%'' OR ''1''=''1%'"],
      ['Δέλτα 🎵 «ü»', "'%Δέλτα 🎵 «ü»%'"],
      ['?', "'%?%'"],
    ];
    it.each(attempts)('%j', async (text, literal) => {
      athena.on(GetQueryExecutionCommand).resolves(execution(ID, 'SUCCEEDED'));
      athena.on(GetQueryResultsCommand).resolves(
        resultPages(
          trackSearch.columns.map((c) =>
            columnInfo(
              c.name,
              { string: 'varchar', int: 'integer', bigint: 'bigint', double: 'double', date: 'date' }[c.type],
            ),
          ),
          [[]],
        )[0]!,
      );
      const { rows } = await makeRunner().run(trackSearch, { text });
      expect(rows).toEqual([]);
      const input = athena.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input;
      expect(input.ExecutionParameters).toEqual([literal, '20']);
      // The SQL text is the same whatever the input: the value never becomes SQL.
      expect(input.QueryString).toBe(
        trackSearch.forAthena({ database: 'spotify_lake_dev' }, { text: 'x' }).sql,
      );
      // Each literal is one complete string literal: quotes are balanced and doubled inside.
      expect(literal).toMatch(/^'(?:[^']|'')*'$/);
    });
  });

  it('checks its options', () => {
    expect(() => makeRunner({ pageSize: 0 })).toThrow(
      'option "pageSize" must be an integer from 1 to 1000, got 0',
    );
    expect(() => makeRunner({ resultReuseMaxAgeMinutes: 20_000 })).toThrow(/1 to 10080/);
    expect(() => makeRunner({ timeoutMs: -1 })).toThrow(/positive number/);
    expect(() => makeRunner({ database: '' })).toThrow('option "database" is required');
  });
});
