import { randomUUID } from 'node:crypto';
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  type GetQueryExecutionCommandOutput,
  GetQueryResultsCommand,
  type QueryExecution,
  StartQueryExecutionCommand,
  type StartQueryExecutionCommandInput,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type { AnyQuery, QueryRow } from '../define/query';
import { type Clock, systemClock } from '../runner/clock';
import { collectStream } from '../runner/collect';
import { QueryAbortedError, QueryTimeoutError } from '../runner/errors';
import { flattenPages } from '../runner/flatten-pages';
import type {
  QueryResult,
  QueryRunner,
  QueryStatistics,
  QueryStream,
  RunArgs,
  RunOptions,
} from '../runner/types';
import type { QueryTarget } from '../sql/identifier';
import { AthenaQueryCancelledError, AthenaQueryFailedError } from './errors';
import { nextPollDelay, type PollingOptions, pollingOptions } from './polling';
import { type RetryOptions, withRetry } from './retry';
import { athenaRowDecoder, type RowDecoder } from './rows';
import { athenaStatistics } from './statistics';

export interface AthenaRunnerOptions extends QueryTarget {
  readonly client: AthenaClient;
  /** Athena workgroup. Default: `primary`. Use the stack's workgroup: it enforces encryption and the result location. */
  readonly workgroup?: string;
  /** `s3://...` for results, only when the workgroup does not set one. Default: none (the workgroup's). */
  readonly outputLocation?: string;
  /** Reuse a previous identical query's result if it is at most this old (minutes, 1-10080). Default: off. */
  readonly resultReuseMaxAgeMinutes?: number;
  /** Stop queries running longer than this. Default: 30 minutes (Athena's own DML limit). */
  readonly timeoutMs?: number;
  /** Status polling schedule; see polling.ts for the defaults. */
  readonly polling?: PollingOptions;
  /** Retries of throttled API calls; see retry.ts for the defaults. */
  readonly retry?: RetryOptions;
  /** Rows per GetQueryResults page, 1-1000. Default: 1000 (Athena's maximum). */
  readonly pageSize?: number;
  /** Default: the system clock. Tests and the benchmark pass a virtual one. */
  readonly clock?: Clock;
  /** Idempotency token of each StartQueryExecution (32-128 characters). Default: a random UUID. */
  readonly requestToken?: () => string;
}

export interface AthenaRunOptions extends RunOptions {
  /** Overrides the runner's result reuse for this call; 0 turns it off. */
  readonly resultReuseMaxAgeMinutes?: number;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Runs catalog queries on Athena with typed parameters and rows. */
export class AthenaQueryRunner implements QueryRunner {
  private readonly clock: Clock;
  private readonly polling: Required<PollingOptions>;
  private readonly pageSize: number;

  constructor(private readonly options: AthenaRunnerOptions) {
    if (!options.client) throw new Error('AthenaQueryRunner: option "client" (an AthenaClient) is required');
    if (!options.database) throw new Error('AthenaQueryRunner: option "database" is required');
    this.clock = options.clock ?? systemClock;
    this.polling = pollingOptions(options.polling);
    this.pageSize = options.pageSize ?? 1000;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > 1000) {
      throw new Error(
        `AthenaQueryRunner: option "pageSize" must be an integer from 1 to 1000, got ${options.pageSize}`,
      );
    }
    checkReuse(options.resultReuseMaxAgeMinutes);
    checkTimeout(options.timeoutMs);
  }

  async run<Q extends AnyQuery>(query: Q, ...args: RunArgs<Q>): Promise<QueryResult<QueryRow<Q>>> {
    return collectStream(this.stream(query, ...args));
  }

  stream<Q extends AnyQuery>(query: Q, ...args: RunArgs<Q>): QueryStream<QueryRow<Q>> {
    const [params, options = {}] = args as [unknown, AthenaRunOptions | undefined];
    // Parameters are checked now, before anything is sent, so a bad one fails at the call site.
    const prepared = query.forAthena(this.options, params as never);
    const runner = this;
    const stream = {
      statistics: undefined as QueryStatistics | undefined,
      [Symbol.asyncIterator]: () => flattenPages(pages()),
    };
    async function* pages(): AsyncGenerator<QueryRow<Q>[]> {
      const execution = await runner.execute(query.name, prepared, options);
      stream.statistics = athenaStatistics(execution.id, execution.statistics, 0);
      let rowCount = 0;
      for await (const page of runner.pages(query, execution.id, options.signal)) {
        rowCount += page.length;
        stream.statistics = { ...stream.statistics, rowCount };
        yield page as QueryRow<Q>[];
      }
    }
    return stream;
  }

