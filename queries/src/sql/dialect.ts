import { WAREHOUSE_TABLE } from '@spotify-lake/contract';
import { DEFAULT_CATALOG, type QueryTarget, quoteIdentifier } from './identifier';
import type { DialectFunction, Sql, SqlPart, TableName } from './template';

/**
 * The one place where Trino (Athena engine v3) and DuckDB differ for the queries of this package.
 * - Integer division: Trino's `/` truncates integers, DuckDB's `/` returns a DOUBLE; DuckDB's `//` truncates.
 * - Approximate functions: Trino's `approx_percentile` runs locally as DuckDB's exact `quantile_disc`. DuckDB's
 *   own `approx_quantile` gives a different answer from run to run under parallel execution; on one machine
 *   exact is affordable and makes local results reproducible.
 * - Date functions: Trino's `day_of_week` is DuckDB's `isodow`; both return a 64-bit integer, cast to INTEGER.
 * - Integer series: Trino's `UNNEST(sequence(a, b))` is DuckDB's `generate_series(a, b)`.
 * - Implicit casts: Trino refuses most of them, DuckDB allows many; queries cast explicitly, and the local
 *   runner accepts a narrower integer type where the Trino one is wider (see local/values.ts).
 * Everything else (quoted identifiers, `?` placeholders, window functions, `LIKE ... ESCAPE`, `DATE '...'`) is spelled
 * the same in both, which the local tests exercise by running every query of the catalog.
 */
export interface Dialect {
  readonly name: 'trino' | 'duckdb';
  readonly functions: { readonly [F in DialectFunction]: (args: readonly string[]) => string };
}

const arity = (fn: DialectFunction, args: readonly string[], expected: number): readonly string[] => {
  if (args.length !== expected) throw new Error(`${fn} takes ${expected} argument(s), got ${args.length}`);
  return args;
};

export const TRINO: Dialect = {
  name: 'trino',
  functions: {
    intDiv: (args) => `(${arity('intDiv', args, 2).join(' / ')})`,
    approxPercentile: (args) => `approx_percentile(${arity('approxPercentile', args, 2).join(', ')})`,
    isoDayOfWeek: (args) => `CAST(day_of_week(${arity('isoDayOfWeek', args, 1)[0]}) AS INTEGER)`,
    integerSeries: (args) => `UNNEST(sequence(${arity('integerSeries', args, 2).join(', ')})) AS series(n)`,
  },
};

export const DUCKDB: Dialect = {
  name: 'duckdb',
  functions: {
    intDiv: (args) => `(${arity('intDiv', args, 2).join(' // ')})`,
    approxPercentile: (args) => `quantile_disc(${arity('approxPercentile', args, 2).join(', ')})`,
    isoDayOfWeek: (args) => `CAST(isodow(${arity('isoDayOfWeek', args, 1)[0]}) AS INTEGER)`,
    integerSeries: (args) => `generate_series(${arity('integerSeries', args, 2).join(', ')}) AS series(n)`,
  },
};

export interface RenderedSql {
  readonly text: string;
  /** Parameter names in the order of their `?` placeholders (a parameter used twice appears twice). */
  readonly parameterOrder: readonly string[];
}

/** Fully qualified, quoted name of a table of the target: `"catalog"."database"."table"`. */
export function tableName(table: TableName, target: QueryTarget): string {
  const name = { warehouse: target.warehouseTable ?? WAREHOUSE_TABLE }[table];
  return [
    quoteIdentifier(target.catalog ?? DEFAULT_CATALOG, 'catalog'),
    quoteIdentifier(target.database, 'database'),
    quoteIdentifier(name, `${table} table`),
  ].join('.');
}

export function renderSql(fragment: Sql, dialect: Dialect, target: QueryTarget): RenderedSql {
  const parameterOrder: string[] = [];
  const renderPart = (part: SqlPart): string => {
    if (typeof part === 'string') return part;
    if (part.kind === 'param') {
      parameterOrder.push(part.name);
      return '?';
    }
    if (part.kind === 'table') return tableName(part.table, target);
    return dialect.functions[part.fn](part.args.map(render));
  };
  const render = (fragment: Sql): string => fragment.parts.map(renderPart).join('');
  return { text: render(fragment), parameterOrder };
}
