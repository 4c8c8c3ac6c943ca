import type { QueryExecutionStatistics } from '@aws-sdk/client-athena';
import type { QueryStatistics } from '../runner/types';

/** Athena's price: $5 per TB scanned (TB = 2^40 bytes), each query billed at least 10 MB, rounded up to the MB. */
export const PRICE_PER_TB_USD = 5;
const MB = 2 ** 20;
const TB = 2 ** 40;
const MINIMUM_BILLED_BYTES = 10 * MB;

export function scanCostUsd(dataScannedBytes: number, reusedPreviousResult = false): number {
  // A reused result scans nothing and is not billed.
  if (reusedPreviousResult) return 0;
  const billed = Math.max(MINIMUM_BILLED_BYTES, Math.ceil(dataScannedBytes / MB) * MB);
  return (billed / TB) * PRICE_PER_TB_USD;
}

export function athenaStatistics(
  queryExecutionId: string,
  statistics: QueryExecutionStatistics | undefined,
  rowCount: number,
): QueryStatistics {
  const scanned = statistics?.DataScannedInBytes ?? 0;
  const reused = statistics?.ResultReuseInformation?.ReusedPreviousResult ?? false;
  return {
    engine: 'athena',
    queryExecutionId,
    dataScannedBytes: scanned,
    engineExecutionTimeMs: statistics?.EngineExecutionTimeInMillis ?? 0,
    queueTimeMs: statistics?.QueryQueueTimeInMillis ?? 0,
    totalExecutionTimeMs: statistics?.TotalExecutionTimeInMillis ?? 0,
    costUsd: scanCostUsd(scanned, reused),
    reusedPreviousResult: reused,
    rowCount,
  };
}
