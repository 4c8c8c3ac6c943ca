#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MEMORY_LIMIT, DEFAULT_THREADS, generateDataset, isMemoryLimit } from '@spotify-lake/etl';
import {
  DEFAULT_DPU_HOUR_USD,
  DEFAULT_WORKER_TYPE,
  DEFAULT_WORKERS,
  GLUE_WORKER_TYPES,
  type GlueCostOptions,
  type GlueWorkerType,
} from './glue-cost';
import { type MeasureRequest, measureScale } from './measure-scale';
import { formatChecks, formatResults, formatRounds, formatSteps } from './report';
import { combineRounds } from './rounds';
import { formatSparkResults, measureSparkScale, type SparkScaleResult } from './spark-bench';
import { checkTargets, KAGGLE_ALBUM_ROWS, type ScaleResult } from './targets';

/** Rounds per scale: the machine's speed drifts, and a median of three steadies the ratio. */
const DEFAULT_ROUNDS = 3;

const USAGE = `Usage: pnpm bench:etl [options]

Generates the Kaggle-shaped dataset at each scale (1x = ${KAGGLE_ALBUM_ROWS.toLocaleString('en-US')} album-track rows),
runs the local ETL, a bare DuckDB join over the same CSVs, the same join over the sources first kept in
file order (the floor of the ratio) and over the sources through the ETL SQL's checks with one row per key
(the checked join) in a fresh child process per round, and prints rows/s, wall time, peak
RSS and the ETL / bare-join ratio (medians of the rounds; peak RSS the highest), with PASS/MISS per target.
Exits non-zero only on errors, never on a missed target.

With --engine spark it runs the DuckDB engine and then the Spark engine (the Glue job on a local Spark) over the
same dataset and prints both wall times and what the run would cost on Glue (default scale 1, one round).

Options:
  --engine NAME        duckdb (the measurements above) or spark (default: duckdb)
  --scales LIST        comma-separated scales (default: 1,10)
  --dir DIR            work folder, removed afterwards (default: ./.bench)
  --seed N             generator seed (default: 42)
  --threads N          DuckDB threads (default: ${DEFAULT_THREADS})
  --memory-limit SIZE  DuckDB memory limit (default: ${DEFAULT_MEMORY_LIMIT})
  --repeat N           rounds per scale (default: ${DEFAULT_ROUNDS})
  --worker-type TYPE   Glue worker type for the cost, ${GLUE_WORKER_TYPES.join(', ')} (default: ${DEFAULT_WORKER_TYPE})
  --workers N          Glue workers for the cost (default: ${DEFAULT_WORKERS})
  --dpu-price USD      price of a DPU-hour (default: ${DEFAULT_DPU_HOUR_USD}, us-east-1)
  -h, --help           show this help`;

interface BenchOptions {
  engine: 'duckdb' | 'spark';
  glue: GlueCostOptions;
  scales: number[];
  rounds: number;
  dir: string;
  seed: number;
  threads: number;
  memoryLimit: string;
}

