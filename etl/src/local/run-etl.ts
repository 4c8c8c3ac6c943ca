import { createHash } from 'node:crypto';
import { constants, copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  checkedView,
  DUCKDB_SHIMS,
  ETL_OUTPUTS,
  type EtlStatement,
  LAKE_ZONES,
  MANIFEST_FILE,
  QUARANTINE_REASONS,
  type QuarantineReason,
  rawView,
  SOURCE_COUNTS_VIEW,
  SOURCE_NAMES,
  type SourceName,
  stagingPrefix,
} from '@spotify-lake/contract';
import { readCsvHeader } from './csv-header';
import { type DuckDbSession, openDuckDb } from './duckdb-session';
import { DUCKDB_SETTINGS } from './duckdb-settings';
import { EtlInputError } from './errors';
import { ETL_SQL_PATH, loadEtlSql } from './etl-sql-file';
import { matchHeader } from './header-match';
import { findSourceFiles } from './input-files';
import { newRunId, startRun } from './lake-folder';
import {
  assertManifestInvariants,
  type EtlManifest,
  type ReasonCounts,
  type SourceSummary,
  type StepTiming,
  zeroReasonCounts,
} from './manifest';
import type { EtlProgressListener } from './progress';
import type { SourceFile } from './raw-source';
import { readSource, type StagedFile } from './read-source';
import { sqlString } from './sql-text';

export interface RunEtlOptions {
  /** Folder with `albums.csv`, `artists.csv`, `tracks.csv` (or `albums/*.csv`, ... as in the lake's staging zone). */
  inputDir: string;
  /** Lake folder to (re)build; its previous content is replaced only when the run succeeds. */
  lakeDir: string;
  /** Called before each step; nothing is printed by the runner itself. */
  onProgress?: EtlProgressListener;
  /** DuckDB worker threads. Default: 2. */
  threads?: number;
  /** DuckDB memory limit, beyond which it spills to disk in the run's temporary folder. Default: `1.25GB`. */
  memoryLimit?: string;
  /** How often a long step reports that it is still running (`working` events). Default: 5000 ms. */
  heartbeatMs?: number;
}

export const DEFAULT_THREADS = 2;
export const DEFAULT_MEMORY_LIMIT = '1.25GB';
export const DEFAULT_HEARTBEAT_MS = 5_000;

/** DuckDB's size syntax, e.g. `512MB`, `1.5GiB`. */
export const isMemoryLimit = (value: string): boolean =>
  /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value.trim());

/** Parquet files are named like Spark's so that the cloud and local lakes look alike. */
const partFile = (zone: string) => `${zone}part-00000.parquet`;

/**
 * Runs the ETL SQL on DuckDB over an input folder and (re)builds the lake folder: staging copies of the
 * inputs, the warehouse and quarantine as Parquet, and manifest.json. Everything is built in a temporary
 * folder inside the lake and swapped in at the end; a failed run leaves the previous lake as it was.
 * Throws EtlInputError for input that cannot be processed as a whole; bad rows go to quarantine.
 */
