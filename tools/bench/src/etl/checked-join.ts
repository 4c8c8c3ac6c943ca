import { readFile } from 'node:fs/promises';
import {
  checkedView,
  DUCKDB_SHIMS,
  parseEtlSql,
  physicalType,
  RAW_VIEW_COLUMNS,
  rawView,
  SOURCE_NAMES,
  SOURCES,
  type SourceName,
  typedValueColumn,
} from '@spotify-lake/contract';
import { DUCKDB_SETTINGS, ETL_SQL_PATH } from '@spotify-lake/etl';
import {
  type BaselineOptions,
  type BaselineResult,
  baselineCsvRead,
  runBaseline,
  warehouseJoinSql,
} from './baseline';
import { sqlIdentifier } from './duckdb';

/** Each source's checks statement (`checked_<source>`), as the ETL reads it from its SQL file. */
async function loadChecks(): Promise<Record<SourceName, string>> {
  const statements = parseEtlSql(await readFile(ETL_SQL_PATH, 'utf8'));
  const checks = {} as Record<SourceName, string>;
  for (const source of SOURCE_NAMES) {
    const statement = statements.find((s) => s.name === checkedView(source));
    if (!statement) throw new Error(`the ETL SQL has no ${checkedView(source)} statement`);
    checks[source] = statement.sql;
  }
  return checks;
}

/** The raw view's record columns of a parsed record, unnumbered (NULL), as the ETL's raw view has them. */
const [RECORD, RAW_LINE, PARSE_ERROR] = RAW_VIEW_COLUMNS;
const UNNUMBERED_RECORD_COLUMNS = `CAST(NULL AS BIGINT) AS ${RECORD}, CAST(NULL AS VARCHAR) AS ${RAW_LINE}, CAST(NULL AS VARCHAR) AS ${PARSE_ERROR}`;

/**
 * The least an ETL that checks values and drops duplicate keys does, as one streaming query: the bare join
 * with every source read through the ETL SQL's own checks statement (`checked_<source>`), bad rows
 * dropped, and one row kept per key. It keeps an arbitrary row of each key (no record numbers, so no file
 * order) and writes no quarantine: it loses rows the ETL must keep. Its time over the bare join's is what
 * the checks and the dedup cost before anything is kept for the quarantine or numbered.
 */
export async function runCheckedJoin(options: BaselineOptions): Promise<BaselineResult> {
  const checks = await loadChecks();
  return runBaseline(options, async (db) => {
    for (const sql of [...DUCKDB_SHIMS, ...DUCKDB_SETTINGS]) await db.run(sql);
    await db.run('SET preserve_insertion_order = false');
    const accepted = {} as Record<SourceName, string>;
    for (const source of Object.keys(options.files) as SourceName[]) {
      const fields = SOURCES[source].fields.map((f) => sqlIdentifier(f.name));
      const read = await baselineCsvRead(source, options.files[source]);
      await db.run(
        `CREATE TEMP VIEW ${rawView(source)} AS SELECT ${UNNUMBERED_RECORD_COLUMNS}, ${fields.join(', ')} FROM ${read}`,
      );
      await db.run(`CREATE TEMP VIEW ${checkedView(source)} AS\n${checks[source]}`);
      const key = SOURCES[source].key.map(typedValueColumn).join(', ');
      accepted[source] = `(SELECT DISTINCT ON (${key}) * FROM ${checkedView(source)} WHERE _detail IS NULL)`;
    }
    return warehouseJoinSql(accepted, typedValueColumn, (value, c) => {
      const expression = 'derived' in c.from ? `year(${value})` : value;
      return `CAST(${expression} AS ${physicalType(c.type).duckdb})`;
    });
  });
}
