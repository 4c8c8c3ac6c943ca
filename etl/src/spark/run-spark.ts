import { type ChildProcess, spawn } from 'node:child_process';
import { link, mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  type DataQualityReport,
  duckDbFileLiteral,
  LAKE_FORMAT,
  LAKE_ZONES,
  QUARANTINE_REASONS,
  runPartFile,
  SOURCE_NAMES,
  type SourceName,
} from '@spotify-lake/contract';
import { faultPoint } from '../lake/fault-points';
import { type LakeRun, newRunId, openLakeRun } from '../lake/lake-run';
import { DataQualityError } from '../local/data-quality';
import { EtlInputError } from '../local/errors';
import { ETL_SQL_PATH, readEtlSql } from '../local/etl-sql-file';
import type { EtlManifest, SourceSummary, StepTiming } from '../local/manifest';
import { memoryLimitBytes } from '../local/memory-limit';
import type { EtlProgress, EtlProgressListener } from '../local/progress';
import { countQuarantine } from '../local/quarantine-counts';
import type { StagedFile } from '../local/read-source';
import type { RunEtlOptions, Settings } from '../local/run-etl';
import { abortRun, commitRun, planInputs, stageInputs } from '../local/run-inputs';
import { type GlueJobManifest, parseGlueJobManifest } from './job-manifest';
import { ensurePythonEnv, GLUE_JOB_DIR } from './python-env';

/**
 * The Spark engine of `pnpm start --engine spark`: the Glue job's own entry script, with the job arguments Glue
 * passes, on a local Spark, the lake folder in place of the bucket. It goes through the same lake protocol as the
 * DuckDB engine (guard, lock, journal, staging copy, commit, crash safety):
 * 1. the inputs are found, checked and staged as the DuckDB engine stages them;
 * 2. the staged files are shown to the job as its staging folder (hard links in the run's scratch folder);
 * 3. the job runs in a child process: it writes its outputs as run-named files into the lake's zones
 *    (`part-NNNNN-<run id>.parquet`, never a name the committed manifest lists) and its manifest to the scratch;
 * 4. the runner counts the written files, builds the lake's manifest (`engine: 'spark'`) and commits.
 * A run killed in between leaves run-named files that the next run's recovery removes by their names
 * (run-journal.ts). The child dies with this process: it exits when its stdin, a pipe from here, closes.
 */

export const GLUE_JOB_ENTRY = join(GLUE_JOB_DIR, 'spotify_etl_job.py');
/** What the job is called in a local run (Glue passes the job's name). */
export const LOCAL_JOB_NAME = 'spotify-lake-local';
/** The job's events on its stdout (glue_runtime.EVENT_PREFIX). */
const EVENT_PREFIX = 'spotify-lake-event ';
/** Spark's driver needs about 450 MB of heap before it starts. */
const MIN_SPARK_MEMORY_MB = 512;
/** Lines of the job's stderr kept to explain a failure. */
const STDERR_LINES = 30;

/**
 * Runs the entry script as Glue would (`__main__`, its folder first on sys.path), after starting a thread that
 * ends the process when stdin reaches its end: this process died, or is done with the child.
 */
const LAUNCHER = [
  'import os, runpy, sys, threading',
  'def watch():',
  // os.read, not sys.stdin: a thread blocked in a buffered read holds its lock and aborts the interpreter's exit.
  '    while os.read(0, 65536):',
  '        pass',
  '    os._exit(143)',
  'threading.Thread(target=watch, daemon=True).start()',
  'sys.argv = sys.argv[1:]',
  'sys.path.insert(0, os.path.dirname(sys.argv[0]))',
  "runpy.run_path(sys.argv[0], run_name='__main__')",
].join('\n');

interface JobEvent {
  readonly step: string;
  readonly message?: string;
  readonly [key: string]: unknown;
}

/** Spark's size syntax for a memory limit in the runner's (DuckDB's) syntax: `2GiB` -> `2048m`, `2GB` -> `1907m`. */
export function sparkMemory(limit: string): string {
  const bytes = memoryLimitBytes(limit);
  if (bytes === undefined)
    throw new RangeError(`runEtl: memoryLimit must look like 512MB or 2GB, got "${limit}"`);
  const mb = Math.floor(bytes / 2 ** 20);
  if (mb < MIN_SPARK_MEMORY_MB) {
    throw new RangeError(
      `runEtl: memoryLimit must be at least ${MIN_SPARK_MEMORY_MB}MB for Spark, got "${limit}"`,
    );
  }
  return `${mb}m`;
}

