export * from './duckdb-path';
export * from './lake-format';
