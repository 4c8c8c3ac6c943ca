/**
 * SQL text of a query, kept as parts so that one definition renders to Trino (Athena) and DuckDB (local lake):
 * literal SQL text written by the query's author, references to parameters (rendered `?`), references to the
 * stack's tables (rendered as quoted identifiers), and the few functions the dialects spell differently.
 */

export interface ParamRef {
  readonly kind: 'param';
  readonly name: string;
}

/** The tables a query may read. Only the warehouse for now; the name is resolved from the stack's target. */
export type TableName = 'warehouse';

export interface TableRef {
  readonly kind: 'table';
  readonly table: TableName;
}

/** Functions whose spelling or semantics differ between Trino and DuckDB (see dialect.ts). */
export type DialectFunction = 'intDiv' | 'approxPercentile' | 'isoDayOfWeek' | 'integerSeries';

export interface DialectCall {
  readonly kind: 'call';
  readonly fn: DialectFunction;
  readonly args: readonly Sql[];
}

export type SqlPart = string | ParamRef | TableRef | DialectCall;

export interface Sql {
  readonly kind: 'sql';
  readonly parts: readonly SqlPart[];
}

export type SqlValue = Sql | ParamRef | TableRef | DialectCall;

function isSqlValue(value: unknown): value is SqlValue {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'sql' || kind === 'param' || kind === 'table' || kind === 'call';
}

/**
 * Tagged template building a Sql. Interpolated values must be Sql parts: a string or number interpolated by
 * mistake throws instead of becoming SQL text.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly SqlValue[]): Sql {
  const parts: SqlPart[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (typeof last === 'string') parts[parts.length - 1] = last + text;
    else parts.push(text);
  };
  strings.forEach((text, i) => {
    pushText(text);
    if (i >= values.length) return;
    const value: unknown = values[i];
    if (!isSqlValue(value)) {
      throw new TypeError(
        `sql template: value #${i + 1} is ${value === undefined ? 'undefined (an undeclared parameter?)' : typeof value}; only parameters, tables, dialect functions and sql fragments can be interpolated`,
      );
    }
    if (value.kind === 'sql')
      for (const part of value.parts) typeof part === 'string' ? pushText(part) : parts.push(part);
    else parts.push(value);
  });
  return { kind: 'sql', parts };
}

const call =
  (fn: DialectFunction) =>
  (...args: SqlValue[]): DialectCall => ({
    kind: 'call',
    fn,
    args: args.map((a) => (a.kind === 'sql' ? a : sql`${a}`)),
  });

/** Integer division truncating toward zero: Trino's `/` on integers, DuckDB's `//`. */
export const intDiv = call('intDiv') as (dividend: SqlValue, divisor: SqlValue) => DialectCall;
/** Approximate percentile (0 < p < 1): Trino `approx_percentile`, DuckDB `quantile_disc` (exact, see dialect.ts). */
export const approxPercentile = call('approxPercentile') as (
  value: SqlValue,
  percentile: SqlValue,
) => DialectCall;
/** ISO day of week, 1 = Monday .. 7 = Sunday, as INTEGER: Trino `day_of_week`, DuckDB `isodow`. */
export const isoDayOfWeek = call('isoDayOfWeek') as (date: SqlValue) => DialectCall;

/**
 * A table `series(n)` of the integers first..last (constants of the query, not caller values): Trino
 * `UNNEST(sequence(..))`, DuckDB `generate_series(..)`. Athena accepts `?` only in WHERE clauses, so a parameter
 * needed in a SELECT list is picked from such a series with `WHERE n = ?`.
 */
export function integerSeries(first: number, last: number): DialectCall {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || first > last) {
    throw new Error(`integerSeries needs integers first <= last, got ${first}..${last}`);
  }
  return {
    kind: 'call',
    fn: 'integerSeries',
    args: [
      { kind: 'sql', parts: [String(first)] },
      { kind: 'sql', parts: [String(last)] },
    ],
  };
}
