import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkedView,
  DUCKDB_SETTINGS,
  DUCKDB_SHIMS,
  physicalType,
  RAW_VIEW_COLUMNS,
  rawView,
  SOURCES,
  type SourceName,
  typedValueColumn,
  WAREHOUSE_COLUMNS,
} from '@spotify-lake/contract';
import { openDuckDb } from '../local/duckdb-session';
import { splitChecks } from '../local/run-etl';
import { sqlIdentifier, sqlString } from '../local/sql-text';
import { loadTransform, TRANSFORM_SQL_PATH } from '../local/transform-file';
import { baselineCsvRead } from './bare-join';

export interface CheckedJoinOptions {
  readonly files: Record<SourceName, string>;
  readonly outDir: string;
  readonly threads: number;
  readonly memoryLimit: string;
}

const ALIAS: Record<SourceName, string> = { albums: 'a', artists: 'ar', tracks: 't' };

/**
 * The least an ETL that checks values and drops duplicate keys does, as one streaming query: the bare join
 * with every source read through the transform's own checks statement (`checked_<source>`), bad rows
 * dropped, and one row kept per key. It keeps an arbitrary row of each key (no record numbers, so no file
 * order) and writes no quarantine: it loses rows the ETL must keep. Its time over the bare join's is what
 * the checks and the dedup cost before anything is kept for the quarantine or numbered.
 */
export async function runCheckedJoin(
  options: CheckedJoinOptions,
): Promise<{ rows: number; ms: number; bytes: number }> {
  const started = performance.now();
  await mkdir(options.outDir, { recursive: true });
  const { checks } = splitChecks(await loadTransform(TRANSFORM_SQL_PATH));
  const db = await openDuckDb({
    threads: options.threads,
    memoryLimit: options.memoryLimit,
    tempDirectory: options.outDir,
  });
  try {
    for (const sql of [...DUCKDB_SHIMS, ...DUCKDB_SETTINGS]) await db.run(sql);
    await db.run('SET preserve_insertion_order = false');
    const accepted = {} as Record<SourceName, string>;
    for (const source of Object.keys(options.files) as SourceName[]) {
      const fields = SOURCES[source].fields.map((f) => sqlIdentifier(f.name));
      const recordColumns = RAW_VIEW_COLUMNS.map(
        (c, i) => `CAST(NULL AS ${i === 0 ? 'BIGINT' : 'VARCHAR'}) AS ${c}`,
      );
      const read = await baselineCsvRead(source, options.files[source]);
      await db.run(
        `CREATE TEMP VIEW ${rawView(source)} AS SELECT ${[...recordColumns, ...fields].join(', ')} FROM ${read}`,
      );
      await db.run(`CREATE TEMP VIEW ${checkedView(source)} AS\n${checks[source].sql}`);
      const key = SOURCES[source].key.map(typedValueColumn).join(', ');
      accepted[source] = `(SELECT DISTINCT ON (${key}) * FROM ${checkedView(source)} WHERE _detail IS NULL)`;
    }
    const fact = SOURCES.albums;
    // Referenced rows on the right: the side DuckDB builds from under DUCKDB_SETTINGS, as in the transform.
    const joins = fact.foreignKeys.map((fk) => {
      const dim = fk.references.source;
      const on = `${ALIAS[dim]}.${typedValueColumn(fk.references.field)} = ${ALIAS.albums}.${typedValueColumn(fk.field)}`;
      return `JOIN ${accepted[dim]} ${ALIAS[dim]} ON ${on}`;
    });
    const columns = WAREHOUSE_COLUMNS.map((c) => {
      const value = `${ALIAS[c.from.source]}.${typedValueColumn(c.from.field)}`;
      const expression = 'derived' in c.from ? `year(${value})` : value;
      return `CAST(${expression} AS ${physicalType(c.type).duckdb}) AS ${c.name}`;
    });
    const out = join(options.outDir, 'part-00000.parquet');
    const [result] = await db.rows(
      `COPY (SELECT ${columns.join(', ')} FROM ${accepted.albums} ${ALIAS.albums} ${joins.join(' ')}) ` +
        `TO ${sqlString(out)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    return { rows: Number(result?.Count), ms: performance.now() - started, bytes: (await stat(out)).size };
  } finally {
    db.close();
  }
}
