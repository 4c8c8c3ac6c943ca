import { describe, expect, it } from 'vitest';
import {
  type CatalogNamedQuery,
  catalogNamedQueries,
  NAMED_QUERY_LIMITS,
  namedQueryResourceName,
} from '../../src/athena/named-queries';

const TARGET = { databaseName: 'lake_prod', warehouseTable: 'datawarehouse' };

const query = (name: string, extra: Partial<CatalogNamedQuery> = {}): CatalogNamedQuery => ({
  name,
  description: `About ${name}.`,
  sql: 'SELECT 1',
  ...extra,
});

describe('catalogNamedQueries', () => {
  it('renders a function source for the target, once', () => {
    const seen: unknown[] = [];
    const result = catalogNamedQueries((target) => {
      seen.push(target);
      return [query('a', { sql: `SELECT 1 FROM ${target.databaseName}.${target.warehouseTable}` })];
    }, TARGET);
    expect(seen).toEqual([TARGET]);
    expect(result).toEqual([query('a', { sql: 'SELECT 1 FROM lake_prod.datawarehouse' })]);
  });

  it('returns a copy of a list source', () => {
    const list = [query('a'), query('b')];
    const result = catalogNamedQueries(list, TARGET);
    expect(result).toEqual(list);
    expect(result).not.toBe(list);
  });

  it('accepts entries at exactly the limits', () => {
    const atLimits = query('x'.repeat(NAMED_QUERY_LIMITS.name), {
      description: 'd'.repeat(NAMED_QUERY_LIMITS.description),
      sql: 's'.repeat(NAMED_QUERY_LIMITS.query),
    });
    expect(catalogNamedQueries([atLimits], TARGET)).toEqual([atLimits]);
  });

  it('rejects a function that returns no list', () => {
    expect(() => catalogNamedQueries((() => 'x') as never, TARGET)).toThrow(
      'namedQueries must give a list of { name, description, sql }; got "x"',
    );
  });

  it.each([
    [[query('a'), query('a')], /named query #2 "a": name clashes with "a"/],
    [[query('Top Labels'), query('top-labels')], /#2 "top-labels".*clashes with "Top Labels"/],
    [[query('')], /#1 "": name must be 1-128 characters/],
    [[query('x'.repeat(129))], /name must be 1-128 characters/],
    [[query('long', { description: 'd'.repeat(1025) })], /#1 "long".*description must be 1-1024 characters/],
    [[query('bare', { description: '' })], /#1 "bare".*description must be 1-1024 characters/],
    [[query('empty', { sql: '  ' })], /#1 "empty".*sql must be 1-262144 characters/],
  ])('rejects a bad entry with its position and name (%#)', (entries, message) => {
    expect(() => catalogNamedQueries(entries, TARGET)).toThrow(message);
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