/** The run's steps as EtlProgress events, from the job's own. */
function progressOf(event: JobEvent, staged: Record<SourceName, StagedFile[]>): EtlProgress[] {
  const message = String(event.message ?? event.step);
  switch (event.step) {
    case 'read': {
      const source = event.source as SourceName;
      const files = staged[source] ?? [];
      return files.map((file, i) => ({
        step: 'read',
        source,
        file: file.relative,
        index: i + 1,
        of: files.length,
        message: `read ${source} ${i + 1}/${files.length}: ${file.relative}`,
      }));
    }
    case 'sql':
      return [
        {
          step: 'sql',
          statement: String(event.statement),
          as: event.as === 'table' ? 'table' : 'view',
          index: Number(event.index),
          of: Number(event.of),
          message,
        },
      ];
    case 'write':
      return [{ step: 'write', table: String(event.table), message }];
    default:
      return [];
  }
}

interface JobOutcome {
  readonly manifest: GlueJobManifest;
  readonly ms: number;
}

/** Runs the job to its end; rejects with the error the job reported (an input error as EtlInputError). */
function runJob(
  lake: LakeRun,
  settings: Settings,
  staged: Record<SourceName, StagedFile[]>,
  links: ReadonlyMap<string, string>,
  emit: EtlProgressListener,
  signal: AbortSignal | undefined,
  python: string,
  onChild: (child: ChildProcess | undefined) => void,
): Promise<JobOutcome> {
  const scratch = lake.scratchDir;
  const manifestPath = join(scratch, 'job-manifest.json');
  const args = [
    '-c',
    LAUNCHER,
    GLUE_JOB_ENTRY,
    '--JOB_NAME',
    LOCAL_JOB_NAME,
    '--JOB_RUN_ID',
    lake.runId,
    '--staging_path',
    `${join(scratch, 'staging')}/`,
    '--warehouse_path',
    lake.path(LAKE_ZONES.warehouse),
    '--quarantine_path',
    lake.path(LAKE_ZONES.quarantine),
    '--runs_path',
    `${join(scratch, 'job')}/`,
    '--manifest_path',
    manifestPath,
    '--etl_sql',
    ETL_SQL_PATH,
    '--data_quality_failure',
    settings.dataQualityFailure,
  ];
  const t0 = performance.now();
  const child = spawn(python, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SPOTIFY_LAKE_SPARK_THREADS: String(settings.threads),
      SPOTIFY_LAKE_SPARK_MEMORY: sparkMemory(settings.memoryLimit),
      SPOTIFY_LAKE_SPARK_SCRATCH: scratch,
      // Spark binds its driver to the loopback address, and says nothing about the host's name.
      SPARK_LOCAL_IP: '127.0.0.1',
      PYTHONDONTWRITEBYTECODE: '1',
    },
  });
  onChild(child);
  const stderr: string[] = [];
  let failure: JobEvent | undefined;
  let lastStep = 'start';
  // Events are handled in order, each after the previous one: journaling a published file comes before its
  // fault point.
  let handling: Promise<void> = Promise.resolve();
  const handle = async (event: JobEvent) => {
    lastStep = String(event.message ?? event.step);
    for (const progress of progressOf(event, staged)) emit(progress);
    if (event.step === 'error') failure = event;
    if (event.step === 'published') {
      for (const file of event.files as string[]) await lake.willCreate(lakeRelative(lake, file));
      faultPoint(event.zone === 'warehouse' ? 'after-write:datawarehouse' : 'after-write:quarantine');
    }
  };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith(EVENT_PREFIX)) return;
    const event = JSON.parse(line.slice(EVENT_PREFIX.length)) as JobEvent;
    handling = handling.then(() => handle(event));
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > STDERR_LINES) stderr.shift();
  });
  const heartbeat = setInterval(() => {
    const elapsedMs = Math.round(performance.now() - t0);
    emit({
      step: 'working',
      on: 'spark',
      elapsedMs,
      percent: undefined,
      message: `still running spark (${(elapsedMs / 1000).toFixed(0)} s, ${lastStep})`,
    });
  }, settings.heartbeatMs);
  heartbeat.unref();

  return new Promise<JobOutcome>((resolvePromise, reject) => {
    child.on('error', (error) => {
      clearInterval(heartbeat);
      reject(new Error(`cannot start ${python}: ${error.message}`, { cause: error }));
    });
    child.on('close', (code, killedBy) => {
      clearInterval(heartbeat);
      onChild(undefined);
      handling
        .then(async () => {
          if (signal?.aborted) throw signal.reason;
          if (code !== 0) throw jobError(failure, code, killedBy, stderr, links);
          const text = await readFile(manifestPath, 'utf8');
          resolvePromise({
            manifest: parseGlueJobManifest(text, lake.runId),
            ms: Math.round(performance.now() - t0),
          });
        })
        .catch(reject);
    });
  });
}

