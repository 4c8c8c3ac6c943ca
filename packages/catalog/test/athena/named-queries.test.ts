import * as queries from '@spotify-lake/queries';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  catalogNamedQueries,
  NAMED_QUERY_LIMITS,
  namedQueryResourceName,
} from '../../src/athena/named-queries';

vi.mock('@spotify-lake/queries', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@spotify-lake/queries')>();
  return { ...actual, namedQueries: vi.fn(actual.namedQueries) };
});

const query = (name: string, extra: Partial<queries.NamedQuerySpec> = {}): queries.NamedQuerySpec => ({
  name,
  description: `About ${name}.`,
  sql: 'SELECT 1',
  ...extra,
});

describe('catalogNamedQueries', () => {
  afterEach(() => {
    vi.mocked(queries.namedQueries).mockClear();
  });

  it("returns the queries package's queries for the database and the warehouse table", () => {
    const result = catalogNamedQueries('lake_prod');
    expect(queries.namedQueries).toHaveBeenCalledWith({
      database: 'lake_prod',
      warehouseTable: 'datawarehouse',
    });
    expect(result).toEqual(vi.mocked(queries.namedQueries).mock.results[0]!.value);
    expect(result.length).toBeGreaterThan(0);
  });

  it('keeps every real query within Athena limits and names unique', () => {
    const result = catalogNamedQueries('lake_prod');
    expect(new Set(result.map((q) => namedQueryResourceName('c', q.name))).size).toBe(result.length);
    for (const q of result) {
      expect(q.name.length).toBeLessThanOrEqual(NAMED_QUERY_LIMITS.name);
      expect(q.description.length).toBeLessThanOrEqual(NAMED_QUERY_LIMITS.description);
      expect(q.sql).toContain('lake_prod');
    }
  });

  it.each([
    [[query('a'), query('a')], /named query #2 "a" from @spotify-lake\/queries: name clashes with "a"/],
    [[query('Top Labels'), query('top-labels')], /#2 "top-labels".*clashes with "Top Labels"/],
    [[query('')], /#1 "" from @spotify-lake\/queries: name must be 1-128 characters/],
    [[query('x'.repeat(129))], /name must be 1-128 characters/],
    [[query('long', { description: 'd'.repeat(1025) })], /#1 "long".*description must be 1-1024 characters/],
    [[query('bare', { description: '' })], /#1 "bare".*description must be 1-1024 characters/],
    [[query('empty', { sql: '  ' })], /#1 "empty".*sql must be 1-262144 characters/],
  ])('rejects a bad entry with its position and name (%#)', (entries, message) => {
    vi.mocked(queries.namedQueries).mockReturnValueOnce(entries);
    expect(() => catalogNamedQueries('db')).toThrow(message);
  });
});

describe('namedQueryResourceName', () => {
  it('derives a stable logical name from the query name', () => {
    expect(namedQueryResourceName('cat', 'top-artists-by-followers')).toBe(
      'cat-query-top-artists-by-followers',
    );
    expect(namedQueryResourceName('cat', 'Top Labels (2020)')).toBe('cat-query-top-labels-2020');
  });
});
