import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDb } from '@spotify-lake/etl';
import { onTestFinished } from 'vitest';

/** A fresh temporary folder, removed when the test that asked for it ends. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-test-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Rows of a query run on a throwaway DuckDB. */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await openDuckDb({ threads: 1, memoryLimit: '256MB', tempDirectory: tmpdir() });
  try {
    return await db.rows(sql);
  } finally {
    db.close();
  }
}
