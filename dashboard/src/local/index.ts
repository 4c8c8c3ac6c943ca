// Loads @spotify-lake/queries/local, which needs DuckDB: kept out of the main entry, which the stacks import.
export * from './local-dashboard';
export * from './page-model';
export * from './render-html';
export * from './run-datasets';
export * from './server';
export * from './value-format';
export * from './vega-lite-specs';
export * from './write-dashboard';
