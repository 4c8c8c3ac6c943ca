import {
  duckDbFileLiteral,
  QUARANTINE_REASONS,
  type QuarantineReason,
  SOURCE_NAMES,
  type SourceName,
} from '@spotify-lake/contract';
import { type ReasonCounts, zeroReasonCounts } from './manifest';

/** The quarantine's rows per source, per reason, and per both. */
export interface QuarantineCounts {
  bySource: Record<SourceName, number>;
  byReason: ReasonCounts;
  bySourceAndReason: Record<SourceName, ReasonCounts>;
}

/**
 * Counts the quarantine as written, from its Parquet files (absolute paths), with a DuckDB query runner. Both
 * engines' manifests report these counts, so a summary never says what the files do not hold.
 */
export async function countQuarantine(
  rows: (sql: string) => Promise<Record<string, unknown>[]>,
  files: readonly string[],
): Promise<QuarantineCounts> {
  const bySource = Object.fromEntries(SOURCE_NAMES.map((s) => [s, 0])) as Record<SourceName, number>;
  const byReason = zeroReasonCounts();
  const bySourceAndReason = Object.fromEntries(SOURCE_NAMES.map((s) => [s, zeroReasonCounts()])) as Record<
    SourceName,
    ReasonCounts
  >;
  const grouped = await rows(
    `SELECT source, reason, COUNT(*) AS n FROM read_parquet([${files.map(duckDbFileLiteral).join(', ')}]) GROUP BY source, reason`,
  );
  for (const row of grouped) {
    const source = row.source as SourceName;
    const reason = row.reason as QuarantineReason;
    if (!SOURCE_NAMES.includes(source) || !QUARANTINE_REASONS.includes(reason)) {
      throw new Error(
        `quarantine holds an unknown source or reason: ${String(row.source)}/${String(row.reason)}`,
      );
    }
    const n = Number(row.n);
    bySource[source] += n;
    byReason[reason] += n;
    bySourceAndReason[source][reason] += n;
  }
  return { bySource, byReason, bySourceAndReason };
}
