export { AthenaQueryCancelledError, AthenaQueryFailedError } from './athena/errors';
export { DEFAULT_POLLING, nextPollDelay, type PollingOptions } from './athena/polling';
export type { RetryOptions } from './athena/retry';
/**
 * Decodes GetQueryResults rows into a query's typed rows, after checking the returned columns against the
 * declared ones: what the Athena runner does with every page. Public for code that pages Athena results itself
 * and wants the runner's types and checks, and for measuring the conversion on its own (`pnpm bench:queries`).
 */
export { athenaRowDecoder, type RowDecoder } from './athena/rows';
export { AthenaQueryRunner, type AthenaRunnerOptions, type AthenaRunOptions } from './athena/runner';
export { PRICE_PER_TB_USD, scanCostUsd } from './athena/statistics';
export { type AthenaValue, athenaConverter, parseStructured } from './athena/values';
export { aggregate, column, nullableAggregate, type ResultColumn, type RowOf } from './define/columns';
export { ParameterError } from './define/errors';
export * from './define/params';
export {
  type AnyQuery,
  defineQuery,
  type PreparedQuery,
  type Query,
  type QueryContext,
  type QueryParams,
  type QueryRow,
  type QuerySpec,
} from './define/query';
export { type NamedQuerySpec, namedQueries } from './named-queries';
export { type Clock, systemClock, type VirtualClock, virtualClock } from './runner/clock';
export { ColumnDriftError, QueryAbortedError, QueryTimeoutError, ResultValueError } from './runner/errors';
export type {
  QueryResult,
  QueryRunner,
  QueryStatistics,
  QueryStream,
  RunArgs,
  RunOptions,
} from './runner/types';
export { type Dialect, DUCKDB, renderSql, TRINO } from './sql/dialect';
export { type QueryTarget, quoteIdentifier } from './sql/identifier';
export { approxPercentile, intDiv, integerSeries, isoDayOfWeek, type Sql, sql } from './sql/template';
export * from './warehouse-queries';
export { topN } from './warehouse-queries/top-n';
