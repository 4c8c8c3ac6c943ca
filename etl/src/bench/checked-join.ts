import {
  checkedView,
  DUCKDB_SHIMS,
  physicalType,
  rawView,
  SOURCES,
  type SourceName,
  typedValueColumn,
} from '@spotify-lake/contract';
import { DUCKDB_SETTINGS } from '../local/duckdb-settings';
import { ETL_SQL_PATH, loadEtlSql } from '../local/etl-sql-file';
import { unnumberedRecordColumns } from '../local/raw-source';
import { splitChecks } from '../local/run-etl';
import { sqlIdentifier } from '../local/sql-text';
import {
  type BaselineOptions,
  type BaselineResult,
  baselineCsvRead,
  runBaseline,
  warehouseJoinSql,
} from './baseline';

/**
 * The least an ETL that checks values and drops duplicate keys does, as one streaming query: the bare join
 * with every source read through the transform's own checks statement (`checked_<source>`), bad rows
 * dropped, and one row kept per key. It keeps an arbitrary row of each key (no record numbers, so no file
 * order) and writes no quarantine: it loses rows the ETL must keep. Its time over the bare join's is what
 * the checks and the dedup cost before anything is kept for the quarantine or numbered.
 */
export async function runCheckedJoin(options: BaselineOptions): Promise<BaselineResult> {
  const { checks } = splitChecks(await loadEtlSql(ETL_SQL_PATH));
  return runBaseline(options, async (db) => {
    for (const sql of [...DUCKDB_SHIMS, ...DUCKDB_SETTINGS]) await db.run(sql);
    await db.run('SET preserve_insertion_order = false');
    const accepted = {} as Record<SourceName, string>;
    for (const source of Object.keys(options.files) as SourceName[]) {
      const fields = SOURCES[source].fields.map((f) => sqlIdentifier(f.name));
      const read = await baselineCsvRead(source, options.files[source]);
      await db.run(
        `CREATE TEMP VIEW ${rawView(source)} AS SELECT ${unnumberedRecordColumns()}, ${fields.join(', ')} FROM ${read}`,
      );
      await db.run(`CREATE TEMP VIEW ${checkedView(source)} AS\n${checks[source].sql}`);
      const key = SOURCES[source].key.map(typedValueColumn).join(', ');
      accepted[source] = `(SELECT DISTINCT ON (${key}) * FROM ${checkedView(source)} WHERE _detail IS NULL)`;
    }
    return warehouseJoinSql(accepted, typedValueColumn, (value, c) => {
      const expression = 'derived' in c.from ? `year(${value})` : value;
      return `CAST(${expression} AS ${physicalType(c.type).duckdb})`;
    });
  });
}
