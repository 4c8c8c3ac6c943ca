import type { AnyQuery, QueryParams, QueryRow } from '../define/query';

export interface RunOptions {
  /** Stops the query (Athena: StopQueryExecution) and rejects with QueryAbortedError. */
  readonly signal?: AbortSignal;
  /** Stops the query after this many milliseconds and rejects with QueryTimeoutError. Default: the runner's. */
  readonly timeoutMs?: number;
}

export interface QueryStatistics {
  readonly engine: 'athena' | 'duckdb';
  readonly queryExecutionId?: string;
  /** Bytes scanned (Athena); undefined on the local lake. */
  readonly dataScannedBytes?: number;
  readonly engineExecutionTimeMs: number;
  /** Time in Athena's queue; 0 on the local lake. */
  readonly queueTimeMs: number;
  readonly totalExecutionTimeMs: number;
  /** Athena's price for the scan: $5 per TB, 10 MB minimum, per MB rounded up; 0 on the local lake. */
  readonly costUsd: number;
  /** Athena reused a previous result (ResultReuseConfiguration): no data was scanned. */
  readonly reusedPreviousResult?: boolean;
  readonly rowCount: number;
}

export interface QueryResult<Row> {
  readonly rows: Row[];
  readonly statistics: QueryStatistics;
}

/** Rows delivered as they arrive. `statistics` is set once the query has finished, before the first row. */
export interface QueryStream<Row> extends AsyncIterable<Row> {
  readonly statistics: QueryStatistics | undefined;
}

/** The parameter and option arguments of a run: parameters may be left out when all have defaults. */
export type RunArgs<Q extends AnyQuery> =
  // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "a query whose parameters are all optional"
  {} extends QueryParams<Q>
    ? [params?: QueryParams<Q>, options?: RunOptions]
    : [params: QueryParams<Q>, options?: RunOptions];

/** What both runners offer: the same query object runs on Athena and on the local lake. */
export interface QueryRunner {
  run<Q extends AnyQuery>(query: Q, ...args: RunArgs<Q>): Promise<QueryResult<QueryRow<Q>>>;
  stream<Q extends AnyQuery>(query: Q, ...args: RunArgs<Q>): QueryStream<QueryRow<Q>>;
}
