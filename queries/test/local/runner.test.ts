import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import * as queries from '../../src';
import { aggregate, column } from '../../src/define/columns';
import { defineQuery } from '../../src/define/query';
import { LocalQueryRunner } from '../../src/local';
import {
  ColumnDriftError,
  QueryAbortedError,
  QueryTimeoutError,
  ResultValueError,
} from '../../src/runner/errors';
import { sql } from '../../src/sql/template';
import {
  albumsWithMostTracks,
  genreCounts,
  lakeSummary,
  QUERIES,
  releasesByWeekday,
  topArtistsByFollowers,
  trackDurationHistogram,
  trackSearch,
} from '../../src/warehouse-queries';
import { buildLake, snapshotJson } from '../helpers/fixture-lake';

let lake: { lakeDir: string; remove: () => void };
let runner: LocalQueryRunner;

beforeAll(async () => {
  lake = await buildLake();
  runner = await LocalQueryRunner.open({ lakeDir: lake.lakeDir, threads: 1 });
}, 60_000);

afterAll(() => {
  runner?.close();
  lake?.remove();
});

const LOCAL_SAMPLES: Readonly<Record<string, Record<string, unknown>>> = { 'track-search': { text: 'love' } };

describe('every catalog query on the fixture lake', () => {
  for (const query of QUERIES) {
    it(`${query.name} (snapshot)`, async () => {
      const { rows, statistics } = await runner.run(query, LOCAL_SAMPLES[query.name] as never);
      expect(statistics).toMatchObject({ engine: 'duckdb', rowCount: rows.length, costUsd: 0 });
      await expect(snapshotJson(rows)).toMatchFileSnapshot(
        join(__dirname, '..', '__snapshots__', 'local', `${query.name}.json`),
      );
    });
  }
});

describe('semantics on the fixture data', () => {
  it('sorts followers numerically, beyond 2^31, one row per artist, and types them as bigint', async () => {
    const { rows } = await runner.run(topArtistsByFollowers, { limit: 10 });
    expectTypeOf(rows).toEqualTypeOf<
      Array<{
        artist_id: string;
        artist_name: string | null;
        followers: bigint;
        artist_popularity: number;
        genre: string | null;
      }>
    >();
    expect(rows.map((r) => [r.artist_id, r.followers])).toEqual([
      ['ar1', 3_000_000_000n],
      ['ar2', 2_147_483_648n],
      ['ar3', 1200n],
      ['ar4', 900n],
      ['ar7', 100n],
      ['ar5', 15n],
    ]);
    // Two artists share the name "Love & Hate": both are listed, by id.
    expect(rows.filter((r) => r.artist_name === 'Love & Hate').map((r) => r.artist_id)).toEqual([
      'ar1',
      'ar7',
    ]);
  });

  it('filters by genre and minimum popularity', async () => {
    const rock = await runner.run(topArtistsByFollowers, { genre: 'rock' });
    expect(rock.rows.map((r) => r.artist_id)).toEqual(['ar1', 'ar4']);
    const popular = await runner.run(topArtistsByFollowers, { min_popularity: 70, limit: 1 });
    expect(popular.rows.map((r) => r.artist_id)).toEqual(['ar1']);
  });

  it('counts tracks per album id, keeping two albums named alike apart', async () => {
    const { rows } = await runner.run(albumsWithMostTracks, { limit: 2 });
    expect(rows).toEqual([
      { album_id: 'al1', album_name: 'Greatest Hits', release_date: '2016-11-10', track_count: 3n },
      { album_id: 'al2', album_name: 'Greatest Hits', release_date: '2020-09-22', track_count: 3n },
    ]);
  });

  it('counts warehouse rows per genre without the rows that have none', async () => {
    const { rows } = await runner.run(genreCounts);
    expect(rows).toEqual([
      { genre: 'rock', row_count: 5n, artist_count: 2n },
      { genre: 'pop', row_count: 3n, artist_count: 1n },
      { genre: 'greek pop', row_count: 2n, artist_count: 1n },
    ]);
  });

  it('counts a track on two albums once in the duration histogram', async () => {
    const { rows } = await runner.run(trackDurationHistogram, { bucket_seconds: 3600 });
    expect(rows).toEqual([
      { bucket_start_sec: 0, bucket_end_sec: 3600, track_count: 11n },
      { bucket_start_sec: 3600, bucket_end_sec: 7200, track_count: 1n },
    ]);
  });

  it('reads ISO weekdays (2023-01-06 was a Friday)', async () => {
    const { rows } = await runner.run(releasesByWeekday, { from_year: 2023, to_year: 2023 });
    expect(rows).toEqual([{ iso_weekday: 5, album_count: 1n }]);
  });

  it('summarizes the lake', async () => {
    const { rows } = await runner.run(lakeSummary);
    expect(rows[0]).toMatchObject({ row_count: 13n, track_count: 12n, album_count: 6n, artist_count: 6n });
  });
});

