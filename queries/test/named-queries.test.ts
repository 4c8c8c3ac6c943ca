import { describe, expect, it } from 'vitest';
import { namedQueries } from '../src/named-queries';
import { renderSql, TRINO } from '../src/sql/dialect';
import { QUERIES } from '../src/warehouse-queries';

describe('namedQueries', () => {
  it('returns every query with the exact Athena SQL text, defaults applied', () => {
    const named = namedQueries({ database: 'spotify_lake_prod' });
    expect(named.map((n) => n.name)).toEqual(QUERIES.map((q) => q.name));
    for (const [i, spec] of named.entries()) {
      const query = QUERIES[i]!;
      expect(spec.sql).toContain('"AwsDataCatalog"."spotify_lake_prod"."datawarehouse"');
      expect(spec.description.length).toBeLessThanOrEqual(1024);
      expect(spec.description.startsWith(query.description)).toBe(true);
      const placeholders = spec.sql.split('?').length - 1;
      expect(placeholders).toBe(
        renderSql(query.body, TRINO, { database: 'spotify_lake_prod' }).parameterOrder.length,
      );
      // The description lists one prompt per placeholder, in order.
      const prompts = spec.description.split('Parameters, in order: ')[1] ?? '';
      expect(prompts === '' ? 0 : prompts.split(/\), /).length).toBe(placeholders);
    }
  });

  it('matches the SQL a runner sends, for any table and catalog', () => {
    const target = { database: 'db', warehouseTable: 'dw_v2', catalog: 'lakehouse' };
    const named = namedQueries(target);
    const search = named.find((n) => n.name === 'track-search')!;
    expect(search.sql).toBe(
      QUERIES.find((q) => q.name === 'track-search')!.forAthena(target, { text: 'x' }).sql,
    );
    expect(search.sql).toContain('"lakehouse"."db"."dw_v2"');
    expect(search.description).toContain(
      'Parameters, in order: text (text of 1 to 200 characters), limit (an integer from 1 to 1000).',
    );
    expect(search.description).toContain(
      "Type text in single quotes ('pop'). Search text is a LIKE pattern: '%love%'.",
    );
    expect(named.find((n) => n.name === 'genre-counts')!.description).not.toContain('single quotes');
    expect(named.find((n) => n.name === 'lake-summary')!.description).not.toContain('Parameters');
  });

  it('quotes hostile names instead of pasting them', () => {
    const [first] = namedQueries({ database: 'x"; DROP TABLE y; --' });
    expect(first!.sql).toContain('"x""; DROP TABLE y; --"');
    expect(() => namedQueries({ database: '' })).toThrow('database must be a non-empty string');
  });
});
