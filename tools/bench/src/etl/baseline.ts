import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  duckDbFileLiteral,
  SOURCES,
  type SourceName,
  WAREHOUSE_COLUMNS,
  type WarehouseColumn,
} from '@spotify-lake/contract';
import {
  CSV_READER_OPTIONS,
  type DuckDbSession,
  matchHeader,
  openDuckDb,
  readCsvHeader,
} from '@spotify-lake/etl';
import { sqlString } from './duckdb';

/** What every baseline the ETL is compared with is given: the same CSVs and DuckDB settings as the ETL. */
export interface BaselineOptions {
  readonly files: Record<SourceName, string>;
  readonly outDir: string;
  readonly threads: number;
  readonly memoryLimit: string;
}

export interface BaselineResult {
  /** Rows written. */
  readonly rows: number;
  /** Wall time of the whole call, opening DuckDB included, as the ETL's is. */
  readonly ms: number;
  readonly bytes: number;
}

/**
 * How the baselines read a source: as the ETL does (CSV_READER_OPTIONS, every column as text), except
 * that records the parser cannot split are skipped rather than kept with their line (`ignore_errors`).
 */
export async function baselineCsvRead(source: SourceName, file: string): Promise<string> {
  const { columns } = matchHeader(source, file, await readCsvHeader(file));
  const types = columns.map((c, i) => `${sqlString(c ?? `_ignored_${i}`)}: 'VARCHAR'`).join(', ');
  return `read_csv(${duckDbFileLiteral(file)}, ${CSV_READER_OPTIONS.join(', ')}, ignore_errors = true, columns = {${types}})`;
}

const ALIAS: Record<SourceName, string> = { albums: 'a', artists: 'ar', tracks: 't' };

/**
 * The warehouse query of a baseline: albums inner-joined to the sources its foreign keys reference, the
 * referenced ones on the right (the side DuckDB builds from under the local runner's settings).
 * `relations` says what each source is read from; `column` names a field in it, `value` computes a
 * warehouse column from that name.
 */
export function warehouseJoinSql(
  relations: Record<SourceName, string>,
  column: (field: string) => string,
  value: (column: string, spec: WarehouseColumn) => string,
): string {
  const fact = SOURCES.albums;
  const joins = fact.foreignKeys.map((fk) => {
    const dim = fk.references.source;
    const on = `${ALIAS[dim]}.${column(fk.references.field)} = ${ALIAS[fact.name]}.${column(fk.field)}`;
    return `JOIN ${relations[dim]} ${ALIAS[dim]} ON ${on}`;
  });
  const columns = WAREHOUSE_COLUMNS.map(
    (c) => `${value(`${ALIAS[c.from.source]}.${column(c.from.field)}`, c)} AS ${c.name}`,
  );
  return `SELECT ${columns.join(', ')} FROM ${relations[fact.name]} ${ALIAS[fact.name]} ${joins.join(' ')}`;
}

/**
 * Runs a baseline: opens DuckDB as the ETL does, lets `prepare` set it up and return its query, and writes
 * the query's rows as zstd Parquet (`part-00000.parquet` in `outDir`), as the ETL writes the warehouse.
 */
export async function runBaseline(
  options: BaselineOptions,
  prepare: (db: DuckDbSession) => Promise<string>,
): Promise<BaselineResult> {
  const started = performance.now();
  await mkdir(options.outDir, { recursive: true });
  const db = await openDuckDb({
    threads: options.threads,
    memoryLimit: options.memoryLimit,
    tempDirectory: options.outDir,
  });
  try {
    const query = await prepare(db);
    const out = join(options.outDir, 'part-00000.parquet');
    const [result] = await db.rows(`COPY (${query}) TO ${sqlString(out)} (FORMAT parquet, COMPRESSION zstd)`);
    return { rows: Number(result?.Count), ms: performance.now() - started, bytes: (await stat(out)).size };
  } finally {
    db.close();
  }
}
