import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  checkedView,
  type DataQualityFailureMode,
  type DataQualityReport,
  DUCKDB_SHIMS,
  ETL_OUTPUTS,
  type EtlStatement,
  LAKE_FORMAT,
  rawView,
  runPartFile,
  SOURCE_COUNTS_VIEW,
  SOURCE_NAMES,
  type SourceName,
} from '@spotify-lake/contract';
import { faultPoint } from '../lake/fault-points';
import { type LakeRun, newRunId, openLakeRun } from '../lake/lake-run';
import { runSparkEtl } from '../spark/run-spark';
import { checkDataQuality, DEFAULT_DATA_QUALITY_FAILURE, isDataQualityFailureMode } from './data-quality';
import { type DuckDbSession, openDuckDb } from './duckdb-session';
import { DUCKDB_SETTINGS } from './duckdb-settings';
import { ETL_SQL_PATH, readEtlSql } from './etl-sql-file';
import type { EtlManifest, SourceSummary, StepTiming } from './manifest';
import { isMemoryLimit } from './memory-limit';
import type { EtlProgressListener } from './progress';
import { countQuarantine, type QuarantineCounts } from './quarantine-counts';
import { readSource, type StagedFile } from './read-source';
import { abortRun, commitRun, type PlannedInputs, planInputs, stageInputs } from './run-inputs';

