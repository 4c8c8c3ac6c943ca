import { basename } from 'node:path';
import {
  checkedView,
  duckDbFileLiteral,
  RAW_VIEW_COLUMNS,
  rawView,
  SOURCES,
  type SourceName,
} from '@spotify-lake/contract';
import type { HeaderMatch } from './header-match';
import { sqlIdentifier, sqlString } from './sql-text';

/**
 * A source's parsed records as its checks wrote them, in file order (`rowid + 1` is the record number),
 * without the record columns, which are the same on every parsed row (`checkedViewSql` adds them back):
 * an in-memory DuckDB table costs per column and row, NULL or not.
 */
export const checkedRowsTable = (source: SourceName) => `checked_rows_${source}`;
/** A source's malformed records as its checks wrote them, with their lines and problems. */
export const malformedRowsTable = (source: SourceName) => `malformed_rows_${source}`;
/** DuckDB's rejects (one row per error; a record can have several) and the scans they came from. */
export const rejectsTable = (source: SourceName) => `rejects_${source}`;
export const rejectsScanTable = (source: SourceName) => `rejects_scan_${source}`;
/** The record of each line DuckDB rejected (record-numbers.ts). */
export const rejectedRecordsTable = (source: SourceName) => `rejected_records_${source}`;
/** The column of the checked rows table that holds a parsed row's record, when it is not `rowid + 1`. */
export const PARSED_RECORD_COLUMN = '_parsed_record';
/** Parsed rows that had extra, empty fields: malformed, though DuckDB accepted them (trailing-fields.ts). */
export const trailingFieldsTable = (source: SourceName) => `trailing_fields_${source}`;

/** DuckDB's read buffer for the input CSVs: above max_line_size (2 MiB), the longest record DuckDB accepts. */
export const CSV_READ_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * How every input CSV is read, here and by the benchmark's bare join (so that the ratio compares like with
 * like): the RFC 4180 dialect, fixed rather than sniffed (sniffing fails on files whose damage is the point
 * of quarantine), and a 4 MiB read buffer. DuckDB hands the scan to its threads by buffer; with the default
 * (16 x max_line_size = 32 MiB), a 72 MB `albums.csv` is three buffers and one thread idles at the end:
 * reading it took 0.9-1.05 s instead of 1.16-1.27 s at 1x (2, 4 and 8 MiB measured alike), and the bare
 * join gains as much.
 */
export const CSV_READER_OPTIONS: readonly string[] = [
  'header = true',
  'auto_detect = false',
  "delim = ','",
  `quote = '"'`,
  `escape = '"'`,
  `buffer_size = ${CSV_READ_BUFFER_BYTES}`,
];

/** One input file of a source and how its header maps to the contract. */
export interface SourceFile {
  readonly path: string;
  readonly header: HeaderMatch;
}

/** Column name given to a file column the contract does not know; never selected. */
const ignoredColumn = (position: number) => `_ignored_${position}`;

/** The raw view's record columns for parsed records, which are numbered later (`checkedViewSql`). */
export function unnumberedRecordColumns(): string {
  const [record, rawLine, parseError] = RAW_VIEW_COLUMNS;
  return `CAST(NULL AS BIGINT) AS ${record}, CAST(NULL AS VARCHAR) AS ${rawLine}, CAST(NULL AS VARCHAR) AS ${parseError}`;
}

/** A source's fields, all NULL: the fields of a record that could not be parsed. */
const nullFields = (source: SourceName) =>
  SOURCES[source].fields.map((f) => `CAST(NULL AS VARCHAR) AS ${f.name}`);

export function createTrailingFieldsTableSql(source: SourceName): string {
  return `CREATE TEMP TABLE ${trailingFieldsTable(source)} (row_id BIGINT, record BIGINT, raw_line VARCHAR, problem VARCHAR)`;
}

/** The checks statement's rows without the record columns, as kept for parsed records. */
const withoutRecordColumns = (checksSql: string) =>
  `SELECT * EXCLUDE (${RAW_VIEW_COLUMNS.join(', ')}) FROM (\n${checksSql}\n)`;

/**
 * Creates the (empty) checked rows table of a source with the columns of its checks statement, whose
 * input is the raw view: `CREATE ... AS` from a view that reads nothing.
 */
export function createCheckedRowsTableSql(source: SourceName, checksSql: string): string[] {
  return [
    `CREATE OR REPLACE TEMP VIEW ${rawView(source)} AS SELECT ${unnumberedRecordColumns()}, ${nullFields(source).join(', ')} WHERE false`,
    `CREATE TEMP TABLE ${checkedRowsTable(source)} AS ${withoutRecordColumns(checksSql)}`,
  ];
}

/** Runs the checks over the parsed records the raw view currently reads, appending to the checked rows. */
export const appendCheckedRowsSql = (source: SourceName, checksSql: string) =>
  `INSERT INTO ${checkedRowsTable(source)} ${withoutRecordColumns(checksSql)}`;

