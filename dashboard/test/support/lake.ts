import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, runEtl } from '@spotify-lake/etl';

/** A local lake built by the real ETL from a generated dataset, in a fresh temporary folder. */
export async function buildLake(tracks = 3000): Promise<{ lakeDir: string; remove: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'dashboard-lake-'));
  const dataset = await generateDataset({ outDir: join(root, 'input'), tracks, seed: 7 });
  const lakeDir = join(root, 'lake');
  await runEtl({ inputDir: dataset.dir, lakeDir, threads: 1 });
  return { lakeDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