export interface RunEtlOptions {
  /**
   * The engine that runs the ETL SQL: `duckdb` (this runner), or `spark`: the Glue job's own code
   * (`glue-job/spotify_etl_job.py`, with the job arguments Glue passes) on a local Spark, the lake folder in place of
   * the bucket (src/spark/run-spark.ts). Both write the same lake. Default: `duckdb`.
   */
  engine?: EtlEngine;
  /**
   * Folder with `albums.csv`, `artists.csv`, `tracks.csv` (or `albums/*.csv`, ... as in the lake's staging zone),
   * or a lake folder, whose staged files are read again.
   */
  inputDir: string;
  /** Lake folder to (re)build; its previous content is replaced only when the run succeeds. */
  lakeDir: string;
  /** Called before each step; nothing is printed by the runner itself. */
  onProgress?: EtlProgressListener;
  /** DuckDB worker threads. Default: 2. */
  threads?: number;
  /** DuckDB memory limit, beyond which it spills to disk in the run's scratch folder. Default: `1.25GB`. */
  memoryLimit?: string;
  /** How often a long step reports that it is still running (`working` events). Default: 5000 ms. */
  heartbeatMs?: number;
  /** Write the lake into a file-system root, the home folder or a repository. Default: false. */
  force?: boolean;
  /**
   * What a failed data-quality rule does: `fail` (the run fails, DataQualityError, nothing is published) or `warn`
   * (the lake is published and the manifest records the failure). Default: `fail`.
   */
  dataQualityFailure?: DataQualityFailureMode;
  /**
   * Writes files derived from the new lake (the dashboard page) right after the commit, while the run still holds
   * the lake: each file is created through `lake.willCreate` (journaled, so a crash leaves nothing behind) and put in
   * place with `rename`. A failure is a LakeFolderError saying the lake was published. Default: none.
   */
  afterCommit?: (manifest: EtlManifest, lake: LakeFileWriter) => Promise<void>;
  /**
   * Stops the run: the running DuckDB query is interrupted, what the run wrote is removed, the previous lake is
   * left as it was, and runEtl rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

export const ETL_ENGINES = ['duckdb', 'spark'] as const;
export type EtlEngine = (typeof ETL_ENGINES)[number];
/** What an `afterCommit` hook may do in the lake: create a file (journaled first), and name a path. */
export type LakeFileWriter = Pick<LakeRun, 'willCreate' | 'path' | 'runId' | 'lakeDir'>;

export const DEFAULT_THREADS = 2;
export const DEFAULT_MEMORY_LIMIT = '1.25GB';
/** The Spark engine's driver memory: a local Spark at 1x Kaggle scale peaks near 2 GB. */
export const DEFAULT_SPARK_MEMORY_LIMIT = '2GB';
export const DEFAULT_HEARTBEAT_MS = 5_000;

export { isMemoryLimit } from './memory-limit';

export interface Settings {
  engine: EtlEngine;
  threads: number;
  memoryLimit: string;
  heartbeatMs: number;
  dataQualityFailure: DataQualityFailureMode;
}

/** What the steps of one run share. */
interface RunContext {
  readonly settings: Settings;
  readonly emit: EtlProgressListener;
  readonly lake: LakeRun;
  readonly steps: StepTiming[];
  readonly signal: AbortSignal | undefined;
  db: DuckDbSession | undefined;
}

/**
 * Runs the ETL SQL on DuckDB over an input folder and (re)builds the lake folder: staging copies of the inputs,
 * the warehouse and quarantine as Parquet, and manifest.json, the commit point (see the contract's lake format).
 * A failed or interrupted run leaves the previous lake as it was. Throws EtlInputError for input that cannot
 * be processed as a whole, LakeFolderError for a lake folder it must not or cannot write; bad rows go to
 * quarantine.
 */
export async function runEtl(options: RunEtlOptions): Promise<EtlManifest> {
  const settings = validateOptions(options);
  if (settings.engine === 'spark') return runSparkEtl(options, settings);
  const emit = options.onProgress ?? (() => undefined);
  const started = performance.now();
  const startedAt = new Date();
  const inputDir = resolve(options.inputDir);
  const lakeDir = resolve(options.lakeDir);

  const sql = await loadEtlSqlParts();
  const inputs = await planInputs(inputDir);
  const lake = await openLakeRun({ lakeDir, runId: newRunId(startedAt), force: options.force ?? false });
  const run: RunContext = { settings, emit, lake, steps: [], signal: options.signal, db: undefined };
  const { signal } = run;
  const interrupt = () => run.db?.connection.interrupt();
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    signal?.throwIfAborted();
    const staged = await timed(run, 'stage', () => stageInputs(run, inputs.headers));
    faultPoint('after-stage');
    run.db = await openSession(run);
    const rawRows = await readSources(run, staged, sql.checks);
    await runStatements(run, sql.rest);
    // The quarantine goes first: at 10x, where the checked rows outgrow the memory limit, the two writes
    // took 1-1.5 s less in this order (same files either way; see docs/benchmarks.md).
    const quarantine = await timed(run, `write:${ETL_OUTPUTS.quarantine}`, () =>
      writeOutput(run, 'quarantine'),
    );
    faultPoint('after-write:quarantine');
    const warehouse = await timed(run, `write:${ETL_OUTPUTS.warehouse}`, () => writeOutput(run, 'warehouse'));
    faultPoint('after-write:datawarehouse');
    const counts = await timed(run, 'count', () => countRows(run.db!, lake.path(quarantine.files[0]!)));
    const dataQuality = await timed(run, 'data-quality', () =>
      checkDataQuality(run.db!, lake.path(warehouse.files[0]!), settings.dataQualityFailure),
    );
    run.db.close();
    run.db = undefined;

    const manifest = buildManifest({
      run,
      inputDir,
      startedAt,
      started,
      sql,
      inputs,
      staged,
      warehouse,
      quarantine,
      counts,
      dataQuality,
    });
    return await commitRun({ ...run, afterCommit: options.afterCommit }, manifest, rawRows, started);
  } catch (error) {
    run.db?.close();
    run.db = undefined;
    return await abortRun(lake, signal, error);
  } finally {
    signal?.removeEventListener('abort', interrupt);
  }
}

export function validateOptions(options: RunEtlOptions): Settings {
  const engine = options.engine ?? 'duckdb';
  if (!ETL_ENGINES.includes(engine)) {
    throw new RangeError(`runEtl: engine must be one of ${ETL_ENGINES.join(', ')}, got "${String(engine)}"`);
  }
  if (typeof options.inputDir !== 'string' || options.inputDir.trim() === '') {
    throw new TypeError('runEtl: inputDir must be a non-empty path');
  }
  if (typeof options.lakeDir !== 'string' || options.lakeDir.trim() === '') {
    throw new TypeError('runEtl: lakeDir must be a non-empty path');
  }
  const threads = options.threads ?? DEFAULT_THREADS;
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    throw new RangeError(`runEtl: threads must be an integer from 1 to 256, got ${String(options.threads)}`);
  }
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  if (!Number.isInteger(heartbeatMs) || heartbeatMs < 10) {
    throw new RangeError(
      `runEtl: heartbeatMs must be an integer of at least 10, got ${String(options.heartbeatMs)}`,
    );
  }
  const defaultMemory = engine === 'spark' ? DEFAULT_SPARK_MEMORY_LIMIT : DEFAULT_MEMORY_LIMIT;
  const memoryLimit = (options.memoryLimit ?? defaultMemory).trim();
  if (!isMemoryLimit(memoryLimit)) {
    throw new RangeError(`runEtl: memoryLimit must look like 512MB or 2GB, got "${options.memoryLimit}"`);
  }
  const dataQualityFailure = options.dataQualityFailure ?? DEFAULT_DATA_QUALITY_FAILURE;
  if (!isDataQualityFailureMode(dataQualityFailure)) {
    throw new RangeError(
      `runEtl: dataQualityFailure must be fail or warn, got ${JSON.stringify(options.dataQualityFailure)}`,
    );
  }
  return { engine, threads, memoryLimit, heartbeatMs, dataQualityFailure };
}

