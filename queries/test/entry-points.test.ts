import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = join(__dirname, '..');

/** Loads `specifier` from the built package in a fresh node process; returns what was loaded. */
function loadInFreshProcess(specifier: string): { exports: string[]; duckdbLoaded: boolean } {
  const script = `
    const loaded = require(${JSON.stringify(specifier)});
    const duckdbLoaded = Object.keys(require.cache).some((file) => file.includes('@duckdb'));
    process.stdout.write(JSON.stringify({ exports: Object.keys(loaded).sort(), duckdbLoaded }));
  `;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: PACKAGE_DIR, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('package entry points (built dist/, resolved through the exports map)', () => {
  it('the main entry (definitions, Athena runner, types) loads no DuckDB', () => {
    const main = loadInFreshProcess('@spotify-lake/queries');
    expect(main.duckdbLoaded).toBe(false);
    expect(main.exports).toEqual(
      expect.arrayContaining(['AthenaQueryRunner', 'QUERIES', 'namedQueries', 'sql']),
    );
    expect(main.exports).not.toContain('LocalQueryRunner');
  });

  it('the local runner lives behind @spotify-lake/queries/local, which loads DuckDB', () => {
    const local = loadInFreshProcess('@spotify-lake/queries/local');
    expect(local.duckdbLoaded).toBe(true);
    expect(local.exports).toEqual(
      expect.arrayContaining(['LocalQueryRunner', 'LOCAL_TARGET', 'MissingDuckDbError']),
    );
  });
});
