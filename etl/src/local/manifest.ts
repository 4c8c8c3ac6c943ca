import {
  type DataQualityReport,
  type LAKE_FORMAT,
  type LakeFiles,
  QUARANTINE_REASONS,
  type QuarantineReason,
  SOURCE_NAMES,
  type SourceName,
} from '@spotify-lake/contract';

export type ReasonCounts = Record<QuarantineReason, number>;

export interface SourceSummary {
  /** Records read: parsed rows plus malformed records. */
  readonly rows: number;
  readonly accepted: number;
  readonly quarantined: number;
  /** Quarantined rows of this source per reason; every reason is present. */
  readonly byReason: ReasonCounts;
  /** Header columns the contract does not name: read, then ignored. */
  readonly ignoredColumns: readonly string[];
  /** Input files, as found (absolute paths). */
  readonly inputFiles: readonly string[];
  /** Their copies in the lake, relative to the lake folder (`staging/<source>/<run id>/<file>`). */
  readonly stagedFiles: readonly string[];
}

export interface OutputSummary {
  readonly rows: number;
  /** Parquet files relative to the lake folder, e.g. `datawarehouse/part-00000-<run id>.parquet`. */
  readonly files: readonly string[];
  readonly bytes: number;
}

export interface QuarantineSummary extends OutputSummary {
  readonly bySource: Record<SourceName, number>;
  readonly byReason: ReasonCounts;
}

export interface StepTiming {
  /** e.g. `stage`, `read:albums`, `sql:deduped_albums`, `write:datawarehouse`, `publish`. */
  readonly step: string;
  readonly ms: number;
}

/** What a run read, accepted and wrote; saved as `manifest.json` at the root of the lake. */
export interface EtlManifest {
  /** The marker that makes the folder this tool's lake, with the format version. */
  readonly lake: typeof LAKE_FORMAT;
  readonly runId: string;
  /** The engine that ran the ETL SQL: `duckdb`, or `spark` (the Glue job's code on a local Spark). */
  readonly engine: 'duckdb' | 'spark';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly inputDir: string;
  readonly lakeDir: string;
  /** Every data file of the lake, relative to it: what readers read, and what the next run replaces. */
  readonly files: LakeFiles;
  readonly etlSql: { readonly file: string; readonly sha256: string; readonly statements: number };
  readonly settings: { readonly threads: number; readonly memoryLimit: string };
  readonly sources: Record<SourceName, SourceSummary>;
  readonly warehouse: OutputSummary;
  readonly quarantine: QuarantineSummary;
  /** Every data-quality rule of the contract on the warehouse as written: outcome, observed value, the verdict. */
  readonly dataQuality: DataQualityReport;
  readonly timings: { readonly totalMs: number; readonly steps: readonly StepTiming[] };
}

export const zeroReasonCounts = (): ReasonCounts =>
  Object.fromEntries(QUARANTINE_REASONS.map((r) => [r, 0])) as ReasonCounts;

/** Rows the raw views held, as counted before the ETL SQL ran. */
export type RawRowCounts = Record<SourceName, number>;

/**
 * The accounting that proves nothing was lost. A violation is a bug in the ETL SQL or the runner,
 * never bad input, so it is a plain Error.
 */
export function assertManifestInvariants(manifest: EtlManifest, rawRows: RawRowCounts): void {
  const problems: string[] = [];
  for (const source of SOURCE_NAMES) {
    const s = manifest.sources[source];
    if (s.rows !== rawRows[source])
      problems.push(`${source}: ${rawRows[source]} rows read but ${s.rows} counted`);
    if (s.rows !== s.accepted + s.quarantined) {
      problems.push(`${source}: rows ${s.rows} != accepted ${s.accepted} + quarantined ${s.quarantined}`);
    }
    const byReason = sum(Object.values(s.byReason));
    if (byReason !== s.quarantined)
      problems.push(`${source}: quarantined ${s.quarantined} != sum by reason ${byReason}`);
    if (manifest.quarantine.bySource[source] !== s.quarantined) {
      problems.push(
        `${source}: quarantine table holds ${manifest.quarantine.bySource[source]} rows, not ${s.quarantined}`,
      );
    }
  }
  if (manifest.warehouse.rows !== manifest.sources.albums.accepted) {
    problems.push(
      `warehouse rows ${manifest.warehouse.rows} != accepted albums ${manifest.sources.albums.accepted}`,
    );
  }
  if (sum(Object.values(manifest.quarantine.byReason)) !== manifest.quarantine.rows) {
    problems.push('quarantine rows != sum by reason');
  }
  if (sum(Object.values(manifest.quarantine.bySource)) !== manifest.quarantine.rows) {
    problems.push('quarantine rows != sum by source');
  }
  if (problems.length > 0)
    throw new Error(`ETL accounting is broken (a bug, not bad input): ${problems.join('; ')}`);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
