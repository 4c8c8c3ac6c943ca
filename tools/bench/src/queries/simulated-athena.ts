import {
  type AthenaClient,
  type ColumnInfo,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type Row,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type { Clock } from '@spotify-lake/queries';

/**
 * An in-memory stand-in for Athena's API, driven by a clock: a query takes `durationMs` from its start, and its
 * result is served from `pages` (header row first). It counts calls and records when the runner saw the end.
 */
export interface SimulatedAthena {
  readonly client: AthenaClient;
  readonly calls: { start: number; status: number; results: number; stop: number };
  /** Clock time at which a status call first returned SUCCEEDED. */
  readonly seenDoneAt: () => number | undefined;
  readonly finishedAt: () => number | undefined;
}

export function simulatedAthena(
  clock: Clock,
  durationMs: number,
  columns: ColumnInfo[],
  pages: readonly Row[][],
): SimulatedAthena {
  const calls = { start: 0, status: 0, results: 0, stop: 0 };
  let startedAt: number | undefined;
  let seenDoneAt: number | undefined;
  const send = async (command: unknown): Promise<unknown> => {
    if (command instanceof StartQueryExecutionCommand) {
      calls.start++;
      startedAt = clock.now();
      return { QueryExecutionId: 'sim-1' };
    }
    if (command instanceof GetQueryExecutionCommand) {
      calls.status++;
      const done = startedAt !== undefined && clock.now() >= startedAt + durationMs;
      if (done && seenDoneAt === undefined) seenDoneAt = clock.now();
      return {
        QueryExecution: {
          QueryExecutionId: 'sim-1',
          Status: { State: done ? 'SUCCEEDED' : 'RUNNING' },
          Statistics: done
            ? {
                DataScannedInBytes: 42 * 2 ** 20,
                EngineExecutionTimeInMillis: durationMs,
                QueryQueueTimeInMillis: 0,
              }
            : undefined,
        },
      };
    }
    if (command instanceof GetQueryResultsCommand) {
      calls.results++;
      const index = command.input.NextToken ? Number(command.input.NextToken) : 0;
      return {
        ResultSet: { Rows: pages[index], ResultSetMetadata: { ColumnInfo: columns } },
        NextToken: index + 1 < pages.length ? String(index + 1) : undefined,
      };
    }
    if (command instanceof StopQueryExecutionCommand) {
      calls.stop++;
      return {};
    }
    throw new Error(`simulated Athena does not handle ${String(command)}`);
  };
  return {
    client: { send } as unknown as AthenaClient,
    calls,
    seenDoneAt: () => seenDoneAt,
    finishedAt: () => (startedAt === undefined ? undefined : startedAt + durationMs),
  };
}