  /** Starts the query and waits until it has succeeded; stops it on abort or timeout. */
  private async execute(
    name: string,
    prepared: { sql: string; executionParameters: string[] | undefined },
    options: AthenaRunOptions,
  ): Promise<{ id: string; statistics: QueryExecution['Statistics'] }> {
    const { signal } = options;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    checkTimeout(timeoutMs);
    if (signal?.aborted) throw new QueryAbortedError(name, undefined, { cause: signal.reason });
    const reuse = options.resultReuseMaxAgeMinutes ?? this.options.resultReuseMaxAgeMinutes;
    checkReuse(reuse);
    const input: StartQueryExecutionCommandInput = {
      QueryString: prepared.sql,
      ExecutionParameters: prepared.executionParameters,
      QueryExecutionContext: {
        Database: this.options.database,
        Catalog: this.options.catalog ?? 'AwsDataCatalog',
      },
      WorkGroup: this.options.workgroup ?? 'primary',
      // The same token on every retry of this start: Athena runs the query once however often it is sent.
      ClientRequestToken: (this.options.requestToken ?? randomUUID)(),
      ...(this.options.outputLocation
        ? { ResultConfiguration: { OutputLocation: this.options.outputLocation } }
        : {}),
      ...(reuse
        ? {
            ResultReuseConfiguration: {
              ResultReuseByAgeConfiguration: { Enabled: true, MaxAgeInMinutes: reuse },
            },
          }
        : {}),
    };
    // The start is not abortable half-way: once Athena may have the query, we must learn its id to stop it.
    const started = await this.call(() => this.options.client.send(new StartQueryExecutionCommand(input)));
    const id = started.QueryExecutionId;
    if (!id) throw new Error(`query "${name}": StartQueryExecution returned no QueryExecutionId`);
    // The query's clock starts when Athena has it; time spent in throttled retries of the start does not count.
    const startedAt = this.clock.now();

    const deadline = startedAt + timeoutMs;
    try {
      for (;;) {
        if (signal?.aborted) throw signal.reason;
        const elapsed = this.clock.now() - startedAt;
        const wait = Math.min(nextPollDelay(elapsed, this.polling), Math.max(0, deadline - this.clock.now()));
        await this.clock.sleep(wait, signal);
        const status: GetQueryExecutionCommandOutput = await this.call(
          () => this.options.client.send(new GetQueryExecutionCommand({ QueryExecutionId: id })),
          signal,
        );
        const execution = status.QueryExecution;
        const state = execution?.Status?.State ?? 'UNKNOWN';
        if (state === 'SUCCEEDED') return { id, statistics: execution?.Statistics };
        const reason =
          execution?.Status?.StateChangeReason ??
          execution?.Status?.AthenaError?.ErrorMessage ??
          'no reason given';
        if (state === 'FAILED')
          throw new AthenaQueryFailedError(name, id, reason, execution?.Status?.AthenaError);
        if (state === 'CANCELLED') throw new AthenaQueryCancelledError(name, id, reason);
        if (!TERMINAL.has(state) && this.clock.now() >= deadline)
          throw new QueryTimeoutError(name, id, timeoutMs);
      }
    } catch (error) {
      if (error instanceof AthenaQueryFailedError || error instanceof AthenaQueryCancelledError) throw error;
      // Abort, timeout or an API error: nothing may be left running (and billing) behind us.
      await this.stop(id);
      if (error instanceof QueryTimeoutError) throw error;
      if (signal?.aborted) throw new QueryAbortedError(name, id, { cause: signal.reason });
      throw error;
    }
  }

  private async stop(id: string): Promise<void> {
    try {
      await this.call(() =>
        this.options.client.send(new StopQueryExecutionCommand({ QueryExecutionId: id })),
      );
    } catch {
      // Stopping is best effort: the original error is the one the caller needs; Athena's timeout still applies.
    }
  }

  /** The result pages of a finished query, decoded. The header row comes only on the first page. */
  private async *pages(
    query: AnyQuery,
    id: string,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<Record<string, unknown>[]> {
    let nextToken: string | undefined;
    let decoder: RowDecoder | undefined;
    let rowNumber = 1;
    let first = true;
    do {
      if (signal?.aborted) throw new QueryAbortedError(query.name, undefined, { cause: signal.reason });
      const token = nextToken;
      const page = await this.call(
        () =>
          this.options.client.send(
            new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: this.pageSize, NextToken: token }),
          ),
        signal,
      );
      let rows = page.ResultSet?.Rows ?? [];
      if (first) {
        decoder = athenaRowDecoder(
          query.name,
          query.columns,
          page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [],
        );
        rows = rows.slice(1);
        first = false;
      }
      const decoded = decoder!(rows, rowNumber);
      rowNumber += decoded.length;
      yield decoded;
      nextToken = page.NextToken;
    } while (nextToken);
  }

  private call<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetry(send, this.clock, this.options.retry, signal);
  }
}

function checkReuse(minutes: number | undefined): void {
  if (minutes === undefined || minutes === 0) return;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10_080) {
    throw new Error(`resultReuseMaxAgeMinutes must be an integer from 1 to 10080 (7 days), got ${minutes}`);
  }
}

function checkTimeout(ms: number | undefined): void {
  if (ms === undefined) return;
  if (!Number.isFinite(ms) || ms <= 0)
    throw new Error(`timeoutMs must be a positive number of milliseconds, got ${ms}`);
}
