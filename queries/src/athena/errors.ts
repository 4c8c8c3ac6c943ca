import type { AthenaError } from '@aws-sdk/client-athena';

/** Athena reported the query FAILED; `reason` is Athena's StateChangeReason. */
export class AthenaQueryFailedError extends Error {
  override readonly name = 'AthenaQueryFailedError';
  constructor(
    readonly query: string,
    readonly queryExecutionId: string,
    readonly reason: string,
    readonly athenaError: AthenaError | undefined,
  ) {
    super(`query "${query}" failed on Athena (execution ${queryExecutionId}): ${reason}`);
  }
}

/** The query was CANCELLED on Athena's side (by someone else, or by a workgroup's data limit). */
export class AthenaQueryCancelledError extends Error {
  override readonly name = 'AthenaQueryCancelledError';
  constructor(
    readonly query: string,
    readonly queryExecutionId: string,
    readonly reason: string,
  ) {
    super(`query "${query}" was cancelled on Athena (execution ${queryExecutionId}): ${reason}`);
  }
}
