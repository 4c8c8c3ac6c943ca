import { basename } from 'node:path';
import { originalText, SOURCES, type SourceName } from '@spotify-lake/contract';
import { parseCsvRecord } from './csv-header';
import type { DuckDbSession } from './duckdb-session';
import { checkedRowsTable, trailingFieldsTable } from './raw-source';
import { type FileLoad, readersDisagree } from './record-numbers';
import { sqlString } from './sql-text';

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
  rejectedLines: readonly number[],
): Promise<number> {
  const found = load.scan.trailingFieldRecords;
  if (found.length === 0) return 0;
  const disagree = (problem: string) => readersDisagree(load.file.path, problem);

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
    // Its record number: its position among the source's records (record-numbers.ts).
    const number = load.recordsBefore + record.recordsBefore + 1;
    rows.push(`(${rowId}, ${number}, ${sqlString(record.text)}, ${sqlString(problem)})`);
  }
  if (rows.length > 0) await db.run(`INSERT INTO ${trailingFieldsTable(source)} VALUES ${rows.join(', ')}`);
  return rows.length;
}
