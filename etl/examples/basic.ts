// Build a local lake from a generated sample with the ETL's API (what `npx spotify-lake-etl` does), then read
// its run summary. Needs only Node: DuckDB comes with the package.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EtlManifest, generateDataset, runEtl } from '@spotify-lake/etl';

export async function buildSampleLake(tracks = 2_000): Promise<EtlManifest> {
  const work = await mkdtemp(join(tmpdir(), 'spotify-lake-example-'));
  const sample = await generateDataset({ outDir: join(work, 'csv'), tracks, seed: 7 });
  return runEtl({ inputDir: sample.dir, lakeDir: join(work, 'lake'), threads: 1 });
}

if (require.main === module) {
  buildSampleLake().then(
    (manifest) => {
      console.log(`warehouse: ${manifest.warehouse.rows} rows in ${manifest.lakeDir}`);
      console.log(
        `quarantine: ${manifest.quarantine.rows} rows, by reason ${JSON.stringify(manifest.quarantine.byReason)}`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
