import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAKE_ZONES, WAREHOUSE_COLUMNS } from '@spotify-lake/contract';
import { Parser } from 'node-sql-parser/build/trino';
import { describe, expect, it } from 'vitest';
import type { ParamSpecs } from '../../src/define/params';
import { renderSql, TRINO } from '../../src/sql/dialect';
import { findQuery, QUERIES } from '../../src/warehouse-queries';
import { SAMPLE_PARAMS, SAMPLE_TARGET } from './samples';

const snapshots = join(__dirname, '..', '__snapshots__', 'sql');
const athenaCall = (name: string) => findQuery(name).forAthena(SAMPLE_TARGET, SAMPLE_PARAMS[name] as never);

describe('the catalog', () => {
  it('has the issue queries and more, each with a sample call', () => {
    const names = QUERIES.map((q) => q.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'top-artists-by-followers',
        'top-artists-by-popularity',
        'albums-with-most-tracks',
        'genre-counts',
        'avg-track-popularity-by-album',
        'releases-per-year',
        'album-popularity-histogram',
        'top-labels',
        'popularity-vs-followers',
        'track-duration-histogram',
        'track-search',
      ]),
    );
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(SAMPLE_PARAMS).sort()).toEqual([...names].sort());
    expect(() => findQuery('nope')).toThrow('no query named "nope"; run with --list');
  });

  it('is documented in the package README, query by query', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const query of QUERIES) {
      expect(readme, query.name).toMatch(
        new RegExp(`\\| \`${escapeRegExp(query.name)}\`\\s*\\| ${escapeRegExp(query.description)}\\s*\\|`),
      );
    }
  });

  it('gives every top-N query a limit, used in a LIMIT clause', () => {
    for (const query of QUERIES.filter((q) =>
      /^(top-|albums-with|avg-|genre-|popularity-|track-search)/.test(q.name),
    )) {
      expect(Object.keys(query.params as ParamSpecs), query.name).toContain('limit');
      const rendered = renderSql(query.body, TRINO, SAMPLE_TARGET);
      expect(rendered.text, query.name).toMatch(/\nWHERE row_num <= \?\nORDER BY row_num$/);
      expect(rendered.parameterOrder.at(-1), query.name).toBe('limit');
    }
  });

  it('reads only the stack warehouse table, through the quoted target name', () => {
    for (const query of QUERIES) {
      const { sql } = athenaCall(query.name);
      expect(sql, query.name).toContain('FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"');
      expect(sql.match(/FROM "/g)?.length, query.name).toBe(1);
      expect(LAKE_ZONES.warehouse).toBe('datawarehouse/');
    }
  });

  it('groups by ids, never by names', () => {
    for (const query of QUERIES) {
      const groupings = athenaCall(query.name).sql.match(/GROUP BY [^\n]+/g) ?? [];
      for (const grouping of groupings) expect(grouping, query.name).not.toMatch(/_name/);
    }
    expect(athenaCall('albums-with-most-tracks').sql).toContain('GROUP BY album_id');
    expect(athenaCall('top-artists-by-followers').sql).toContain('GROUP BY artist_id');
  });

  it('reuses contract columns by name with the contract type', () => {
    const contract = new Map<string, { type: string }>(WAREHOUSE_COLUMNS.map((c) => [c.name, c]));
    for (const query of QUERIES) {
      for (const column of query.columns) {
        const reused = contract.get(column.name);
        if (reused) expect(column.type, `${query.name}.${column.name}`).toBe(reused.type);
      }
    }
  });
});

describe('SQL snapshots', () => {
  for (const query of QUERIES) {
    it(`${query.name}: exact Athena SQL and ExecutionParameters of a sample call`, async () => {
      const call = athenaCall(query.name);
      await expect(`${call.sql}\n`).toMatchFileSnapshot(join(snapshots, `${query.name}.sql`));
      const params = {
        sample: SAMPLE_PARAMS[query.name],
        ExecutionParameters: call.executionParameters ?? null,
      };
      await expect(
        `${JSON.stringify(params, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v), 2)}\n`,
      ).toMatchFileSnapshot(join(snapshots, `${query.name}.params.json`));
    });
  }
});

/**
 * A coarse smoke check with node-sql-parser's `trino` grammar. Athena substitutes each `?` with its
 * ExecutionParameters literal, so the check parses the SQL after that substitution (the parser rejects `LIMIT ?`).
 * It catches unbalanced parentheses, misplaced clauses, bad quoting and keyword typos, and checks the select list
 * against the declared columns. It cannot catch unknown functions or wrong argument types, type errors (Trino's
 * strict typing), unknown tables or columns, ambiguous names, or the semantics of GROUP BY; those are
 * exercised by running every query on DuckDB (local tests) and, for Trino itself, only by Athena.
 */
describe('Trino grammar smoke check', () => {
  const parser = new Parser();
  for (const query of QUERIES) {
    it(`${query.name} parses as one SELECT with the declared columns`, () => {
      const call = athenaCall(query.name);
      const pieces = call.sql.split('?');
      const literals = call.executionParameters ?? [];
      expect(pieces.length - 1, 'placeholders').toBe(literals.length);
      const substituted = pieces.map((piece, i) => piece + (literals[i] ?? '')).join('');
      const ast = parser.astify(substituted, { database: 'trino' });
      const statements = Array.isArray(ast) ? ast : [ast];
      expect(statements).toHaveLength(1);
      const select = statements[0] as unknown as {
        type: string;
        columns: Array<{ as?: string | null; expr: { column?: unknown } }>;
      };
      expect(select.type).toBe('select');
      const names = select.columns.map((c) => {
        if (c.as) return c.as;
        const column = c.expr.column as { expr?: { value?: string } } | string | undefined;
        return typeof column === 'string' ? column : column?.expr?.value;
      });
      expect(names).toEqual(query.columns.map((c) => c.name));
    });
  }

  it('places every `?` in a WHERE clause, the only place Athena accepts one', () => {
    for (const query of QUERIES) {
      const pieces = renderSql(query.body, TRINO, SAMPLE_TARGET).text.split('?');
      const marked = pieces
        .map((piece, i) => piece + (i < pieces.length - 1 ? `'__param_${i}__'` : ''))
        .join('');
      const ast = parser.astify(marked, { database: 'trino' });
      const found: string[] = [];
      const walk = (node: unknown, inWhere: boolean): void => {
        if (Array.isArray(node)) {
          for (const n of node) walk(n, inWhere);
          return;
        }
        if (typeof node !== 'object' || node === null) return;
        for (const [key, value] of Object.entries(node)) {
          if (typeof value === 'string' && /^__param_\d+__$/.test(value))
            found.push(`${value}${inWhere ? '' : ' outside WHERE'}`);
          else walk(value, inWhere || key === 'where');
        }
      };
      walk(ast, false);
      expect(found.sort(), query.name).toEqual(
        pieces
          .slice(1)
          .map((_, i) => `__param_${i}__`)
          .sort(),
      );
    }
  });

  it('would catch a broken query', () => {
    expect(() => parser.astify('SELECT a FROM t WHERE (x = 1 GROUP BY a', { database: 'trino' })).toThrow();
  });
});
