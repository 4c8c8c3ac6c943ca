import {
  DATA_QUALITY_FAILURE_MODES,
  type DataQualityFailureMode,
  type DataQualityReport,
  duckDbFileLiteral,
  evaluateDataQuality,
  WAREHOUSE_TABLE,
} from '@spotify-lake/contract';
import type { DuckDbSession } from './duckdb-session';

/** What a failed rule does to a local run unless told otherwise: the run fails and publishes nothing, as in prod. */
export const DEFAULT_DATA_QUALITY_FAILURE: DataQualityFailureMode = 'fail';

export const isDataQualityFailureMode = (value: unknown): value is DataQualityFailureMode =>
  (DATA_QUALITY_FAILURE_MODES as readonly unknown[]).includes(value);

/**
 * The warehouse broke a data-quality rule and the failure mode is `fail`: nothing is published, the previous lake
 * stays. Bad input made visible, not a bug: the message names every failed rule and what was observed.
 */
export class DataQualityError extends Error {
  constructor(readonly report: DataQualityReport) {
    const failed = report.results.filter((r) => r.outcome === 'failed');
    super(
      `the warehouse fails ${failed.length} of ${report.results.length} data-quality rules, so nothing was published: ` +
        failed.map((r) => `${r.dqdl} (${r.observedMeaning}: ${r.observed ?? 'none'})`).join('; ') +
        ' (run with --data-quality warn to publish anyway)',
    );
    this.name = 'DataQualityError';
  }
}

/**
 * Evaluates the contract's rules, the ones Glue Data Quality runs in the cloud, on the warehouse file as written:
 * the warehouse view is pointed at the Parquet file first, so the rules see exactly what readers will.
 */
export async function checkDataQuality(
  db: DuckDbSession,
  warehouseFile: string,
  failureMode: DataQualityFailureMode,
): Promise<DataQualityReport> {
  await db.run(`DROP VIEW IF EXISTS ${WAREHOUSE_TABLE}`);
  await db.run(
    `CREATE TEMP VIEW ${WAREHOUSE_TABLE} AS SELECT * FROM read_parquet(${duckDbFileLiteral(warehouseFile)})`,
  );
  return evaluateDataQuality((sql) => db.rows(sql), { failureMode });
}
