import { physicalType, type SourceName } from '@spotify-lake/contract';
import {
  type BaselineOptions,
  type BaselineResult,
  baselineCsvRead,
  runBaseline,
  warehouseJoinSql,
} from './baseline';
import { sqlIdentifier } from './duckdb';

export interface BareJoinOptions extends BaselineOptions {
  /**
   * First keep each source, in file order, in a table, then join the tables: the least any ETL does that
   * must number records and decide over all rows before it writes (no check, dedup or quarantine). What it
   * costs over the bare join is the part of the ETL / bare-join ratio no ETL can remove. Default: false.
   */
  readonly keepInOrder?: boolean;
}

/**
 * The baseline the ETL is compared with: DuckDB reading the same three CSVs as the ETL does (CSV_READER_OPTIONS), an
 * inner join of albums to artists and tracks, and the warehouse columns written as zstd Parquet — no
 * validation, no dedup, no quarantine, no record numbers. Values are TRY_CAST so that bad rows of a
 * generated dataset do not stop it. Returns the rows written and the wall time.
 */
export function runBareJoin(options: BareJoinOptions): Promise<BaselineResult> {
  return runBaseline(options, async (db) => {
    const reads = {} as Record<SourceName, string>;
    for (const source of Object.keys(options.files) as SourceName[]) {
      reads[source] = await baselineCsvRead(source, options.files[source]);
    }
    if (options.keepInOrder) {
      for (const source of Object.keys(reads) as SourceName[]) {
        await db.run(`CREATE TEMP TABLE kept_${source} AS SELECT * FROM ${reads[source]}`);
        reads[source] = `kept_${source}`;
      }
    }
    await db.run('SET preserve_insertion_order = false');
    return warehouseJoinSql(reads, sqlIdentifier, (value, c) => {
      const date = `TRY_CAST(substr(${value}, 1, 10) AS DATE)`;
      if ('derived' in c.from) return `year(${date})`;
      if (c.type === 'date') return date;
      return `TRY_CAST(${value} AS ${physicalType(c.type).duckdb})`;
    });
  });
}
