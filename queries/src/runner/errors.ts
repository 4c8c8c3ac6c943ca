/** Errors shared by both runners. Each names the query so logs of a service running many stay readable. */

/** The caller's AbortSignal fired; the query was stopped (Athena: StopQueryExecution was called). */
export class QueryAbortedError extends Error {
  override readonly name = 'QueryAbortedError';
  constructor(
    readonly query: string,
    readonly queryExecutionId: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `query "${query}" was aborted${queryExecutionId ? ` (execution ${queryExecutionId} stopped)` : ''}`,
      options,
    );
  }
}

/** The query ran longer than its timeout and was stopped. */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
  constructor(
    readonly query: string,
    readonly queryExecutionId: string | undefined,
    readonly timeoutMs: number,
  ) {
    super(
      `query "${query}" did not finish within ${timeoutMs} ms${queryExecutionId ? `; execution ${queryExecutionId} stopped` : ''}`,
    );
  }
}

/** The engine returned columns other than the query declares (a changed table, a stale deployment). */
export class ColumnDriftError extends Error {
  override readonly name = 'ColumnDriftError';
  constructor(
    readonly query: string,
    readonly expected: readonly string[],
    readonly actual: readonly string[],
  ) {
    super(
      `query "${query}" returned columns other than declared:\n  expected: ${expected.join(', ')}\n  returned: ${actual.join(', ')}`,
    );
  }
}

/** A returned value does not fit its declared column (a NULL in a non-nullable column, a bad number). */
export class ResultValueError extends Error {
  override readonly name = 'ResultValueError';
  constructor(
    readonly query: string,
    readonly column: string,
    readonly row: number,
    detail: string,
  ) {
    super(`query "${query}", row ${row}, column "${column}": ${detail}`);
  }
}
