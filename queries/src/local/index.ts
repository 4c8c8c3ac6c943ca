// First: fails with an install hint when the optional peer @duckdb/node-api is absent.

export { warehouseFiles } from './lake';
export { DUCKDB_PACKAGE, DUCKDB_VERSION, MissingDuckDbError } from './require-duckdb';
export { LOCAL_TARGET, LocalQueryRunner, type LocalRunnerOptions } from './runner';
