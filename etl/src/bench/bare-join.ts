import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { physicalType, SOURCES, type SourceName, WAREHOUSE_COLUMNS } from '@spotify-lake/contract';
import { readCsvHeader } from '../local/csv-header';
import { openDuckDb } from '../local/duckdb-session';
import { matchHeader } from '../local/header-match';
import { CSV_READER_OPTIONS } from '../local/raw-source';
import { sqlIdentifier, sqlString } from '../local/sql-text';

export interface BareJoinOptions {
  readonly files: Record<SourceName, string>;
  readonly outDir: string;
  readonly threads: number;
  readonly memoryLimit: string;
  /**
   * First keep each source, in file order, in a table, then join the tables: the least any ETL does that
   * must number records and decide over all rows before it writes (no check, dedup or quarantine). What it
   * costs over the bare join is the part of the ETL / bare-join ratio no transform can remove. Default: false.
   */
  readonly keepInOrder?: boolean;
}

/**
 * How the baselines read a source: as the ETL does (CSV_READER_OPTIONS, every column as text), except
 * that records the parser cannot split are skipped rather than kept with their line (`ignore_errors`).
 */
export async function baselineCsvRead(source: SourceName, file: string): Promise<string> {
  const { columns } = matchHeader(source, file, await readCsvHeader(file));
  const types = columns.map((c, i) => `${sqlString(c ?? `_ignored_${i}`)}: 'VARCHAR'`).join(', ');
  return `read_csv(${sqlString(file)}, ${CSV_READER_OPTIONS.join(', ')}, ignore_errors = true, columns = {${types}})`;
}

/** Join keys of the baseline: the contract's foreign keys of the fact source. */
const ALIAS: Record<SourceName, string> = { albums: 'a', artists: 'ar', tracks: 't' };

/**
 * The baseline the ETL is compared with: DuckDB reading the same three CSVs as the ETL does (CSV_READER_OPTIONS), an
 * inner join of albums to artists and tracks, and the warehouse columns written as zstd Parquet — no
 * validation, no dedup, no quarantine, no record numbers. Values are TRY_CAST so that bad rows of a
 * generated dataset do not stop it. Returns the rows written and the wall time.
 */
export async function runBareJoin(
  options: BareJoinOptions,
): Promise<{ rows: number; ms: number; bytes: number }> {
  const started = performance.now();
  await mkdir(options.outDir, { recursive: true });
  const db = await openDuckDb({
    threads: options.threads,
    memoryLimit: options.memoryLimit,
    tempDirectory: options.outDir,
  });
  try {
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
    const albums = SOURCES.albums;
    const joins = albums.foreignKeys.map((fk) => {
      const dim = fk.references.source;
      return `JOIN ${reads[dim]} ${ALIAS[dim]} ON ${ALIAS[dim]}.${fk.references.field} = ${ALIAS.albums}.${fk.field}`;
    });
    const columns = WAREHOUSE_COLUMNS.map((c) => {
      const value = `${ALIAS[c.from.source]}.${sqlIdentifier(c.from.field)}`;
      const date = `TRY_CAST(substr(${value}, 1, 10) AS DATE)`;
      if ('derived' in c.from) return `year(${date}) AS ${c.name}`;
      if (c.type === 'date') return `${date} AS ${c.name}`;
      return `TRY_CAST(${value} AS ${physicalType(c.type).duckdb}) AS ${c.name}`;
    });
    const out = join(options.outDir, 'part-00000.parquet');
    const [result] = await db.rows(
      `COPY (SELECT ${columns.join(', ')} FROM ${reads.albums} ${ALIAS.albums} ${joins.join(' ')}) ` +
        `TO ${sqlString(out)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    return { rows: Number(result?.Count), ms: performance.now() - started, bytes: (await stat(out)).size };
  } finally {
    db.close();
  }
}
