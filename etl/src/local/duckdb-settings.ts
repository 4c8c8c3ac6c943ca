/**
 * DuckDB session settings the ETL SQL is written for: hash tables are built from the right side of a join, as
 * written (the generator puts the smaller side there), not from the side DuckDB estimates smaller. Its estimates
 * through views and filters picked the wide fact rows and doubled the warehouse write.
 */
export const DUCKDB_SETTINGS: readonly string[] = ["SET disabled_optimizers = 'build_side_probe_side'"];