/** Times a step into the manifest's timings, reporting `working` events while it runs long. */
async function timed<T>(run: RunContext, step: string, work: () => Promise<T>): Promise<T> {
  run.signal?.throwIfAborted();
  const t0 = performance.now();
  const heartbeat = setInterval(() => {
    const elapsedMs = Math.round(performance.now() - t0);
    const percent = run.db?.percentDone();
    const done = percent === undefined ? '' : `, ${percent.toFixed(0)}% of the query`;
    const message = `still running ${step} (${(elapsedMs / 1000).toFixed(0)} s${done})`;
    run.emit({ step: 'working', on: step, elapsedMs, percent, message });
  }, run.settings.heartbeatMs);
  heartbeat.unref();
  try {
    const result = await work();
    run.steps.push({ step, ms: Math.round(performance.now() - t0) });
    return result;
  } finally {
    clearInterval(heartbeat);
  }
}

/** The ETL SQL file, its hash, and its statements: each source's checks, and the rest in order. */
async function loadEtlSqlParts() {
  const sql = await readEtlSql();
  return { ...sql, ...splitChecks(sql.statements) };
}
type EtlSqlParts = Awaited<ReturnType<typeof loadEtlSqlParts>>;

async function openSession(run: RunContext): Promise<DuckDbSession> {
  const db = await openDuckDb({
    threads: run.settings.threads,
    memoryLimit: run.settings.memoryLimit,
    tempDirectory: `${run.lake.scratchDir}/spill`,
  });
  for (const sql of [...DUCKDB_SHIMS, ...DUCKDB_SETTINGS]) await db.run(sql);
  return db;
}

/** Streams each source's staged files through its checks; returns the rows each raw view held. */
async function readSources(
  run: RunContext,
  staged: Record<SourceName, StagedFile[]>,
  checks: Record<SourceName, EtlStatement>,
): Promise<Record<SourceName, number>> {
  const rawRows = {} as Record<SourceName, number>;
  for (const source of SOURCE_NAMES) {
    rawRows[source] = await timed(run, `read:${source}`, () =>
      readSource(run.db!, source, staged[source], checks[source], run.emit),
    );
  }
  return rawRows;
}

/** Every statement after the checks, each as a temp table (materialize) or a view. */
async function runStatements(run: RunContext, statements: readonly EtlStatement[]): Promise<void> {
  // Record numbers are fixed once the sources are read (rowid); from here on, order is free and
  // dropping it lets DuckDB materialize and write in parallel.
  await run.db!.run('SET preserve_insertion_order = false');
  for (const [index, statement] of statements.entries()) {
    const as = statement.materialize ? 'table' : 'view';
    run.emit({
      step: 'sql',
      statement: statement.name,
      as,
      index: index + 1,
      of: statements.length,
      message: `sql ${index + 1}/${statements.length}: ${statement.name} (${as})`,
    });
    await timed(run, `sql:${statement.name}`, () =>
      run.db!.run(`CREATE TEMP ${as === 'table' ? 'TABLE' : 'VIEW'} ${statement.name} AS\n${statement.sql}`),
    );
  }
}

/**
 * Each source's checks statement (`checked_<source>`), which the runner streams the source's files
 * through while reading them, and the statements that follow. Only the checks may read a raw view: the
 * files are read once, and nothing else of them is kept.
 */
