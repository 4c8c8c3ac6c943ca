import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import {
  DUCKDB_PACKAGE,
  DUCKDB_VERSION,
  MissingDuckDbError,
  requireDuckDb,
} from '../../src/local/require-duckdb';

const notFound = (id: string) =>
  Object.assign(
    new Error(
      `Cannot find module '${id}'\nRequire stack:\n- /app/node_modules/@duckdb/node-api/lib/index.js`,
    ),
    { code: 'MODULE_NOT_FOUND' },
  );

describe('requireDuckDb', () => {
  it('passes when the binding loads', () => {
    expect(() => requireDuckDb(() => ({}))).not.toThrow();
  });

  it('names the package and version to install when DuckDB is absent', () => {
    let error: unknown;
    try {
      requireDuckDb((id) => {
        throw notFound(id);
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingDuckDbError);
    expect((error as Error).message).toMatch(
      /^@spotify-lake\/queries\/local runs queries on DuckDB, which is not installed: npm install @duckdb\/node-api@1\.5\.6-r\.1/,
    );
    expect((error as Error).message).toContain("import '@spotify-lake/queries' instead");
  });

  it('lets any other failure through (a broken binding is not a missing one)', () => {
    const broken = new Error('libduckdb.so: wrong ELF class');
    expect(() =>
      requireDuckDb(() => {
        throw broken;
      }),
    ).toThrow(broken);
    // Another package missing inside DuckDB's own loading is not reported as DuckDB missing.
    expect(() =>
      requireDuckDb(() => {
        throw notFound('@duckdb/node-bindings-linux-x64');
      }),
    ).not.toThrow(MissingDuckDbError);
    expect(DUCKDB_PACKAGE).toBe('@duckdb/node-api');
  });

  it('asks for the version the package declares as its peer', () => {
    expect(packageJson.peerDependencies[DUCKDB_PACKAGE]).toBe(DUCKDB_VERSION);
    expect(packageJson.peerDependenciesMeta[DUCKDB_PACKAGE]).toEqual({ optional: true });
  });
});
