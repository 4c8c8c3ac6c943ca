import { describe, expect, expectTypeOf, it } from 'vitest';
import { aggregate, column, nullableAggregate } from '../../src/define/columns';
import { ParameterError } from '../../src/define/errors';
import { integer, limit } from '../../src/define/params';
import { defineQuery, type QueryParams, type QueryRow } from '../../src/define/query';
import { DUCKDB } from '../../src/sql/dialect';
import { sql } from '../../src/sql/template';
import { lakeSummary, topArtistsByFollowers, trackSearch } from '../../src/warehouse-queries';

const target = { database: 'db' };

describe('defineQuery', () => {
  const base = {
    name: 'x-query',
    description: 'A test query.',
    params: { limit: limit(5) },
    columns: [column('artist_id')],
    sql: ({ p, warehouse }: { p: { limit: unknown }; warehouse: unknown }) =>
      sql`SELECT artist_id FROM ${warehouse as never} LIMIT ${p.limit as never}`,
  };

  it('refuses bad declarations at definition time', () => {
    expect(() => defineQuery({ ...base, name: 'Bad Name' })).toThrow(
      'query "Bad Name": the name must be kebab-case',
    );
    expect(() => defineQuery({ ...base, description: ' ' })).toThrow(/description is required/);
    expect(() => defineQuery({ ...base, columns: [] })).toThrow(/at least one result column/);
    expect(() => defineQuery({ ...base, columns: [column('artist_id'), column('artist_id')] })).toThrow(
      /declared twice/,
    );
    expect(() => defineQuery({ ...base, columns: [aggregate('Bad-Name', 'int', 'x')] })).toThrow(
      /not a snake_case name/,
    );
    expect(() =>
      defineQuery({
        ...base,
        params: { limit: limit(5), unused: integer({ description: 'x', min: 0, max: 1 }) },
      }),
    ).toThrow('query "x-query": parameter(s) unused declared but not used in the SQL');
    expect(() =>
      defineQuery({ ...base, sql: ({ p }) => sql`SELECT 1 LIMIT ${p.limit as never}; DROP TABLE x` }),
    ).toThrow(/one statement/);
  });

  it('names the parameter and the rule of a bad value, before anything is sent', () => {
    const call = (input: unknown) => () => topArtistsByFollowers.forAthena(target, input as never);
    expect(call({ limit: 0 })).toThrow(
      'query "top-artists-by-followers": parameter "limit" must be an integer from 1 to 1000; got 0',
    );
    expect(call({ limit: '10' })).toThrow(/parameter "limit" must be an integer from 1 to 1000; got "10"/);
    expect(call({ limimt: 3 })).toThrow(
      'query "top-artists-by-followers" has no parameter "limimt" (its parameters: limit, min_popularity, genre)',
    );
    expect(() => trackSearch.forAthena(target, {} as never)).toThrow(
      'query "track-search": parameter "text" is required: text of 1 to 200 characters',
    );
    try {
      call({ min_popularity: 101 })();
    } catch (error) {
      expect(error).toBeInstanceOf(ParameterError);
      expect(error).toMatchObject({
        query: 'top-artists-by-followers',
        parameter: 'min_popularity',
        rule: 'an integer from 0 to 100',
      });
    }
  });

  it('sends ExecutionParameters in placeholder order and omits them when there are none', () => {
    expect(topArtistsByFollowers.forAthena(target, { genre: 'rock' }).executionParameters).toEqual([
      '0',
      "'rock'",
      '10',
    ]);
    expect(lakeSummary.forAthena(target, undefined).executionParameters).toBeUndefined();
  });

  it('prepares the same SQL for DuckDB with natively typed values', () => {
    const prepared = trackSearch.prepare(DUCKDB, target, { text: '50%' });
    expect(prepared.sql).toContain('LIKE lower(?)');
    expect(prepared.values).toEqual([
      { type: 'varchar', value: '%50!%%' },
      { type: 'integer', value: 20 },
    ]);
  });

  it('infers parameter and row types from the definition', () => {
    expectTypeOf<QueryRow<typeof topArtistsByFollowers>>().toEqualTypeOf<{
      artist_id: string;
      artist_name: string | null;
      followers: bigint;
      artist_popularity: number;
      genre: string | null;
    }>();
    expectTypeOf<QueryParams<typeof topArtistsByFollowers>>().toEqualTypeOf<{
      limit?: number;
      min_popularity?: number;
      genre?: string;
    }>();
    expectTypeOf<QueryParams<typeof trackSearch>>().toEqualTypeOf<{ text: string; limit?: number }>();
    expectTypeOf<QueryRow<typeof trackSearch>['track_name']>().toEqualTypeOf<string>();
    expectTypeOf<QueryRow<typeof lakeSummary>>().toEqualTypeOf<{
      row_count: bigint;
      track_count: bigint;
      album_count: bigint;
      artist_count: bigint;
      first_release_date: string | null;
      last_release_date: string | null;
      median_duration_ms: bigint | null;
    }>();
    const custom = defineQuery({
      name: 'typed',
      description: 'Types.',
      params: { n: integer({ description: 'n', min: 0, max: 9 }) },
      columns: [aggregate('total', 'double', 'x'), nullableAggregate('first', 'date', 'y')],
      sql: ({ p, warehouse }) =>
        sql`SELECT sum(duration_sec) AS total, min(release_date) AS first FROM ${warehouse} LIMIT ${p.n}`,
    });
    expectTypeOf<QueryRow<typeof custom>>().toEqualTypeOf<{ total: number; first: string | null }>();
    expectTypeOf<QueryParams<typeof custom>>().toEqualTypeOf<{ n: number }>();
  });
});
