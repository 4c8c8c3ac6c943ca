import { type DuckDBConnection, DuckDBInstance, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { WAREHOUSE_TABLE } from '@spotify-lake/contract';
import type { AnyQuery, PreparedQuery, QueryRow } from '../define/query';
import { type Clock, systemClock } from '../runner/clock';
import { collectStream } from '../runner/collect';
import { ColumnDriftError, QueryAbortedError, QueryTimeoutError, ResultValueError } from '../runner/errors';
import { flattenPages } from '../runner/flatten-pages';
import type {
  QueryResult,
  QueryRunner,
  QueryStatistics,
  QueryStream,
  RunArgs,
  RunOptions,
} from '../runner/types';
import { DUCKDB } from '../sql/dialect';
import { quoteIdentifier } from '../sql/identifier';
import { warehouseFiles, warehouseTableExpressionOf } from './lake';
import { acceptsDuckDbType, bindDuckDb, fromDuckDb } from './values';

export interface LocalRunnerOptions {
  /** The local lake folder: its manifest.json lists the warehouse files the runner reads. */
  readonly lakeDir: string;
  /** Stop queries running longer than this. Default: none. */
  readonly timeoutMs?: number;
  /** DuckDB threads. Default: DuckDB's (one per core). */
  readonly threads?: number;
  readonly clock?: Clock;
}

/**
 * The warehouse appears to the queries under the same three-part name shape as on Athena: DuckDB's in-memory
 * database is the catalog `memory`, its schema `main`.
 */
export const LOCAL_TARGET = { catalog: 'memory', database: 'main', warehouseTable: WAREHOUSE_TABLE } as const;

/** Runs catalog queries with DuckDB over a local lake's Parquet warehouse: the same query objects as on Athena. */
export class LocalQueryRunner implements QueryRunner {
  /** The warehouse files the view reads: those of the run the lake's manifest named when last looked at. */
  private files: readonly string[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly options: LocalRunnerOptions,
  ) {}

  static async open(options: LocalRunnerOptions): Promise<LocalQueryRunner> {
    const files = warehouseFiles(options.lakeDir);
    const config: Record<string, string> = {};
    if (options.threads !== undefined) config.threads = String(options.threads);
    const instance = await DuckDBInstance.create(':memory:', config);
    const connection = await instance.connect();
    const runner = new LocalQueryRunner(instance, connection, options);
    try {
      await runner.pointAt(files);
    } catch (error) {
      runner.close();
      throw error;
    }
    return runner;
  }

  /** Points the warehouse view at these files. */
  private async pointAt(files: readonly string[]): Promise<void> {
    await this.connection.run(
      `CREATE OR REPLACE VIEW ${quoteIdentifier(LOCAL_TARGET.warehouseTable)} AS SELECT * FROM ${warehouseTableExpressionOf(files)}`,
    );
    this.files = files;
  }

  /**
   * Follows the lake: a later ETL run commits new files and deletes the old ones, so before each query the view
   * is pointed at the files the manifest names now (a runner may live longer than a run, as the dashboard server's).
   */
  private async followLake(): Promise<void> {
    const files = warehouseFiles(this.options.lakeDir);
    if (files.length !== this.files.length || files.some((f, i) => f !== this.files[i]))
      await this.pointAt(files);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  async run<Q extends AnyQuery>(query: Q, ...args: RunArgs<Q>): Promise<QueryResult<QueryRow<Q>>> {
    return collectStream(this.stream(query, ...args));
  }

  stream<Q extends AnyQuery>(query: Q, ...args: RunArgs<Q>): QueryStream<QueryRow<Q>> {
    const [params, options = {}] = args as [unknown, RunOptions | undefined];
    const prepared = query.prepare(DUCKDB, LOCAL_TARGET, params as never);
    const stream = {
      statistics: undefined as QueryStatistics | undefined,
      [Symbol.asyncIterator]: () => flattenPages(this.pages(query, prepared, options, stream)),
    };
    return stream;
  }

  private async *pages<Q extends AnyQuery>(
    query: Q,
    prepared: PreparedQuery,
    options: RunOptions,
    stream: { statistics: QueryStatistics | undefined },
  ): AsyncGenerator<QueryRow<Q>[]> {
    const clock = this.options.clock ?? systemClock;
    const { signal } = options;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    if (signal?.aborted) throw new QueryAbortedError(query.name, undefined, { cause: signal.reason });
    let timedOut = false;
    const interrupt = () => this.connection.interrupt();
    signal?.addEventListener('abort', interrupt, { once: true });
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            interrupt();
          }, timeoutMs);
    const startedAt = clock.now();
    try {
      await this.followLake();
      const statement = await this.connection.prepare(prepared.sql);
      for (const [i, value] of prepared.values.entries()) bindDuckDb(statement, i + 1, value);
      const result = await statement.stream();
      checkColumns(query, result.columnNames(), result.columnTypes());
      const elapsed = clock.now() - startedAt;
      stream.statistics = {
        engine: 'duckdb',
        engineExecutionTimeMs: elapsed,
        queueTimeMs: 0,
        totalExecutionTimeMs: elapsed,
        costUsd: 0,
        rowCount: 0,
      };
      let rowNumber = 0;
      for await (const chunk of result.yieldRows()) {
        if (signal?.aborted) throw signal.reason;
        const page = chunk.map((values) => toRow(query, values, ++rowNumber));
        stream.statistics = { ...stream.statistics, rowCount: rowNumber };
        yield page as QueryRow<Q>[];
      }
    } catch (error) {
      if (signal?.aborted) throw new QueryAbortedError(query.name, undefined, { cause: signal.reason });
      if (timedOut) throw new QueryTimeoutError(query.name, undefined, timeoutMs!);
      throw error;
    } finally {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', interrupt);
    }
  }
}

function checkColumns(query: AnyQuery, names: readonly string[], types: readonly DuckDBType[]): void {
  const expected = query.columns.map((c) => c.name);
  const typesOk = query.columns.every(
    (c, i) => types[i] !== undefined && acceptsDuckDbType(c.type, types[i]!.typeId),
  );
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i]) || !typesOk) {
    throw new ColumnDriftError(
      query.name,
      query.columns.map((c) => `${c.name} ${c.type}`),
      names.map((n, i) => `${n} ${String(types[i])}`),
    );
  }
}

function toRow(query: AnyQuery, values: readonly DuckDBValue[], rowNumber: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [i, column] of query.columns.entries()) {
    let value: unknown;
    try {
      value = fromDuckDb(column.type, values[i] ?? null);
    } catch (error) {
      throw new ResultValueError(query.name, column.name, rowNumber, (error as Error).message);
    }
    if (value === null && !column.nullable) {
      throw new ResultValueError(query.name, column.name, rowNumber, 'NULL in a column declared not null');
    }
    row[column.name] = value;
  }
  return row;
}
