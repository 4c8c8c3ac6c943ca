import type { EtlStatement } from './statement';

/**
 * The ETL SQL stays inside the common subset of Spark SQL 3.5 and DuckDB. The rules a typo in a generator
 * could break are guarded here:
 * - no identifier quoting (Spark quotes with backticks, DuckDB with double quotes): names are plain snake_case;
 * - no backslash in string literals (Spark unescapes them, DuckDB does not): regexes use `[.]`, not `\.`;
 * - no semicolon: the file format splits statements at their end.
 */
export function assertPortable(statement: EtlStatement): void {
  const problems: string[] = [];
  if (statement.sql.includes('\\'))
    problems.push('a backslash (Spark unescapes string literals, DuckDB does not)');
  if (/[`"]/.test(statement.sql)) problems.push('a quoted identifier (the engines quote differently)');
  if (statement.sql.includes(';')) problems.push('a semicolon (statements are split by the file format)');
  if (problems.length > 0)
    throw new Error(`ETL SQL statement "${statement.name}" contains ${problems.join(' and ')}`);
}