export function splitChecks(statements: readonly EtlStatement[]): {
  checks: Record<SourceName, EtlStatement>;
  rest: EtlStatement[];
} {
  const checks = {} as Record<SourceName, EtlStatement>;
  for (const source of SOURCE_NAMES) {
    const statement = statements.find((s) => s.name === checkedView(source));
    if (!statement) throw new Error(`the ETL SQL has no ${checkedView(source)} statement`);
    checks[source] = statement;
  }
  const rest = statements.filter((s) => !SOURCE_NAMES.some((source) => checks[source] === s));
  for (const statement of rest) {
    const raw = SOURCE_NAMES.map(rawView).find((view) => new RegExp(`\\b${view}\\b`).test(statement.sql));
    if (raw) {
      throw new Error(
        `ETL SQL statement ${statement.name} reads ${raw}: only the checks statements may read a raw view`,
      );
    }
  }
  return { checks, rest };
}

/** Writes an output table as a run-named zstd Parquet file of its zone. */
async function writeOutput(
  run: RunContext,
  output: 'warehouse' | 'quarantine',
): Promise<{ rows: number; files: string[]; bytes: number }> {
  const table = ETL_OUTPUTS[output];
  const relative = runPartFile(output, run.lake.runId);
  const path = await run.lake.willCreate(relative);
  run.emit({ step: 'write', table, message: `write ${relative}` });
  // COPY ... TO takes the path literally (no glob), so a lake at `lake[1]` is written where it says.
  const [result] = await run.db!.rows(
    `COPY (SELECT * FROM ${table}) TO '${path.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`,
  );
  return { rows: Number(result?.Count), files: [relative], bytes: (await stat(path)).size };
}

interface Counts {
  sources: Record<SourceName, { rows: number; accepted: number }>;
  quarantine: QuarantineCounts;
}

/** Rows read and accepted from the ETL SQL's own count; quarantine counts from the file as written. */
async function countRows(db: DuckDbSession, quarantineFile: string): Promise<Counts> {
  const sources = {} as Counts['sources'];
  for (const row of await db.rows(`SELECT source, rows_read, accepted FROM ${SOURCE_COUNTS_VIEW}`)) {
    sources[row.source as SourceName] = { rows: Number(row.rows_read), accepted: Number(row.accepted) };
  }
  const quarantine = await countQuarantine((sql) => db.rows(sql), [quarantineFile]);
  for (const source of SOURCE_NAMES) {
    if (!sources[source]) throw new Error(`${SOURCE_COUNTS_VIEW} has no row for source ${source}`);
  }
  return { sources, quarantine };
}

function buildManifest(parts: {
  run: RunContext;
  inputDir: string;
  startedAt: Date;
  started: number;
  sql: EtlSqlParts;
  inputs: PlannedInputs;
  staged: Record<SourceName, StagedFile[]>;
  warehouse: { rows: number; files: string[]; bytes: number };
  quarantine: { rows: number; files: string[]; bytes: number };
  counts: Counts;
  dataQuality: DataQualityReport;
}): EtlManifest {
  const { run, counts, staged } = parts;
  const sources = {} as Record<SourceName, SourceSummary>;
  for (const source of SOURCE_NAMES) {
    const read = counts.sources[source];
    sources[source] = {
      rows: read.rows,
      accepted: read.accepted,
      quarantined: counts.quarantine.bySource[source],
      byReason: counts.quarantine.bySourceAndReason[source],
      ignoredColumns: parts.inputs.headers[source][0]?.header.ignored ?? [],
      inputFiles: parts.inputs.files[source],
      stagedFiles: staged[source].map((f) => f.relative),
    };
  }
  return {
    lake: LAKE_FORMAT,
    runId: run.lake.runId,
    engine: 'duckdb',
    startedAt: parts.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    inputDir: parts.inputDir,
    lakeDir: run.lake.lakeDir,
    files: {
      staging: SOURCE_NAMES.flatMap((s) => sources[s].stagedFiles),
      warehouse: parts.warehouse.files,
      quarantine: parts.quarantine.files,
    },
    etlSql: { file: ETL_SQL_PATH, sha256: parts.sql.sha256, statements: parts.sql.statements.length },
    settings: { threads: run.settings.threads, memoryLimit: run.settings.memoryLimit },
    sources,
    warehouse: parts.warehouse,
    quarantine: {
      ...parts.quarantine,
      bySource: counts.quarantine.bySource,
      byReason: counts.quarantine.byReason,
    },
    dataQuality: parts.dataQuality,
    // Publishing (a rename and the removal of the replaced files) is not in totalMs: the manifest is written before it.
    timings: { totalMs: Math.round(performance.now() - parts.started), steps: run.steps },
  };
}
