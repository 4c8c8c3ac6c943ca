import { basename } from 'node:path';
import type { SourceName } from '@spotify-lake/contract';
import type { RecordScan } from './csv-record-scan';
import type { DuckDbSession } from './duckdb-session';
import {
  checkedRowsTable,
  PARSED_RECORD_COLUMN,
  rejectedRecordsTable,
  rejectsScanTable,
  rejectsTable,
  type SourceFile,
} from './raw-source';
import { sqlString } from './sql-text';

/**
 * Numbers a source's records as the contract does (`record` in packages/contract/src/quarantine.ts): the 1-based
 * position among all records of the source, its files in name order, malformed records included; the header and
 * empty lines are not records. The Glue job numbers them the same way on Spark.
 *
 * DuckDB gives the parsed rows of a file in order (rowid) and the rejected ones with their line (records and empty
 * lines counted from the header as line 1). The record scan (csv-record-scan) knows the empty lines, so a rejected
 * line is a position in the file, and the parsed rows fill the positions in between, in order:
 * - `rejected_records_<source>` (file_path, line, record): the record of each rejected line;
 * - the parsed rows' records, the others in order, go into a column of the checked rows table (`_parsed_record`),
 *   once every file is read. A join in the checked view instead would run again for every statement that reads it:
 *   an ASOF join on a shift table cost 1-1.5 s at 1x and doubled the peak RSS; a POSITIONAL JOIN made the scans
 *   that follow it single-threaded (the warehouse write took 0.7 s more); the column costs one UPDATE (~0.1 s).
 */

export function createRecordTablesSql(source: SourceName): string[] {
  return [
    `CREATE TEMP TABLE ${rejectedRecordsTable(source)} (file_path VARCHAR, line BIGINT, record BIGINT)`,
  ];
}

/**
 * Once every file is read: the parsed rows' records, unless they are simply 1, 2, 3... (no record was rejected), in
 * which case the rows are numbered `rowid + 1` and nothing is added. Returns whether the column was added.
 */
export async function numberParsedRecords(
  db: DuckDbSession,
  source: SourceName,
  records: number,
): Promise<boolean> {
  const [rejected] = await db.rows(`SELECT COUNT(*) AS n FROM ${rejectedRecordsTable(source)}`);
  if (Number(rejected?.n) === 0) return false;
  const rows = checkedRowsTable(source);
  // The records not rejected, in order: the k-th is the k-th parsed row's.
  const parsed = `SELECT row_number() OVER (ORDER BY r) - 1 AS row_id, r AS record FROM range(1, ${records + 1}) t(r)
    WHERE r NOT IN (SELECT record FROM ${rejectedRecordsTable(source)})`;
  await db.run(`ALTER TABLE ${rows} ADD COLUMN ${PARSED_RECORD_COLUMN} BIGINT`);
  await db.run(
    `UPDATE ${rows} SET ${PARSED_RECORD_COLUMN} = p.record FROM (${parsed}) p WHERE ${rows}.rowid = p.row_id`,
  );
  const [missing] = await db.rows(`SELECT COUNT(*) AS n FROM ${rows} WHERE ${PARSED_RECORD_COLUMN} IS NULL`);
  if (Number(missing?.n) !== 0)
    throw new Error(`${source}: ${Number(missing?.n)} parsed rows got no record number (a bug)`);
  return true;
}

/** Where one file's parsed rows landed, and what the scan found in it. */
export interface FileLoad {
  readonly file: SourceFile;
  /** rowid of the file's first parsed row in the checked rows table. */
  readonly firstRowId: number;
  /** Parsed rows DuckDB inserted for the file. */
  readonly inserted: number;
  readonly scan: RecordScan;
  /** Records of the source's files before this one. */
  readonly recordsBefore: number;
}

/** The two readers count records differently: the runner stops rather than guess. */
export function readersDisagree(path: string, problem: string): Error {
  return new Error(`the CSV readers disagree on ${basename(path)} (${problem}); please report this file`);
}

/** The lines DuckDB rejected in a file, each once, in order. */
export async function rejectedLines(db: DuckDbSession, source: SourceName, path: string): Promise<number[]> {
  const rows = await db.rows(
    `SELECT DISTINCT r.line FROM ${rejectsTable(source)} r JOIN ${rejectsScanTable(source)} s USING (scan_id)
     WHERE s.file_path = ${sqlString(path)} ORDER BY r.line`,
  );
  return rows.map((row) => Number(row.line));
}

/**
 * Records a file's record numbers in the two tables. `rejected` are the lines DuckDB rejected in it. Returns the
 * file's records, which must be what DuckDB parsed plus what it rejected.
 */
export async function numberFileRecords(
  db: DuckDbSession,
  source: SourceName,
  load: FileLoad,
  rejected: readonly number[],
): Promise<number> {
  const { scan, inserted, recordsBefore } = load;
  const path = load.file.path;
  if (scan.records !== inserted + rejected.length) {
    throw readersDisagree(
      path,
      `${scan.records} records scanned, ${inserted} parsed + ${rejected.length} rejected`,
    );
  }
  let emptyBefore = 0;
  const positions = rejected.map((line) => {
    while (emptyBefore < scan.emptyLines.length && scan.emptyLines[emptyBefore]! < line) emptyBefore++;
    return line - 1 - emptyBefore;
  });
  positions.forEach((position, j) => {
    if (position < 1 || position > scan.records || (j > 0 && position <= positions[j - 1]!)) {
      throw readersDisagree(path, `rejected line ${rejected[j]} is not a record of the file`);
    }
  });

  if (positions.length > 0) {
    const rows = positions.map(
      (position, j) => `(${sqlString(path)}, ${rejected[j]}, ${recordsBefore + position})`,
    );
    await db.run(`INSERT INTO ${rejectedRecordsTable(source)} VALUES ${rows.join(', ')}`);
  }
  return scan.records;
}
