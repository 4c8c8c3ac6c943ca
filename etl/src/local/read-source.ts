import { checkedView, type EtlStatement, type SourceName } from '@spotify-lake/contract';
import { scanCsvRecords } from './csv-record-scan';
import type { DuckDbSession } from './duckdb-session';
import { EtlInputError } from './errors';
import type { EtlProgressListener } from './progress';
import {
  appendCheckedRowsSql,
  checkedViewSql,
  createCheckedRowsTableSql,
  createMalformedRowsTableSql,
  createTrailingFieldsTableSql,
  malformedRawViewSql,
  parsedRawViewSql,
  type SourceFile,
} from './raw-source';
import {
  createRecordTablesSql,
  type FileLoad,
  numberFileRecords,
  numberParsedRecords,
  rejectedLines,
} from './record-numbers';
import { flagTrailingFieldRecords } from './trailing-fields';

export interface StagedFile extends SourceFile {
  /** Path relative to the lake folder, e.g. `staging/albums/albums.csv`. */
  readonly relative: string;
  /** The file it is a copy of: what errors name. */
  readonly inputPath: string;
}

/**
 * Streams a source's files through its checks statement into `checked_rows_<source>`, then its malformed
 * records into `malformed_rows_<source>`, and creates the `checked_<source>` view over both. The files are
 * read once: DuckDB parses while the record scan (csv-record-scan) runs on this thread. Returns how many
 * records the view holds.
 */
export async function readSource(
  db: DuckDbSession,
  source: SourceName,
  files: readonly StagedFile[],
  checks: EtlStatement,
  emit: EtlProgressListener = () => undefined,
): Promise<number> {
  await db.run(createTrailingFieldsTableSql(source));
  for (const sql of createRecordTablesSql(source)) await db.run(sql);
  let nextRowId = 0;
  let records = 0;
  let trailingFieldRows = 0;
  for (const [index, file] of files.entries()) {
    emit({
      step: 'read',
      source,
      file: file.relative,
      index: index + 1,
      of: files.length,
      message: `read ${source} ${index + 1}/${files.length}: ${file.relative}`,
    });
    // The record scan runs on this thread while DuckDB parses on its own.
    const scanning = scanCsvRecords(file.path, file.header.columns.length);
    let inserted: number;
    try {
      if (index === 0) for (const sql of createCheckedRowsTableSql(source, checks.sql)) await db.run(sql);
      await db.run(parsedRawViewSql(source, file));
      const [result] = await db.rows(appendCheckedRowsSql(source, checks.sql));
      inserted = Number(result?.Count);
    } catch (error) {
      await scanning.catch(() => undefined);
      const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      // Running out of memory says nothing about the file: it is the caller's setting to raise.
      if (reason.startsWith('Out of Memory')) {
        throw new Error(`DuckDB ran out of memory reading ${file.inputPath}; raise memoryLimit (${reason})`, {
          cause: error,
        });
      }
      throw new EtlInputError({ file: file.inputPath }, `cannot be read as CSV (${reason})`, {
        cause: error,
      });
    }
    const load: FileLoad = {
      file,
      firstRowId: nextRowId,
      inserted,
      scan: await scanning,
      recordsBefore: records,
    };
    const rejected = await rejectedLines(db, source, file.path);
    records += await numberFileRecords(db, source, load, rejected);
    trailingFieldRows += await flagTrailingFieldRecords(db, source, load, rejected);
    nextRowId += inserted;
  }
  await db.run(malformedRawViewSql(source, trailingFieldRows > 0));
  await db.run(createMalformedRowsTableSql(source, checks.sql));
  const numbered = await numberParsedRecords(db, source, records);
  await db.run(checkedViewSql(source, trailingFieldRows > 0, numbered));
  const [row] = await db.rows(`SELECT COUNT(*) AS n FROM ${checkedView(source)}`);
  return Number(row?.n);
}
