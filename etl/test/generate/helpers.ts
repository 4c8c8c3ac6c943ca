import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SOURCES, type SourceName } from '@spotify-lake/contract';
import { afterEach } from 'vitest';

const created: string[] = [];

/** A fresh temporary folder, removed after the test. */
export async function tempDir(prefix = 'etl-generate-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Runs statements on a throwaway DuckDB and returns the last one's rows as plain JS values. */
export async function duck(...statements: string[]): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    let rows: Record<string, unknown>[] = [];
    for (const sql of statements)
      rows = (await connection.runAndReadAll(sql)).getRowObjectsJS() as typeof rows;
    return rows;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * A strict RFC 4180 read of a generated file with DuckDB (fixed dialect, every column text, records
 * that do not fit the header rejected), as a table named after the source plus `<source>_rejects`.
 */
export function readCsvSql(source: SourceName, path: string): string[] {
  const columns = SOURCES[source].fields.map((f) => `${quote(f.name)}: 'VARCHAR'`).join(', ');
  return [
    `CREATE TABLE ${source} AS SELECT * FROM read_csv(${quote(path)}, header = true, auto_detect = false,
       delim = ',', quote = '"', escape = '"', columns = {${columns}}, store_rejects = true,
       rejects_table = '${source}_errors', rejects_scan = '${source}_scans')`,
    `CREATE TABLE ${source}_rejects AS SELECT DISTINCT line FROM ${source}_errors`,
  ];
}
