import type { ColumnInfo, GetQueryResultsCommandOutput, Row } from '@aws-sdk/client-athena';
import { InvalidRequestException, TooManyRequestsException } from '@aws-sdk/client-athena';

/** ColumnInfo as Athena returns it for a SELECT (CatalogName hive, Nullable UNKNOWN). */
export function columnInfo(name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo {
  const precision: Record<string, number> = {
    varchar: 2147483647,
    integer: 10,
    bigint: 19,
    double: 17,
    date: 0,
    boolean: 0,
  };
  return {
    CatalogName: 'hive',
    SchemaName: '',
    TableName: '',
    Name: name,
    Label: name,
    Type: type,
    Precision: precision[type] ?? 0,
    Scale: 0,
    Nullable: 'UNKNOWN',
    CaseSensitive: type === 'varchar',
    ...extra,
  };
}

/** A result row: `null` is SQL NULL (Athena leaves VarCharValue out). */
export function row(values: ReadonlyArray<string | null>): Row {
  return { Data: values.map((v) => (v === null ? {} : { VarCharValue: v })) };
}

/**
 * GetQueryResults pages as Athena sends them: ResultSetMetadata on every page, the header row only on the first,
 * NextToken on all but the last.
 */
export function resultPages(
  columns: ColumnInfo[],
  pages: ReadonlyArray<ReadonlyArray<ReadonlyArray<string | null>>>,
): GetQueryResultsCommandOutput[] {
  return pages.map((rows, i) => ({
    $metadata: { httpStatusCode: 200, requestId: `req-${i}` },
    UpdateCount: 0,
    ResultSet: {
      Rows: [...(i === 0 ? [row(columns.map((c) => c.Name ?? ''))] : []), ...rows.map(row)],
      ResultSetMetadata: { ColumnInfo: columns },
    },
    NextToken: i < pages.length - 1 ? `token-${i + 1}` : undefined,
  }));
}

export function execution(
  id: string,
  state: string,
  extra: {
    reason?: string;
    scanned?: number;
    engineMs?: number;
    queueMs?: number;
    reused?: boolean;
    error?: object;
  } = {},
) {
  return {
    $metadata: { httpStatusCode: 200 },
    QueryExecution: {
      QueryExecutionId: id,
      StatementType: 'DML' as const,
      Status: {
        State: state as 'QUEUED',
        StateChangeReason: extra.reason,
        SubmissionDateTime: new Date('2026-01-01T00:00:00Z'),
        AthenaError: extra.error,
      },
      Statistics: {
        DataScannedInBytes: extra.scanned ?? 0,
        EngineExecutionTimeInMillis: extra.engineMs ?? 0,
        QueryQueueTimeInMillis: extra.queueMs ?? 0,
        TotalExecutionTimeInMillis: (extra.engineMs ?? 0) + (extra.queueMs ?? 0),
        ResultReuseInformation: { ReusedPreviousResult: extra.reused ?? false },
      },
      WorkGroup: 'spotify-lake',
    },
  };
}

export const throttled = () =>
  new TooManyRequestsException({
    message: 'Rate exceeded',
    $metadata: { httpStatusCode: 400 },
    Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED',
  });

export const invalidRequest = (message: string) =>
  new InvalidRequestException({
    message,
    $metadata: { httpStatusCode: 400 },
    AthenaErrorCode: 'INVALID_INPUT',
  });

export function throttlingException(): Error {
  const error = new Error('Rate exceeded') as Error & { $metadata: object; $retryable: object };
  error.name = 'ThrottlingException';
  error.$metadata = { httpStatusCode: 400 };
  error.$retryable = { throttling: true };
  return error;
}
