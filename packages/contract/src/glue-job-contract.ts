import { DATA_QUALITY_FAILURE_MODES, dataQualityChecks } from './data-quality';
import { ETL_OUTPUTS, RAW_VIEW_COLUMNS, rawView, SOURCE_COUNTS_VIEW } from './etl-sql';
import { LAKE_ZONES, stagingPrefix } from './lake-layout';
import { RUN_ID_PATTERN } from './local-lake/lake-format';
import { QUARANTINE_REASONS } from './quarantine';
import { SOURCE_NAMES, SOURCES } from './sources';

/** One argument of the Glue job, which Glue passes as `--<name> <value>`. */
export interface GlueJobArgument {
  readonly name: string;
  /** A run without it fails before reading anything, naming it. */
  readonly required: boolean;
  /** The value the job uses when the argument is absent (optional arguments only). */
  readonly default?: string;
  readonly description: string;
}

/**
 * The arguments the Glue job parses, besides the ones Glue itself passes (`JOB_NAME`, `JOB_ID`, `JOB_RUN_ID`, ...).
 * One list for both sides: the job reads it from its generated contract module, and a Glue job component builds
 * its default arguments from it, so the two cannot drift apart.
 */
export const GLUE_JOB_ARGUMENTS: readonly GlueJobArgument[] = [
  {
    name: 'staging_path',
    required: true,
    description: `Folder holding one folder per source with its CSV files, e.g. s3://bucket/${LAKE_ZONES.staging}`,
  },
  {
    name: 'warehouse_path',
    required: true,
    description: `Folder of the warehouse table's Parquet files, e.g. s3://bucket/${LAKE_ZONES.warehouse}`,
  },
  {
    name: 'quarantine_path',
    required: true,
    description: `Folder of the rejected rows with their reasons, e.g. s3://bucket/${LAKE_ZONES.quarantine}`,
  },
  {
    name: 'runs_path',
    required: true,
    description: `Folder where a run writes its outputs before publishing them, e.g. s3://bucket/${LAKE_ZONES.runs}`,
  },
  {
    name: 'manifest_path',
    required: true,
    description: 'The run summary, written last: the commit point of a run, e.g. s3://bucket/manifest.json',
  },
  {
    name: 'etl_sql',
    required: false,
    default: 'etl.sql',
    description:
      'The ETL SQL file; a bare name is looked up in the working directory, where --extra-files puts it',
  },
  {
    name: 'compression',
    required: false,
    default: 'zstd',
    description: 'Parquet codec: zstd, snappy, gzip or uncompressed',
  },
  {
    name: 'data_quality_failure',
    required: false,
    default: 'fail',
    description: 'What a failed data-quality rule does: fail (the run fails and publishes nothing) or warn',
  },
];

/**
 * The marker of the Glue job's manifest (written where --manifest_path says, the commit point of a run): a manifest
 * carrying it is this job's, and only the files such a manifest lists (its run's table files) are ever deleted by a
 * later run. Its shape: `runId`, `engine` (`glue` on Glue, `spark` on a local Spark), `files` (`staging`, `warehouse`,
 * `quarantine`: full URIs), `etlSql`, `sources` (per source: rows, accepted, quarantined, byReason, ignoredColumns,
 * inputFiles), `warehouse` and `quarantine` (rows, files; quarantine by source and reason), `dataQuality`, `timings`.
 */
export const GLUE_JOB_MANIFEST = { tool: 'spotify-lake', manifest: 'glue-job', version: 1 } as const;

/**
 * The run ids the job's published files can carry (`part-NNNNN-<run id>.parquet`): Glue's job run ids (`jr_` and 64
 * hex digits) and the local runner's (`RUN_ID_PATTERN`, when `--engine spark` runs the job). A later run removes a
 * table file that no committed manifest lists only when its name carries one of these, so that no file another
 * writer put in a table's folder (Spark's `part-00000-<uuid>-c000.snappy.parquet`, say) is ever taken for the job's.
 */
export const JOB_RUN_ID_PATTERN = new RegExp(`^(?:jr_[0-9a-f]{64}|${RUN_ID_PATTERN.source.slice(1, -1)})$`);

/**
 * The part of the contract the Glue job needs (source files and fields, view and output names), as
 * plain data. The Python job cannot import the TypeScript contract, so it gets this generated copy;
 * a test keeps the checked-in module equal to it.
 */
export function glueJobContract() {
  return {
    sources: Object.fromEntries(
      SOURCE_NAMES.map((s) => [
        s,
        {
          file: SOURCES[s].file,
          stagingPrefix: stagingPrefix(s),
          rawView: rawView(s),
          fields: SOURCES[s].fields.map((f) => f.name),
        },
      ]),
    ),
    rawViewColumns: [...RAW_VIEW_COLUMNS],
    outputs: { ...ETL_OUTPUTS },
    sourceCountsView: SOURCE_COUNTS_VIEW,
    quarantineReasons: [...QUARANTINE_REASONS],
    lakeZones: { ...LAKE_ZONES },
    jobArguments: GLUE_JOB_ARGUMENTS.map((a) => ({ ...a })),
    jobManifest: { ...GLUE_JOB_MANIFEST },
    jobRunIdPattern: JOB_RUN_ID_PATTERN.source,
    // The warehouse's rules, their DQDL ruleset (for EvaluateDataQuality) and the SQL that evaluates them on Spark.
    dataQuality: { ...dataQualityChecks(), failureModes: [...DATA_QUALITY_FAILURE_MODES] },
  };
}

/** The Python module holding glueJobContract(), byte for byte what `etl/glue-job/spotify_contract.py` must contain. */
export function renderGlueJobContractModule(): string {
  const json = JSON.stringify(glueJobContract(), null, 2);
  // A raw string keeps JSON's escapes (the DQDL's \") for json.loads to decode; only ''' would end it early.
  if (json.includes("'''")) throw new Error('contract JSON cannot be embedded as a raw string');
  return [
    '"""The data contract as the Glue job sees it.',
    '',
    'GENERATED from @spotify-lake/contract by renderGlueJobContractModule (packages/contract/src/glue-job-contract.ts):',
    'do not edit. Regenerate with:',
    '  pnpm --filter @spotify-lake/etl generate:glue-contract',
    '"""',
    '',
    'import json',
    '',
    `CONTRACT = json.loads(r'''${json}''')`,
    '',
  ].join('\n');
}
