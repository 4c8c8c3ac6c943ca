import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEtl } from '@spotify-lake/etl';

export const FIXTURE_INPUT = join(__dirname, '..', 'fixtures', 'spotify-mini');

/** Builds a lake from the fixture CSVs with the real ETL, in a fresh temporary folder. */
export async function buildLake(inputDir = FIXTURE_INPUT): Promise<{ lakeDir: string; remove: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'queries-lake-'));
  const lakeDir = join(root, 'lake');
  await runEtl({ inputDir, lakeDir, threads: 1 });
  return { lakeDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** JSON with bigints written as `123n` strings, for readable result snapshots. */
export function snapshotJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v), 2)}\n`;
}
