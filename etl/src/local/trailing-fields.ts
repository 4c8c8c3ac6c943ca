import { basename } from 'node:path';
import { originalText, SOURCES, type SourceName } from '@spotify-lake/contract';
import { parseCsvRecord } from './csv-header';
import type { RecordScan } from './csv-record-scan';
import type { DuckDbSession } from './duckdb-session';
import {
  checkedRowsTable,
  rejectsScanTable,
  rejectsTable,
  type SourceFile,
  trailingFieldsTable,
} from './raw-source';
import { sqlString } from './sql-text';

/** Where one file's parsed rows landed in the checked rows table. */
export interface FileLoad {
  readonly file: SourceFile;
  /** rowid of the file's first parsed row in the checked rows table. */
  readonly firstRowId: number;
  /** Parsed rows DuckDB inserted for the file. */
  readonly inserted: number;
  readonly scan: RecordScan;
}

/**
 * Finds the records with extra empty fields (which DuckDB accepts, dropping the fields) among a file's
 * checked rows and lists them in the trailing fields table, which moves them to the malformed rows.
 * DuckDB does not say where a parsed row came from, so the row is located by order: the n-th record of
 * the file that DuckDB did not reject. The located row's text as read must be exactly the record's values,
 * and the two readers must agree on the file's record count; otherwise the runner stops rather than
 * guess. Returns how many rows were listed.
 */
export async function flagTrailingFieldRecords(
  db: DuckDbSession,
  source: SourceName,
  load: FileLoad,
): Promise<number> {
  const found = load.scan.trailingFieldRecords;
  if (found.length === 0) return 0;
  const rejectedLines = (
    await db.rows(
      `SELECT DISTINCT r.line FROM ${rejectsTable(source)} r JOIN ${rejectsScanTable(source)} s USING (scan_id)
       WHERE s.file_path = ${sqlString(load.file.path)} ORDER BY r.line`,
    )
  ).map((row) => Number(row.line));
  const disagree = (problem: string) =>
    new Error(
      `the CSV readers disagree on ${basename(load.file.path)} (${problem}); please report this file`,
    );
  if (load.scan.records !== load.inserted + rejectedLines.length) {
    throw disagree(
      `${load.scan.records} records scanned, ${load.inserted} parsed + ${rejectedLines.length} rejected`,
    );
  }

  const located = found
    .filter((record) => !rejectedLines.includes(record.line))
    .map((record) => {
      const rejectedBefore = rejectedLines.filter((l) => l < record.line).length;
      return { record, rowId: load.firstRowId + record.recordsBefore - rejectedBefore };
    });
  if (located.length === 0) return 0;

  const fields = SOURCES[source].fields.map((f) => `${originalText(SOURCES[source], f, 'c')} AS ${f.name}`);
  const parsed = new Map(
    (
      await db.rows(
        `SELECT rowid AS row_id, ${fields.join(', ')} FROM ${checkedRowsTable(source)} c WHERE rowid IN (${located.map((l) => l.rowId).join(', ')})`,
      )
    ).map((row) => [Number(row.row_id), row]),
  );
  const rows: string[] = [];
  for (const { record, rowId } of located) {
    const values = parseCsvRecord(record.text) ?? [];
    const row = parsed.get(rowId);
    const matches = load.file.header.columns.every((field, position) => {
      if (field === undefined) return true;
      const value = values[position] ?? '';
      return row?.[field] === (value === '' ? null : value);
    });
    if (!matches) throw disagree(`line ${record.line} is not parsed row ${rowId + 1}`);
    const problem = `${basename(load.file.path)} line ${record.line}: TOO MANY COLUMNS: Expected Number of Columns: ${load.file.header.columns.length} Found: ${record.fieldCount} (the extra fields are empty)`;
    rows.push(`(${rowId}, ${record.line}, ${sqlString(record.text)}, ${sqlString(problem)})`);
  }
  if (rows.length > 0) await db.run(`INSERT INTO ${trailingFieldsTable(source)} VALUES ${rows.join(', ')}`);
  return rows.length;
}