/** Runs the checks over the malformed records the raw view reads (`malformedRawViewSql`) into their table. */
export const createMalformedRowsTableSql = (source: SourceName, checksSql: string) =>
  `CREATE TEMP TABLE ${malformedRowsTable(source)} AS\n${checksSql}`;

/**
 * Points the raw view at one file's parsed records, read as CSV_READER_OPTIONS says. Every value is read
 * as text; records the parser cannot split into the header's columns go to the rejects table with their
 * line and text. Record numbers are not known while streaming: `_record` is NULL here, and the checked
 * view numbers the rows by the order they were written in.
 */
export function parsedRawViewSql(source: SourceName, file: SourceFile): string {
  const columns = file.header.columns.map(
    (field, position) => `${sqlString(field ?? ignoredColumn(position))}: 'VARCHAR'`,
  );
  const fields = SOURCES[source].fields.map((f) => sqlIdentifier(f.name));
  const options = [
    ...CSV_READER_OPTIONS,
    `columns = {${columns.join(', ')}}`,
    'store_rejects = true',
    `rejects_table = ${sqlString(rejectsTable(source))}`,
    `rejects_scan = ${sqlString(rejectsScanTable(source))}`,
  ];
  return [
    `CREATE OR REPLACE TEMP VIEW ${rawView(source)} AS`,
    `SELECT ${unnumberedRecordColumns()}, ${fields.join(', ')}`,
    // The path is read as that one file, never as a glob (a lake at `lake[1]` must not read `lake1`).
    `FROM read_csv(${duckDbFileLiteral(file.path)}, ${options.join(', ')})`,
  ].join('\n');
}

/**
 * Points the raw view at the malformed records of every file of the source: one row per record DuckDB
 * rejected (it reports a record once per error: keep its first) with its line, text and problem, plus
 * the parsed records found to carry extra empty fields (`withTrailingFields`).
 */
export function malformedRawViewSql(source: SourceName, withTrailingFields: boolean): string {
  const [record, rawLine, parseError] = RAW_VIEW_COLUMNS;
  // DuckDB's csv_line starts with the empty lines before the record, if any: they are not part of it.
  const problem = `regexp_replace(s.file_path, '^.*/', '') || ' line ' || CAST(r.line AS VARCHAR) || ': ' || r.error_type || ': ' || r.error_message`;
  const malformed = [
    `any_value(n.record) AS ${record}`,
    `ltrim(arg_min(r.csv_line, r.byte_position), chr(10) || chr(13)) AS ${rawLine}`,
    `arg_min(${problem}, r.byte_position) AS ${parseError}`,
    ...nullFields(source),
  ];
  const sql = [
    `CREATE OR REPLACE TEMP VIEW ${rawView(source)} AS`,
    `SELECT ${malformed.join(', ')}`,
    `FROM ${rejectsTable(source)} r JOIN ${rejectsScanTable(source)} s USING (scan_id)`,
    `JOIN ${rejectedRecordsTable(source)} n ON n.file_path = s.file_path AND n.line = r.line`,
    'GROUP BY r.scan_id, r.line',
  ];
  if (withTrailingFields) {
    sql.push(
      'UNION ALL',
      `SELECT record AS ${record}, raw_line AS ${rawLine}, problem AS ${parseError}, ${nullFields(source).join(', ')}`,
      `FROM ${trailingFieldsTable(source)}`,
    );
  }
  return sql.join('\n');
}

/**
 * The `checked_<source>` view the rest of the ETL SQL reads: the parsed rows with their record numbers
 * (record-numbers.ts: `rowid + 1`, or, when records were rejected, the column that holds them), without
 * those found to carry extra empty fields (they are among the malformed rows), and the malformed rows. The filter is
 * left out when there are none: it costs a join.
 */
export function checkedViewSql(source: SourceName, withTrailingFields: boolean, numbered: boolean): string {
  const [record, rawLine, parseError] = RAW_VIEW_COLUMNS;
  const nulls = `CAST(NULL AS VARCHAR) AS ${rawLine}, CAST(NULL AS VARCHAR) AS ${parseError}`;
  return [
    `CREATE TEMP VIEW ${checkedView(source)} AS`,
    numbered
      ? `SELECT c.${PARSED_RECORD_COLUMN} AS ${record}, ${nulls}, c.* EXCLUDE (row_id, ${PARSED_RECORD_COLUMN})`
      : `SELECT c.row_id + 1 AS ${record}, ${nulls}, c.* EXCLUDE (row_id)`,
    `FROM (SELECT rowid AS row_id, * FROM ${checkedRowsTable(source)}) c`,
    ...(withTrailingFields
      ? [`WHERE c.row_id NOT IN (SELECT row_id FROM ${trailingFieldsTable(source)})`]
      : []),
    'UNION ALL BY NAME',
    `SELECT * FROM ${malformedRowsTable(source)}`,
  ].join('\n');
}

/** File name shown in problems, e.g. `albums.csv`. */
export const displayName = (path: string) => basename(path);