/** The job's failure as the runner's own error: bad input names the input file, not its link in the scratch. */
function jobError(
  failure: JobEvent | undefined,
  code: number | null,
  killedBy: NodeJS.Signals | null,
  stderr: readonly string[],
  links: ReadonlyMap<string, string>,
): Error {
  if (failure?.kind === 'data-quality') return new DataQualityError(failure.report as DataQualityReport);
  if (failure?.kind === 'input') {
    const linked = String(failure.file);
    return new EtlInputError(
      {
        file: links.get(linked) ?? linked,
        row: typeof failure.row === 'number' ? failure.row : undefined,
        column: typeof failure.column === 'string' ? failure.column : undefined,
      },
      String(failure.problem),
    );
  }
  const how = killedBy ? `killed by ${killedBy}` : `exit code ${code}`;
  const reported = failure ? `: ${String(failure.message)}` : '';
  return new Error(`the Spark job failed (${how})${reported}\n${stderr.join('\n')}`);
}

/** A file the job wrote, relative to the lake (`datawarehouse/part-00000-<run id>.parquet`). */
function lakeRelative(lake: LakeRun, file: string): string {
  const path = relative(lake.lakeDir, file).split(sep).join('/');
  if (path.startsWith('..')) throw new Error(`the Spark job wrote ${file}, outside the lake ${lake.lakeDir}`);
  return path;
}

/** The job's published files of a zone, relative to the lake, checked to be the run's part files in order. */
function zoneFiles(lake: LakeRun, zone: 'warehouse' | 'quarantine', files: readonly string[]): string[] {
  return files.map((file, i) => {
    const path = lakeRelative(lake, file);
    if (path !== runPartFile(zone, lake.runId, i)) {
      throw new Error(`the Spark job published ${path}, expected ${runPartFile(zone, lake.runId, i)}`);
    }
    return path;
  });
}

/**
 * Shows the staged files to the job as its staging folder, `<scratch>/staging/<source>/<file>`: hard links, so
 * nothing is copied again. Returns each link's input file, which errors name.
 */
async function linkStagedFiles(
  lake: LakeRun,
  staged: Record<SourceName, StagedFile[]>,
): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const source of SOURCE_NAMES) {
    const folder = join(lake.scratchDir, 'staging', source);
    await mkdir(folder, { recursive: true });
    for (const file of staged[source]) {
      const path = join(folder, basename(file.path));
      await link(file.path, path);
      links.set(path, file.inputPath);
    }
  }
  return links;
}

