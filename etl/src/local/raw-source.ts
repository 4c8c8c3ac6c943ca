import { basename } from 'node:path';
import { RAW_VIEW_COLUMNS, rawView, SOURCES, type SourceName } from '@spotify-lake/contract';
import type { HeaderMatch } from './header-match';
import { sqlIdentifier, sqlString } from './sql-text';

/** Parsed rows of a source, in file order: `rowid + 1` is the record number. */
export const parsedTable = (source: SourceName) => `in_${source}`;
/** DuckDB's rejects (one row per error; a record can have several) and the scans they came from. */
export const rejectsTable = (source: SourceName) => `rejects_${source}`;
export const rejectsScanTable = (source: SourceName) => `rejects_scan_${source}`;
/** Parsed rows that had extra, empty fields: malformed, though DuckDB accepted them (trailing-fields.ts). */
export const trailingFieldsTable = (source: SourceName) => `trailing_fields_${source}`;

/** One input file of a source and how its header maps to the contract. */
export interface SourceFile {
  readonly path: string;
  readonly header: HeaderMatch;
}

/** Column name given to a file column the contract does not know; never selected. */
const ignoredColumn = (position: number) => `_ignored_${position}`;

export function createParsedTablesSql(source: SourceName): string[] {
  const fields = SOURCES[source].fields.map((f) => `${f.name} VARCHAR`);
  return [
    `CREATE TEMP TABLE ${parsedTable(source)} (${fields.join(', ')})`,
    `CREATE TEMP TABLE ${trailingFieldsTable(source)} (row_id BIGINT, line BIGINT, raw_line VARCHAR, problem VARCHAR)`,
  ];
}

/**
 * Appends one file's records to the parsed table. The dialect is fixed (RFC 4180: `,`, `"`, `""`, quoted
 * line breaks) rather than sniffed: sniffing fails on files whose damage is the point of quarantine.
 * Every value is read as text; records the parser cannot split into the header's columns go to the
 * rejects table with their line and text.
 */
export function appendFileSql(source: SourceName, file: SourceFile): string {
  const columns = file.header.columns.map(
    (field, position) => `${sqlString(field ?? ignoredColumn(position))}: 'VARCHAR'`,
  );
  const fields = SOURCES[source].fields.map((f) => sqlIdentifier(f.name));
  const options = [
    'header = true',
    'auto_detect = false',
    "delim = ','",
    `quote = '"'`,
    `escape = '"'`,
    `columns = {${columns.join(', ')}}`,
    'store_rejects = true',
    `rejects_table = ${sqlString(rejectsTable(source))}`,
    `rejects_scan = ${sqlString(rejectsScanTable(source))}`,
  ];
  return [
    `INSERT INTO ${parsedTable(source)}`,
    `SELECT ${fields.join(', ')}`,
    `FROM read_csv(${sqlString(file.path)}, ${options.join(', ')})`,
  ].join('\n');
}

/**
 * The engine-specific input of the transform: parsed records numbered in file order, plus one row per
 * malformed record (DuckDB reports a record once per error: keep its first) with its text and problem.
 * `withTrailingFields`: some parsed rows were found to carry extra empty fields; they move from the
 * parsed rows to the malformed ones (the filter is left out when there are none: it costs a join).
 */
export function rawViewSql(source: SourceName, withTrailingFields: boolean): string {
  const fields = SOURCES[source].fields.map((f) => f.name);
  const [record, rawLine, parseError] = RAW_VIEW_COLUMNS;
  const nullFields = fields.map((f) => `CAST(NULL AS VARCHAR) AS ${f}`);
  const parsed = [
    `CAST(rowid + 1 AS BIGINT) AS ${record}`,
    `CAST(NULL AS VARCHAR) AS ${rawLine}`,
    `CAST(NULL AS VARCHAR) AS ${parseError}`,
    ...fields,
  ];
  // DuckDB's csv_line starts with the empty lines before the record, if any: they are not part of it.
  const problem = `regexp_replace(s.file_path, '^.*/', '') || ' line ' || CAST(r.line AS VARCHAR) || ': ' || r.error_type || ': ' || r.error_message`;
  const malformed = [
    `CAST(r.line AS BIGINT) AS ${record}`,
    `ltrim(arg_min(r.csv_line, r.byte_position), chr(10) || chr(13)) AS ${rawLine}`,
    `arg_min(${problem}, r.byte_position) AS ${parseError}`,
    ...nullFields,
  ];
  const sql = [
    `CREATE TEMP VIEW ${rawView(source)} AS`,
    `SELECT ${parsed.join(', ')} FROM ${parsedTable(source)}`,
    ...(withTrailingFields ? [`WHERE rowid NOT IN (SELECT row_id FROM ${trailingFieldsTable(source)})`] : []),
    'UNION ALL',
    `SELECT ${malformed.join(', ')}`,
    `FROM ${rejectsTable(source)} r JOIN ${rejectsScanTable(source)} s USING (scan_id)`,
    'GROUP BY r.scan_id, r.line',
  ];
  if (withTrailingFields) {
    sql.push(
      'UNION ALL',
      `SELECT line AS ${record}, raw_line AS ${rawLine}, problem AS ${parseError}, ${nullFields.join(', ')}`,
      `FROM ${trailingFieldsTable(source)}`,
    );
  }
  return sql.join('\n');
}

/** File name shown in problems, e.g. `albums.csv`. */
export const displayName = (path: string) => basename(path);