export async function runEtl(options: RunEtlOptions): Promise<EtlManifest> {
  const settings = validateOptions(options);
  const emit = options.onProgress ?? (() => undefined);
  const started = performance.now();
  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const inputDir = resolve(options.inputDir);
  const lakeDir = resolve(options.lakeDir);
  const steps: StepTiming[] = [];
  let db: DuckDbSession | undefined;
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const heartbeat = setInterval(() => {
      const elapsedMs = Math.round(performance.now() - t0);
      const percent = db?.percentDone();
      const done = percent === undefined ? '' : `, ${percent.toFixed(0)}% of the query`;
      const message = `still running ${step} (${(elapsedMs / 1000).toFixed(0)} s${done})`;
      emit({ step: 'working', on: step, elapsedMs, percent, message });
    }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const result = await work();
      steps.push({ step, ms: Math.round(performance.now() - t0) });
      return result;
    } finally {
      clearInterval(heartbeat);
    }
  };

  const etlSqlText = await readFile(ETL_SQL_PATH, 'utf8');
  const statements = await loadEtlSql(ETL_SQL_PATH);
  const { checks, rest } = splitChecks(statements);
  const inputFiles = await findSourceFiles(inputDir);
  const headers = {} as Record<SourceName, SourceFile[]>;
  for (const source of SOURCE_NAMES) {
    headers[source] = [];
    for (const path of inputFiles[source]) {
      headers[source].push({ path, header: matchHeader(source, path, await readCsvHeader(path)) });
    }
  }
  assertSameIgnoredColumns(headers);

  const run = await startRun(lakeDir, runId);
  try {
    const staged = await timed('stage', () => stageInputs(headers, run.root, emit));

    db = await openDuckDb({ ...settings, tempDirectory: run.spillDir });
    for (const sql of [...DUCKDB_SHIMS, ...DUCKDB_SETTINGS]) await db.run(sql);
    const rawRows = {} as Record<SourceName, number>;
    for (const source of SOURCE_NAMES) {
      rawRows[source] = await timed(`read:${source}`, () =>
        readSource(db!, source, staged[source], checks[source], emit),
      );
    }

    // Record numbers are fixed once the sources are read (rowid); from here on, order is free and
    // dropping it lets DuckDB materialize and write in parallel.
    await db.run('SET preserve_insertion_order = false');
    for (const [index, statement] of rest.entries()) {
      const as = statement.materialize ? 'table' : 'view';
      emit({
        step: 'sql',
        statement: statement.name,
        as,
        index: index + 1,
        of: rest.length,
        message: `sql ${index + 1}/${rest.length}: ${statement.name} (${as})`,
      });
      await timed(`sql:${statement.name}`, () =>
        db!.run(`CREATE TEMP ${as === 'table' ? 'TABLE' : 'VIEW'} ${statement.name} AS\n${statement.sql}`),
      );
    }

    // The quarantine goes first: at 10x, where the checked rows outgrow the memory limit, the two writes
    // took 1-1.5 s less in this order (same files either way; see etl/README.md "Measured").
    const quarantine = await timed(`write:${ETL_OUTPUTS.quarantine}`, () =>
      writeParquet(db!, ETL_OUTPUTS.quarantine, LAKE_ZONES.quarantine, run.root, emit),
    );
    const warehouse = await timed(`write:${ETL_OUTPUTS.warehouse}`, () =>
      writeParquet(db!, ETL_OUTPUTS.warehouse, LAKE_ZONES.warehouse, run.root, emit),
    );
    const counts = await timed('count', () => countRows(db!, join(run.root, quarantine.files[0]!)));
    db.close();
    db = undefined;

    const sources = {} as Record<SourceName, SourceSummary>;
    for (const source of SOURCE_NAMES) {
      const read = counts.sources[source];
      sources[source] = {
        rows: read.rows,
        accepted: read.accepted,
        quarantined: counts.quarantine.bySource[source],
        byReason: counts.quarantine.bySourceAndReason[source],
        ignoredColumns: headers[source][0]?.header.ignored ?? [],
        inputFiles: inputFiles[source],
        stagedFiles: staged[source].map((f) => f.relative),
      };
    }
    const manifest: EtlManifest = {
      runId,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      inputDir,
      lakeDir,
      etlSql: {
        file: ETL_SQL_PATH,
        sha256: createHash('sha256').update(etlSqlText).digest('hex'),
        statements: statements.length,
      },
      settings: { threads: settings.threads, memoryLimit: settings.memoryLimit },
      sources,
      warehouse,
      quarantine: {
        ...quarantine,
        bySource: counts.quarantine.bySource,
        byReason: counts.quarantine.byReason,
      },
      // Publishing (a few renames) is not in totalMs: the manifest is written before it.
      timings: { totalMs: Math.round(performance.now() - started), steps },
    };
    assertManifestInvariants(manifest, rawRows);

    emit({ step: 'publish', lakeDir, message: `publish to ${lakeDir}` });
    await writeFile(join(run.root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await run.publish();
    const ms = Math.round(performance.now() - started);
    emit({ step: 'done', ms, message: `done in ${(ms / 1000).toFixed(1)} s` });
    return manifest;
  } finally {
    db?.close();
    await run.discard();
  }
}

function validateOptions(options: RunEtlOptions): { threads: number; memoryLimit: string } {
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
  const memoryLimit = (options.memoryLimit ?? DEFAULT_MEMORY_LIMIT).trim();
  if (!isMemoryLimit(memoryLimit)) {
    throw new RangeError(`runEtl: memoryLimit must look like 512MB or 2GB, got "${options.memoryLimit}"`);
  }
  return { threads, memoryLimit };
}

/** A lake table holds one schema, so every file of a source must name the same extra columns. */
function assertSameIgnoredColumns(files: Record<SourceName, SourceFile[]>): void {
  for (const source of SOURCE_NAMES) {
    const [first, ...rest] = files[source];
    for (const other of rest) {
      if (other.header.ignored.join('\u0000') !== first!.header.ignored.join('\u0000')) {
        throw new EtlInputError(
          { file: other.path, row: 1 },
          `extra columns (${other.header.ignored.join(', ') || 'none'}) differ from ${first!.path} (${first!.header.ignored.join(', ') || 'none'})`,
        );
      }
    }
  }
}

/**
 * Copies the inputs into the run's staging zone and reads them from there, so staging holds exactly
 * what was read even if an input changes during the run. Copy-on-write where the file system can.
 */
async function stageInputs(
  files: Record<SourceName, SourceFile[]>,
  runRoot: string,
  emit: EtlProgressListener,
): Promise<Record<SourceName, StagedFile[]>> {
  const staged = {} as Record<SourceName, StagedFile[]>;
  for (const source of SOURCE_NAMES) {
    const folder = join(runRoot, stagingPrefix(source));
    await mkdir(folder, { recursive: true });
    staged[source] = [];
    for (const file of files[source]) {
      emit({ step: 'stage', source, file: file.path, message: `stage ${file.path}` });
      const relative = `${stagingPrefix(source)}${basename(file.path)}`;
      const target = join(runRoot, relative);
      try {
        await copyFile(file.path, target, constants.COPYFILE_FICLONE);
      } catch (error) {
        throw new EtlInputError({ file: file.path }, 'cannot be copied to staging', { cause: error });
      }
      staged[source].push({ path: target, header: file.header, relative, inputPath: file.path });
    }
  }
  return staged;
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

async function writeParquet(
  db: DuckDbSession,
  table: string,
  zone: string,
  runRoot: string,
  emit: EtlProgressListener,
): Promise<{ rows: number; files: string[]; bytes: number }> {
  const relative = partFile(zone);
  const path = join(runRoot, relative);
  emit({ step: 'write', table, message: `write ${relative}` });
  const [result] = await db.rows(
    `COPY (SELECT * FROM ${table}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`,
  );
  const rows = Number(result?.Count);
  return { rows, files: [relative], bytes: (await stat(path)).size };
}

interface Counts {
  sources: Record<SourceName, { rows: number; accepted: number }>;
  quarantine: {
    bySource: Record<SourceName, number>;
    byReason: ReasonCounts;
    bySourceAndReason: Record<SourceName, ReasonCounts>;
  };
}

/** Rows read and accepted from the ETL SQL's own count; quarantine counts from the file as written. */
async function countRows(db: DuckDbSession, quarantineFile: string): Promise<Counts> {
  const sources = {} as Counts['sources'];
  for (const row of await db.rows(`SELECT source, rows_read, accepted FROM ${SOURCE_COUNTS_VIEW}`)) {
    sources[row.source as SourceName] = { rows: Number(row.rows_read), accepted: Number(row.accepted) };
  }
  const bySource = Object.fromEntries(SOURCE_NAMES.map((s) => [s, 0])) as Record<SourceName, number>;
  const byReason = zeroReasonCounts();
  const bySourceAndReason = Object.fromEntries(SOURCE_NAMES.map((s) => [s, zeroReasonCounts()])) as Record<
    SourceName,
    ReasonCounts
  >;
  const grouped = await db.rows(
    `SELECT source, reason, COUNT(*) AS n FROM read_parquet(${sqlString(quarantineFile)}) GROUP BY source, reason`,
  );
  for (const row of grouped) {
    const source = row.source as SourceName;
    const reason = row.reason as QuarantineReason;
    if (!SOURCE_NAMES.includes(source) || !QUARANTINE_REASONS.includes(reason)) {
      throw new Error(
        `quarantine holds an unknown source or reason: ${String(row.source)}/${String(row.reason)}`,
      );
    }
    const n = Number(row.n);
    bySource[source] += n;
    byReason[reason] += n;
    bySourceAndReason[source][reason] += n;
  }
  for (const source of SOURCE_NAMES) {
    if (!sources[source]) throw new Error(`${SOURCE_COUNTS_VIEW} has no row for source ${source}`);
  }
  return { sources, quarantine: { bySource, byReason, bySourceAndReason } };
}