/** Counts the written files as readers will read them: rows by source and reason, warehouse rows, bytes. */
async function countWritten(lake: LakeRun, warehouse: readonly string[], quarantine: readonly string[]) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const files = (list: readonly string[]) =>
    `[${list.map((f) => duckDbFileLiteral(lake.path(f))).join(', ')}]`;
  try {
    const rows = async (sql: string) =>
      (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    const quarantineCounts = await countQuarantine(
      rows,
      quarantine.map((f) => lake.path(f)),
    );
    const [counted] = await rows(`SELECT COUNT(*) AS n FROM read_parquet(${files(warehouse)})`);
    const bytes = async (list: readonly string[]) =>
      (await Promise.all(list.map(async (f) => (await stat(lake.path(f))).size))).reduce((a, b) => a + b, 0);
    return {
      quarantine: quarantineCounts,
      warehouseRows: Number(counted?.n),
      warehouseBytes: await bytes(warehouse),
      quarantineBytes: await bytes(quarantine),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The Spark engine's runEtl (called by runEtl with engine 'spark', options already validated). */
export async function runSparkEtl(options: RunEtlOptions, settings: Settings): Promise<EtlManifest> {
  const emit = options.onProgress ?? (() => undefined);
  const { signal } = options;
  const started = performance.now();
  const startedAt = new Date();
  const inputDir = resolve(options.inputDir);
  const lakeDir = resolve(options.lakeDir);
  sparkMemory(settings.memoryLimit);

  const env = await ensurePythonEnv({
    log: (line) =>
      emit({ step: 'working', on: 'python env', elapsedMs: 0, percent: undefined, message: line }),
  });
  const sql = await readEtlSql();
  const inputs = await planInputs(inputDir);
  const lake = await openLakeRun({ lakeDir, runId: newRunId(startedAt), force: options.force ?? false });
  const steps: StepTiming[] = [];
  let child: ChildProcess | undefined;
  const interrupt = () => child?.kill('SIGTERM');
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    signal?.throwIfAborted();
    let t0 = performance.now();
    const staged = await stageInputs({ lake, emit }, inputs.headers);
    steps.push({ step: 'stage', ms: Math.round(performance.now() - t0) });
    faultPoint('after-stage');
    const links = await linkStagedFiles(lake, staged);
    const job = await runJob(lake, settings, staged, links, emit, signal, env.python, (c) => {
      child = c;
    });
    steps.push(
      { step: 'spark', ms: job.ms },
      ...job.manifest.timings.steps.map((s) => ({ ...s, step: `spark:${s.step}` })),
    );
    if (job.manifest.etlSql.sha256 !== sql.sha256) {
      throw new Error(`the Spark job ran ${job.manifest.etlSql.file}, not ${ETL_SQL_PATH} (sha256 differs)`);
    }

    t0 = performance.now();
    const warehouseFiles = zoneFiles(lake, 'warehouse', job.manifest.files.warehouse);
    const quarantineFiles = zoneFiles(lake, 'quarantine', job.manifest.files.quarantine);
    const written = await countWritten(lake, warehouseFiles, quarantineFiles);
    steps.push({ step: 'count', ms: Math.round(performance.now() - t0) });

    const sources = {} as Record<SourceName, SourceSummary>;
    const { bySource, byReason, bySourceAndReason } = written.quarantine;
    for (const source of SOURCE_NAMES) {
      const counts = bySourceAndReason[source];
      const reported = job.manifest.sources[source];
      if (QUARANTINE_REASONS.some((r) => reported.byReason[r] !== counts[r])) {
        throw new Error(`the Spark job's counts of ${source} differ from the quarantine files it wrote`);
      }
      sources[source] = {
        rows: reported.rows,
        accepted: reported.accepted,
        quarantined: bySource[source],
        byReason: counts,
        ignoredColumns: inputs.headers[source][0]?.header.ignored ?? [],
        inputFiles: inputs.files[source],
        stagedFiles: staged[source].map((f) => f.relative),
      };
    }
    const manifest: EtlManifest = {
      lake: LAKE_FORMAT,
      runId: lake.runId,
      engine: 'spark',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      inputDir,
      lakeDir,
      files: {
        staging: SOURCE_NAMES.flatMap((s) => sources[s].stagedFiles),
        warehouse: warehouseFiles,
        quarantine: quarantineFiles,
      },
      etlSql: { file: ETL_SQL_PATH, sha256: sql.sha256, statements: sql.statements.length },
      settings: { threads: settings.threads, memoryLimit: settings.memoryLimit },
      sources,
      warehouse: { rows: written.warehouseRows, files: warehouseFiles, bytes: written.warehouseBytes },
      quarantine: {
        rows: SOURCE_NAMES.reduce((n, s) => n + bySource[s], 0),
        files: quarantineFiles,
        bytes: written.quarantineBytes,
        bySource,
        byReason,
      },
      dataQuality: job.manifest.dataQuality,
      timings: { totalMs: Math.round(performance.now() - started), steps },
    };
    const rawRows = Object.fromEntries(SOURCE_NAMES.map((s) => [s, job.manifest.sources[s].rows])) as Record<
      SourceName,
      number
    >;
    return await commitRun(
      { lake, emit, signal, afterCommit: options.afterCommit },
      manifest,
      rawRows,
      started,
    );
  } catch (error) {
    child?.kill('SIGKILL');
    return await abortRun(lake, signal, error);
  } finally {
    signal?.removeEventListener('abort', interrupt);
  }
}
