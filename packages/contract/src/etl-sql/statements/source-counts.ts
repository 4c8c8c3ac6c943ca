import type { DataContract } from '../../data-contract';
import { SOURCE_COUNTS_VIEW } from '../names';
import type { EtlStatement } from '../statement';
import { finalView } from './fact-and-dimensions';

/** Rows read and accepted per source, for the run manifest. */
export function sourceCountsStatement(contract: DataContract): EtlStatement {
  const selects = contract.sources.map(
    (spec) =>
      `SELECT '${spec.name}' AS source, COUNT(*) AS rows_read, COUNT(CASE WHEN _reason IS NULL THEN 1 END) AS accepted FROM ${finalView(spec)}`,
  );
  return { name: SOURCE_COUNTS_VIEW, sql: selects.join('\nUNION ALL\n'), materialize: false };
}
