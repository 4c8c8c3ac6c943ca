import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceName } from '@spotify-lake/contract';
import { type EtlManifest, type GeneratedDataset, runEtl } from '@spotify-lake/etl';
import { runBareJoin } from './bare-join';
import type { BaselineOptions, BaselineResult } from './baseline';
import { runCheckedJoin } from './checked-join';
import type { ScaleResult } from './targets';

export interface MeasureRequest {
  readonly scale: number;
  readonly dataset: GeneratedDataset;
  readonly workDir: string;
  readonly threads: number;
  readonly memoryLimit: string;
  /** `spark`: measure both engines (spark-bench.ts). Default: duckdb. */
  readonly engine?: 'duckdb' | 'spark';
}

/**
 * Runs in a child process of its own: the ETL first, so the process's peak RSS is the ETL's (read
 * before the baselines start), then the bare join over the same CSVs, the bare join over the sources
 * kept in file order first (the floor of the ratio), and the checked join (the checks and the dedup alone,
 * streaming: what validation costs before the quarantine). Checks the ETL's counts against
 * what the generator says a correct ETL reports; a mismatch is an error, not a missed target.
 */
export async function measureScale(
  request: MeasureRequest,
  log: (line: string) => void,
): Promise<ScaleResult> {
  const lakeDir = join(request.workDir, 'lake');
  // The whole call, publishing included: what a user waits for.
  const etlStart = performance.now();
  const manifest = await runEtl({
    inputDir: request.dataset.dir,
    lakeDir,
    threads: request.threads,
    memoryLimit: request.memoryLimit,
    onProgress: (e) => log(`  ${request.scale}x etl: ${e.message}`),
  });
  const etlMs = performance.now() - etlStart;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  assertExpectedCounts(manifest, request.dataset);
  await rm(lakeDir, { recursive: true, force: true });

  const baseline = async (name: string, run: (options: BaselineOptions) => Promise<BaselineResult>) => {
    log(`  ${request.scale}x ${name}`);
    const outDir = join(request.workDir, 'baseline');
    const { ms } = await run({
      files: request.dataset.files,
      outDir,
      threads: request.threads,
      memoryLimit: request.memoryLimit,
    });
    await rm(outDir, { recursive: true, force: true });
    return ms;
  };
  const bareJoinMs = await baseline('bare join', runBareJoin);
  const orderedJoinMs = await baseline('bare join over the sources kept in file order', (options) =>
    runBareJoin({ ...options, keepInOrder: true }),
  );
  const checkedJoinMs = await baseline('checked join (checks and dedup, no quarantine)', runCheckedJoin);
  return {
    scale: request.scale,
    albumRows: request.dataset.rows.albums,
    etlMs,
    peakRssBytes,
    bareJoinMs,
    orderedJoinMs,
    checkedJoinMs,
    warehouseRows: manifest.warehouse.rows,
    quarantineRows: manifest.quarantine.rows,
    steps: manifest.timings.steps,
  };
}

/** Throws unless the manifest reports exactly what the generator says a correct ETL reports. */
export function assertExpectedCounts(manifest: EtlManifest, dataset: GeneratedDataset): void {
  const problems: string[] = [];
  for (const source of Object.keys(dataset.rows) as SourceName[]) {
    const got = manifest.sources[source];
    if (got.rows !== dataset.rows[source])
      problems.push(`${source}: read ${got.rows}, generated ${dataset.rows[source]}`);
    if (got.accepted !== dataset.expected.accepted[source]) {
      problems.push(`${source}: accepted ${got.accepted}, expected ${dataset.expected.accepted[source]}`);
    }
    for (const [reason, n] of Object.entries(dataset.expected.quarantined[source])) {
      const gotReason = got.byReason[reason as keyof typeof got.byReason];
      if (gotReason !== n) problems.push(`${source}: ${reason} ${gotReason}, expected ${n}`);
    }
  }
  if (manifest.warehouse.rows !== dataset.expected.warehouseRows) {
    problems.push(`warehouse: ${manifest.warehouse.rows} rows, expected ${dataset.expected.warehouseRows}`);
  }
  if (problems.length > 0)
    throw new Error(`the ETL's counts differ from the generator's: ${problems.join('; ')}`);
}
