import { describe, expect, it } from 'vitest';
import { DUCKDB, renderSql, TRINO, tableName } from '../../src/sql/dialect';
import { approxPercentile, intDiv, isoDayOfWeek, sql } from '../../src/sql/template';
import { QUERIES } from '../../src/warehouse-queries';

const target = { database: 'spotify_dev' };

describe('dialects', () => {
  it('spell the differing functions per engine', () => {
    const fragment = sql`SELECT ${intDiv(sql`a`, sql`b`)}, ${approxPercentile(sql`x`, sql`0.5`)}, ${isoDayOfWeek(sql`d`)}`;
    expect(renderSql(fragment, TRINO, target).text).toBe(
      'SELECT (a / b), approx_percentile(x, 0.5), CAST(day_of_week(d) AS INTEGER)',
    );
    expect(renderSql(fragment, DUCKDB, target).text).toBe(
      'SELECT (a // b), quantile_disc(x, 0.5), CAST(isodow(d) AS INTEGER)',
    );
  });

  it('check the number of arguments', () => {
    expect(() => TRINO.functions.intDiv(['a'])).toThrow('intDiv takes 2 argument(s), got 1');
  });

  it('render tables as quoted three-part names with the defaults of the target', () => {
    expect(tableName('warehouse', target)).toBe('"AwsDataCatalog"."spotify_dev"."datawarehouse"');
    expect(tableName('warehouse', { database: 'prod db', warehouseTable: 'dw_v2', catalog: 'other' })).toBe(
      '"other"."prod db"."dw_v2"',
    );
  });

  it('renders a catalog query identically in both dialects unless it uses a dialect function', () => {
    const usesCall = (parts: readonly unknown[]): boolean =>
      parts.some(
        (part) => typeof part === 'object' && part !== null && (part as { kind: string }).kind === 'call',
      );
    let withCalls = 0;
    for (const query of QUERIES) {
      const trino = renderSql(query.body, TRINO, target);
      const duck = renderSql(query.body, DUCKDB, target);
      expect(duck.parameterOrder, query.name).toEqual(trino.parameterOrder);
      if (usesCall(query.body.parts)) {
        withCalls++;
        expect(duck.text, query.name).not.toBe(trino.text);
      } else {
        expect(duck.text, query.name).toBe(trino.text);
      }
    }
    expect(withCalls).toBeGreaterThanOrEqual(3);
  });
});