function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scales: { type: 'string' },
      dir: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      'memory-limit': { type: 'string' },
      repeat: { type: 'string' },
      engine: { type: 'string' },
      'worker-type': { type: 'string' },
      workers: { type: 'string' },
      'dpu-price': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const whole = (option: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min)
      throw new Error(`--${option} must be a whole number >= ${min}, got "${value}"`);
    return Number(value);
  };
  const engine = values.engine ?? 'duckdb';
  if (engine !== 'duckdb' && engine !== 'spark')
    throw new Error(`--engine must be duckdb or spark, got "${engine}"`);
  const workerType = values['worker-type'] ?? DEFAULT_WORKER_TYPE;
  if (!(GLUE_WORKER_TYPES as string[]).includes(workerType))
    throw new Error(`--worker-type must be one of ${GLUE_WORKER_TYPES.join(', ')}, got "${workerType}"`);
  const price = Number(values['dpu-price'] ?? DEFAULT_DPU_HOUR_USD);
  if (!Number.isFinite(price) || price <= 0)
    throw new Error(`--dpu-price must be a positive number of USD, got "${values['dpu-price']}"`);
  const glue = {
    workerType: workerType as GlueWorkerType,
    workers: whole('workers', values.workers, DEFAULT_WORKERS, 2),
    pricePerDpuHour: price,
  };
  const scales = (values.scales ?? (engine === 'spark' ? '1' : '1,10'))
    .split(',')
    .map((s) => whole('scales', s.trim(), 0, 1));
  const memoryLimit = values['memory-limit'] ?? DEFAULT_MEMORY_LIMIT;
  if (!isMemoryLimit(memoryLimit))
    throw new Error(`--memory-limit must look like 512MB or 2GB, got "${memoryLimit}"`);
  return {
    engine,
    glue,
    scales,
    rounds: whole('repeat', values.repeat, engine === 'spark' ? 1 : DEFAULT_ROUNDS, 1),
    dir: resolve(values.dir ?? '.bench'),
    seed: whole('seed', values.seed, 42, 0),
    threads: whole('threads', values.threads, DEFAULT_THREADS, 1),
    memoryLimit,
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function runParent(options: BenchOptions): Promise<void> {
  const results: ScaleResult[] = [];
  const sparkResults: SparkScaleResult[] = [];
  await mkdir(options.dir, { recursive: true });
  try {
    for (const scale of options.scales) {
      const workDir = join(options.dir, `scale-${scale}`);
      await rm(workDir, { recursive: true, force: true });
      const tracks = KAGGLE_ALBUM_ROWS * scale;
      log(`${scale}x: generating ${tracks.toLocaleString('en-US')} album-track rows`);
      const t0 = performance.now();
      const dataset = await generateDataset({ outDir: join(workDir, 'input'), tracks, seed: options.seed });
      log(`${scale}x: generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const request: MeasureRequest = {
        scale,
        dataset,
        workDir,
        threads: options.threads,
        memoryLimit: options.memoryLimit,
        engine: options.engine,
      };
      await writeFile(join(workDir, 'request.json'), JSON.stringify(request));
      try {
        const rounds: ScaleResult[] = [];
        for (let round = 1; round <= options.rounds; round++) {
          log(`${scale}x: round ${round}/${options.rounds}`);
          await runChild(join(workDir, 'request.json'));
          const result = JSON.parse(await readFile(join(workDir, 'result.json'), 'utf8'));
          if (options.engine === 'spark') sparkResults.push(result as SparkScaleResult);
          else rounds.push(result as ScaleResult);
        }
        if (rounds.length > 0) results.push(combineRounds(rounds));
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    }
  } finally {
    await rmdir(options.dir).catch(() => undefined);
  }
  if (options.engine === 'spark') {
    process.stdout.write(
      `ETL benchmark, DuckDB and Spark engines (threads ${options.threads}, seed ${options.seed})\n\n${formatSparkResults(sparkResults, options.glue)}\n`,
    );
    return;
  }
  const checks = results.flatMap(checkTargets);
  process.stdout.write(
    [
      `ETL benchmark (threads ${options.threads}, memory limit ${options.memoryLimit}, seed ${options.seed}, ${options.rounds} round${options.rounds === 1 ? '' : 's'} per scale)`,
      '',
      formatResults(results),
      '',
      formatRounds(results),
      '',
      formatSteps(results),
      '',
      formatChecks(checks),
      '',
      `${checks.filter((c) => c.pass).length}/${checks.length} targets met`,
      '',
    ].join('\n'),
  );
}

/** One child per round, so that its peak RSS is that round's alone. */
function runChild(requestFile: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [__filename, '--child', requestFile], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`measurement child failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

async function runChildMode(requestFile: string): Promise<void> {
  const request = JSON.parse(await readFile(requestFile, 'utf8')) as MeasureRequest;
  const result =
    request.engine === 'spark' ? await measureSparkScale(request, log) : await measureScale(request, log);
  await writeFile(join(request.workDir, 'result.json'), JSON.stringify(result));
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child' && argv[1]) return runChildMode(argv[1]);
  const options = parseBenchArgs(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  await runParent(options);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench:etl failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
