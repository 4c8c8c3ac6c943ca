/**
 * Spark functions the ETL SQL uses that DuckDB names differently, defined in DuckDB as macros before the SQL
 * runs. This is the one place where the two dialects are reconciled; every other statement is in the subset
 * both engines parse alike.
 */
export const DUCKDB_SHIMS: readonly string[] = [
  'CREATE OR REPLACE MACRO regexp_like(s, pattern) AS regexp_matches(s, pattern)',
];
