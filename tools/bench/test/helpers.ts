import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDuckDb } from '../src/etl/duckdb';

const created: string[] = [];

/** A fresh temporary folder, removed after the test. */
export async function tempDir(prefix = 'bench-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Rows of a query run on a throwaway DuckDB. */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await openDuckDb({ threads: 1, memoryLimit: '256MB', tempDirectory: tmpdir() });
  try {
    return await db.rows(sql);
  } finally {
    db.close();
  }
}
