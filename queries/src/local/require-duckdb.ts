/**
 * Loaded first by `@spotify-lake/queries/local`: DuckDB is an optional peer dependency (70 MB of native
 * binding that a service asking only Athena should not install), so its absence is reported here, naming the
 * package to install, instead of as a bare "Cannot find module" from deep inside the runner.
 */
export const DUCKDB_PACKAGE = '@duckdb/node-api';
/** The version this package is built and tested against (its peer dependency range). */
export const DUCKDB_VERSION = '1.5.6-r.1';

export class MissingDuckDbError extends Error {
  constructor(cause: unknown) {
    super(
      `@spotify-lake/queries/local runs queries on DuckDB, which is not installed: ` +
        `npm install ${DUCKDB_PACKAGE}@${DUCKDB_VERSION} (or pnpm add / yarn add). ` +
        `Services that only ask Athena import '@spotify-lake/queries' instead.`,
      { cause },
    );
    this.name = 'MissingDuckDbError';
  }
}

/** Throws MissingDuckDbError unless the DuckDB binding can be loaded. */
export function requireDuckDb(load: (id: string) => unknown = require): void {
  try {
    load(DUCKDB_PACKAGE);
  } catch (error) {
    // Only DuckDB itself missing: a module missing inside DuckDB's loading (its native binding for another
    // platform) names DuckDB in the require stack, not in the first line, and is a different problem.
    const code = (error as { code?: unknown }).code;
    const firstLine = String((error as Error).message).split('\n')[0];
    const missing = code === 'MODULE_NOT_FOUND' && firstLine === `Cannot find module '${DUCKDB_PACKAGE}'`;
    if (missing) throw new MissingDuckDbError(error);
    throw error;
  }
}

requireDuckDb();