describe('track-search input is data, never SQL', () => {
  const search = async (text: string) =>
    (await runner.run(trackSearch, { text })).rows.map((r) => r.track_name);
  it.each([
    ['%', ['50%_off', '100% Pure']],
    ['_', ['50%_off', 'under_score']],
    ['50%_', ['50%_off']],
    ["o'brien", [`It's O'Brien's "Song"`]],
    ['ψ', ['Ψ Song']],
    ['LOVE SONG', ['Love Song', 'Love Song']],
    ["'; DROP TABLE datawarehouse; --", []],
    ["\\'", []],
    ["' OR '1'='1", []],
    ['!', []],
  ])('%j finds exactly %j', async (text, names) => {
    expect(await search(text)).toEqual(names);
  });

  it('leaves the warehouse intact after injection attempts', async () => {
    const { rows } = await runner.run(lakeSummary);
    expect(rows[0]!.row_count).toBe(13n);
  });
});

describe('the local runner guards its results', () => {
  it('reports columns other than declared', async () => {
    const drifted = defineQuery({
      name: 'drifted',
      description: 'Declares a column the SQL does not return.',
      params: {},
      columns: [column('artist_id'), aggregate('n', 'int', 'x')],
      sql: ({ warehouse }) => sql`SELECT artist_id, artist_name AS n FROM ${warehouse}`,
    });
    await expect(runner.run(drifted)).rejects.toThrow(ColumnDriftError);
    await expect(runner.run(drifted)).rejects.toThrow(
      /expected: artist_id string, n int\n {2}returned: artist_id VARCHAR, n VARCHAR/,
    );
  });

  it('refuses a NULL in a column declared not null, naming row and column', async () => {
    const nulls = defineQuery({
      name: 'nulls',
      description: 'Genres, NULL included.',
      params: {},
      columns: [column('genre', { notNull: true })],
      sql: ({ warehouse }) => sql`SELECT genre FROM ${warehouse} ORDER BY genre NULLS FIRST`,
    });
    await expect(runner.run(nulls)).rejects.toThrow(
      new ResultValueError('nulls', 'genre', 1, 'NULL in a column declared not null'),
    );
  });

  it('stops on an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    await expect(runner.run(lakeSummary, {}, { signal: controller.signal })).rejects.toThrow(
      QueryAbortedError,
    );
  });

  it('streams rows with statistics set before the first row', async () => {
    const stream = runner.stream(topArtistsByFollowers, { limit: 3 });
    const seen: string[] = [];
    for await (const row of stream) {
      expect(stream.statistics?.engine).toBe('duckdb');
      seen.push(row.artist_id);
    }
    expect(seen).toEqual(['ar1', 'ar2', 'ar3']);
    expect(stream.statistics?.rowCount).toBe(3);
  });

  it('explains a missing lake', async () => {
    await expect(LocalQueryRunner.open({ lakeDir: join(lake.lakeDir, 'nowhere') })).rejects.toThrow(
      /no local lake at .*nowhere.*Build the lake with the ETL first/,
    );
  });
});

describe('local timeouts', () => {
  it('interrupts DuckDB and raises QueryTimeoutError', async () => {
    const slow = defineQuery({
      name: 'slow',
      description: 'A deliberately long cross join.',
      params: {},
      columns: [aggregate('n', 'bigint', 'x')],
      sql: ({ warehouse }) =>
        sql`SELECT count(*) AS n FROM ${warehouse} a, range(1000000000) b WHERE b.range % 7 = a.duration_ms % 7`,
    });
    const started = Date.now();
    await expect(runner.run(slow, {}, { timeoutMs: 150 })).rejects.toThrow(
      new QueryTimeoutError('slow', undefined, 150),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    // The connection is usable afterwards.
    expect((await runner.run(lakeSummary)).rows[0]!.row_count).toBe(13n);
  });
});

describe('a service-defined query (the README example)', () => {
  it('runs with inferred types', async () => {
    const {
      aggregate: agg,
      column: col,
      defineQuery: define,
      limit: lim,
      sql: tag,
      string: str,
      topN,
    } = queries;
    const labelsOfArtist = define({
      name: 'labels-of-artist',
      description: 'Labels an artist released on.',
      params: { artist_id: str({ description: 'Spotify artist id.' }), limit: lim(10) },
      columns: [col('label', { notNull: true }), agg('album_count', 'bigint', 'Albums on the label.')],
      sql: (q) =>
        tag`WITH ${topN(
          q,
          tag`    SELECT label, count(DISTINCT album_id) AS album_count
    FROM ${q.warehouse}
    WHERE artist_id = ${q.p.artist_id} AND label IS NOT NULL
    GROUP BY label`,
          tag`album_count DESC, label`,
        )}`,
    });
    const { rows } = await runner.run(labelsOfArtist, { artist_id: 'ar1' });
    expectTypeOf(rows).toEqualTypeOf<Array<{ label: string; album_count: bigint }>>();
    expect(rows).toEqual([{ label: 'Big Label', album_count: 1n }]);
  });
});
