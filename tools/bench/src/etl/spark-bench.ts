import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runEtl } from '@spotify-lake/etl';
import { type GlueCostOptions, glueRunCost } from './glue-cost';
import { assertExpectedCounts, type MeasureRequest } from './measure-scale';

/** One scale measured on both engines, back to back. */
export interface SparkScaleResult {
  readonly scale: number;
  readonly albumRows: number;
  /** The DuckDB engine's wall time, publishing included. */
  readonly duckdbMs: number;
  /** The Spark engine's wall time: Spark's start-up, the job, publishing. */
  readonly sparkMs: number;
  /** The Glue job's own run on the local Spark (the child process), without the runner's staging and commit. */
  readonly sparkJobMs: number;
  readonly sparkSteps: readonly { step: string; ms: number }[];
  readonly warehouseRows: number;
}

/**
 * Runs the DuckDB engine, then the Spark engine (the Glue job on a local Spark) over the same dataset, each
 * checked against the generator's counts: a Spark run that reports other counts is an error, not a figure.
 */
export async function measureSparkScale(
  request: MeasureRequest,
  log: (line: string) => void,
): Promise<SparkScaleResult> {
  const run = async (engine: 'duckdb' | 'spark') => {
    const lakeDir = join(request.workDir, `lake-${engine}`);
    const start = performance.now();
    const manifest = await runEtl({
      engine,
      inputDir: request.dataset.dir,
      lakeDir,
      threads: request.threads,
      memoryLimit: engine === 'spark' ? undefined : request.memoryLimit,
      onProgress: (e) => log(`  ${request.scale}x ${engine}: ${e.message}`),
    });
    const ms = performance.now() - start;
    assertExpectedCounts(manifest, request.dataset);
    await rm(lakeDir, { recursive: true, force: true });
    return { ms, manifest };
  };
  const duckdb = await run('duckdb');
  const spark = await run('spark');
  return {
    scale: request.scale,
    albumRows: request.dataset.rows.albums,
    duckdbMs: duckdb.ms,
    sparkMs: spark.ms,
    sparkJobMs: spark.manifest.timings.steps.find((s) => s.step === 'spark')?.ms ?? spark.ms,
    sparkSteps: spark.manifest.timings.steps.filter((s) => s.step.startsWith('spark:')),
    warehouseRows: spark.manifest.warehouse.rows,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The two engines' wall times side by side, and what the job would cost on Glue for as long as it ran here. */
export function formatSparkResults(results: readonly SparkScaleResult[], glue: GlueCostOptions): string {
  const lines = ['scale  album rows  DuckDB wall  Spark wall  Spark job  Spark/DuckDB  Glue cost of the run'];
  for (const r of results) {
    const cost = glueRunCost(r.sparkJobMs / 1000, glue);
    lines.push(
      [
        `${r.scale}x`.padEnd(5),
        r.albumRows.toLocaleString('en-US').padStart(10),
        seconds(r.duckdbMs).padStart(11),
        seconds(r.sparkMs).padStart(10),
        seconds(r.sparkJobMs).padStart(9),
        (r.sparkMs / r.duckdbMs).toFixed(1).padStart(12),
        `  ${cost.usd.toFixed(4)} USD (${cost.dpus} DPU x ${cost.billedSeconds} s billed = ${cost.dpuHours.toFixed(4)} DPU-hours)`,
      ].join('  '),
    );
  }
  lines.push(
    '',
    `Glue cost: ${glue.workers} x ${glue.workerType} workers at ${glue.pricePerDpuHour} USD per DPU-hour, billed per second with a`,
    "one-minute minimum, for as long as the job ran on this machine's local Spark, start-up included (for information:",
    "Glue's workers are not this machine).",
    ...results.map(
      (r) =>
        `${r.scale}x Spark job steps: ${[...r.sparkSteps]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 6)
          .map((s) => `${s.step.replace(/^spark:/, '')} ${seconds(s.ms)}`)
          .join(', ')}`,
    ),
  );
  return lines.join('\n');
}
