import * as pulumi from '@pulumi/pulumi';
import { MIN_BYTES_SCANNED_CUTOFF_PER_QUERY } from '@spotify-lake/catalog';
import { DATA_QUALITY_FAILURE_MODES, type DataQualityFailureMode } from '@spotify-lake/contract';
import {
  assertGlueSchedule,
  DEFAULT_SCHEDULE,
  GLUE_WORKER_TYPES,
  type GlueWorkerType,
  MAX_WORKERS,
  MIN_WORKERS,
  resolveAlertEmails,
} from '@spotify-lake/glue-etl';
import type { LakeEncryption } from '@spotify-lake/lake';
import {
  assertQuickSightConsistent,
  principalList,
  QUICKSIGHT_IMPORT_MODES,
  QUICKSIGHT_REFRESH_INTERVALS,
  type QuickSightImportMode,
  type QuickSightRefresh,
} from './bi-config';
import { StackConfigError } from './config-error';
import { assertProductionSafe } from './production-stacks';

/** The Pulumi project name, which is also the namespace of this program's configuration keys. */
export const CONFIG_NAMESPACE = 'spotify-lake';

/** Athena's minimum cap, in the unit of `bytesScannedCutoffMb`. */
export const BYTES_PER_MIB = 1024 * 1024;
export const MIN_BYTES_SCANNED_CUTOFF_MB = MIN_BYTES_SCANNED_CUTOFF_PER_QUERY / BYTES_PER_MIB;
/**
 * 1 TiB. Past this a cap no longer protects anyone, and a value this large is most likely bytes typed into a MiB
 * key, which would otherwise be accepted and make the cap a million times too large.
 */
export const MAX_BYTES_SCANNED_CUTOFF_MB = 1024 * 1024;

/**
 * Tags every stack puts on its resources under the components' reserved `spotify-lake:` prefix. Counted against
 * AWS's 50 tags per resource together with the components' own three.
 */
export const STACK_TAG = 'spotify-lake:stack';
const COMPONENT_TAG_COUNT = 3;
const AWS_MAX_TAGS_PER_RESOURCE = 50;
export const MAX_USER_TAGS = AWS_MAX_TAGS_PER_RESOURCE - COMPONENT_TAG_COUNT - 1;

/** The stack's configuration with every default applied and every value checked. */
export interface StackConfig {
  /** Name of the stack being deployed (`pulumi.getStack()`). */
  stack: string;
  /** `aws:region`: where every resource is created. Required, no default. */
  region: string;
  /**
   * `spotify-lake:encryption`: SSE-KMS with a customer-managed key (`kms`) or S3-managed keys (`sse-s3`).
   * Production stacks must use `kms`.
   * @default 'kms'
   */
  encryption: LakeEncryption;
  /**
   * `spotify-lake:disposableData`: let `pulumi destroy` delete the buckets with their objects, the key and the
   * workgroup with its saved queries. Refused on production stacks.
   * @default false
   */
  disposableData: boolean;
  /**
   * `spotify-lake:bytesScannedCutoffMb`: Athena cancels any query of the workgroup that scans more than this many
   * MiB (10 to 1048576).
   * @default 1024 (1 GiB)
   */
  bytesScannedCutoffMb: number;
  /**
   * `spotify-lake:queryResultsDays`: days Athena query results are kept in the results bucket.
   * @default 7
   */
  queryResultsDays: number;
  /**
   * `spotify-lake:crawler`: create the optional Glue crawler over the staging zone.
   * @default false
   */
  crawler: boolean;
  /**
   * `spotify-lake:tags`: tags for every taggable resource (string values; no `aws:` or `spotify-lake:` prefix).
   * @default {}
   */
  tags: Record<string, string>;
  /**
   * `spotify-lake:quicksight`: deploy the QuickSight dashboard (needs a QuickSight subscription in the account).
   * @default false
   */
  quicksight: boolean;
  /**
   * `spotify-lake:quicksightOwners`: QuickSight groups or users who may edit the analysis and republish the dashboard
   * (`group/<name>`, `user/<name>` or ARNs).
   * @default []
   */
  quicksightOwners: string[];
  /**
   * `spotify-lake:quicksightViewers`: QuickSight groups or users who may view the dashboard.
   * @default []
   */
  quicksightViewers: string[];
  /**
   * `spotify-lake:quicksightImportMode`: `direct-query` (controls re-run the SQL on Athena) or `spice` (imported on
   * a schedule; the controls are then fixed at their defaults and left out).
   * @default 'direct-query'
   */
  quicksightImportMode: QuickSightImportMode;
  /**
   * `spotify-lake:quicksightRefresh`: how often SPICE re-imports the datasets (`hourly` or `daily`, at 03:00 UTC).
   * @default 'daily'
   */
  quicksightRefresh: QuickSightRefresh;

  // The ETL in the cloud (GlueEtlJob, src/etl-stack.ts).
  /**
   * `spotify-lake:etlWorkerType`: the Glue worker type of the ETL job.
   * @default 'G.1X'
   */
  etlWorkerType: GlueWorkerType;
  /**
   * `spotify-lake:etlWorkers`: the number of Glue workers (2 to 299).
   * @default 2
   */
  etlWorkers: number;
  /**
   * `spotify-lake:etlSchedule`: when the ETL runs, as Glue cron in UTC, or `off` for no scheduled run.
   * @default 'cron(0 3 * * ? *)'
   */
  etlSchedule: string | false;
  /**
   * `spotify-lake:etlOnUpload`: also run the ETL when files land in `staging/` (turns on the lake's EventBridge
   * notifications).
   * @default false
   */
  etlOnUpload: boolean;
  /**
   * `spotify-lake:alertEmails`: addresses told when a run fails or its data quality does.
   * @default []
   */
  alertEmails: string[];
  /**
   * `spotify-lake:dataQualityFailure`: what a failed data-quality rule does to a run: `fail` or `warn`.
   * @default 'fail'
   */
  dataQualityFailure: DataQualityFailureMode;
}

/** The defaults of every optional key, as the doc comments of `StackConfig` state them. */
export const STACK_CONFIG_DEFAULTS = {
  encryption: 'kms',
  disposableData: false,
  bytesScannedCutoffMb: 1024,
  queryResultsDays: 7,
  crawler: false,
  tags: {},
  quicksight: false,
  quicksightOwners: [],
  quicksightViewers: [],
  quicksightImportMode: 'direct-query',
  quicksightRefresh: 'daily',
  etlWorkerType: 'G.1X',
  etlWorkers: MIN_WORKERS,
  etlSchedule: DEFAULT_SCHEDULE,
  etlOnUpload: false,
  alertEmails: [],
  dataQualityFailure: 'fail',
} as const satisfies Partial<StackConfig>;

/** The keys of the project namespace this program reads; any other `spotify-lake:` key is a typo. */
export const STACK_CONFIG_KEYS = [
  'encryption',
  'disposableData',
  'bytesScannedCutoffMb',
  'queryResultsDays',
  'crawler',
  'tags',
  'quicksight',
  'quicksightOwners',
  'quicksightViewers',
  'quicksightImportMode',
  'quicksightRefresh',
  'etlWorkerType',
  'etlWorkers',
  'etlSchedule',
  'etlOnUpload',
  'alertEmails',
  'dataQualityFailure',
] as const;
type StackConfigKey = (typeof STACK_CONFIG_KEYS)[number];

/**
 * Configuration as the Pulumi language host passes it to the program: `namespace:key` to a string, structured
 * values (objects, lists) JSON-encoded, as in `pulumi.runtime.allConfig()`.
 */
export type RawConfig = Readonly<Record<string, string>>;

const fullKey = (key: StackConfigKey) => `${CONFIG_NAMESPACE}:${key}`;
const shown = (value: string) => JSON.stringify(value);

function oneOf<T extends string>(key: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new StackConfigError(key, `must be one of ${allowed.join(', ')} (got ${shown(raw)})`, allowed[0]);
  }
  return raw as T;
}

function bool(key: string, raw: string): boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new StackConfigError(key, `must be true or false (got ${shown(raw)})`, 'true');
}

function wholeNumber(key: string, raw: string, min: number, max: number, unit: string): number {
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new StackConfigError(
      key,
      `must be a whole number of ${unit} from ${min} to ${max} (got ${shown(raw)})`,
      String(min),
    );
  }
  return value;
}

// AWS tag rules: keys 1-128 and values 0-256 Unicode letters, digits, spaces and `_ . : / = + - @`.
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function tags(key: string, raw: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new StackConfigError(key, `must be an object of tag names to values (got ${shown(raw)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new StackConfigError(key, `must be an object of tag names to values (got ${raw})`);
  }
  const entries = Object.entries(parsed);
  if (entries.length > MAX_USER_TAGS) {
    throw new StackConfigError(
      key,
      `has ${entries.length} tags; at most ${MAX_USER_TAGS} fit next to the lake's own under AWS's limit of ${AWS_MAX_TAGS_PER_RESOURCE}`,
    );
  }
  const result: Record<string, string> = {};
  for (const [name, value] of entries) {
    const where = `${key}.${name}`;
    if (name.length === 0 || name.length > 128 || !TAG_CHARACTERS.test(name)) {
      throw new StackConfigError(where, 'tag names are 1-128 letters, digits, spaces and _ . : / = + - @');
    }
    if (/^aws:/i.test(name) || name.startsWith(`${CONFIG_NAMESPACE}:`)) {
      throw new StackConfigError(
        where,
        `the prefixes "aws:" (AWS's) and "${CONFIG_NAMESPACE}:" (the lake's own tags) are reserved`,
      );
    }
    if (typeof value !== 'string' || value.length > 256 || !TAG_CHARACTERS.test(value)) {
      throw new StackConfigError(
        where,
        `tag values are strings of 0-256 letters, digits, spaces and _ . : / = + - @ (got ${JSON.stringify(value)})`,
      );
    }
    result[name] = value;
  }
  return result;
}

/** `off`, or a Glue cron expression checked as the ETL job checks it. */
function schedule(key: string, raw: string): string | false {
  if (raw.trim() === 'off') return false;
  try {
    assertGlueSchedule(raw);
  } catch (error) {
    throw new StackConfigError(key, `${(error as Error).message}, or off`, `'${DEFAULT_SCHEDULE}'`);
  }
  return raw.trim();
}

/** A JSON list of email addresses, each once. */
function emails(key: string, raw: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new StackConfigError(key, `must be a list of email addresses (got ${shown(raw)})`);
  }
  try {
    return resolveAlertEmails(parsed);
  } catch (error) {
    throw new StackConfigError(key, (error as Error).message.replace(/^alertEmails/, ''));
  }
}

// Standard, GovCloud, China and ISO partitions: us-east-1, us-gov-west-1, cn-north-1, us-iso-east-1.
const AWS_REGION = /^[a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\d{1,2}$/;

function region(raw: RawConfig): string {
  const value = raw['aws:region'];
  if (value === undefined || value.trim() === '') {
    throw new StackConfigError(
      'aws:region',
      'is not set; every stack names its region explicitly so that no deployment lands in a default region by accident',
      'eu-west-1',
    );
  }
  if (!AWS_REGION.test(value)) {
    throw new StackConfigError('aws:region', `is not an AWS region name (got ${shown(value)})`, 'eu-west-1');
  }
  return value;
}

function rejectUnknownKeys(raw: RawConfig): void {
  const known = STACK_CONFIG_KEYS.map(fullKey);
  for (const key of Object.keys(raw)) {
    if (!key.startsWith(`${CONFIG_NAMESPACE}:`) || (known as string[]).includes(key)) continue;
    const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
    throw new StackConfigError(
      key,
      `is not a key of this program${near ? ` (did you mean ${near}?)` : ''}; known keys: ${known.join(', ')}`,
    );
  }
}

/**
 * Applies the defaults to the stack's raw configuration and rejects any unusable value, unknown key of the
 * project namespace, or setting that production stacks forbid, with an error naming the key.
 */
export function parseStackConfig(stack: string, raw: RawConfig): StackConfig {
  rejectUnknownKeys(raw);
  const d = STACK_CONFIG_DEFAULTS;
  const read = <T>(key: StackConfigKey, fallback: T, parse: (key: string, value: string) => T): T => {
    const value = raw[fullKey(key)];
    return value === undefined ? fallback : parse(fullKey(key), value);
  };
  const config: StackConfig = {
    stack,
    region: region(raw),
    encryption: read('encryption', d.encryption, (k, v) => oneOf(k, v, ['kms', 'sse-s3'] as const)),
    disposableData: read('disposableData', d.disposableData, bool),
    bytesScannedCutoffMb: read('bytesScannedCutoffMb', d.bytesScannedCutoffMb, (k, v) =>
      wholeNumber(k, v, MIN_BYTES_SCANNED_CUTOFF_MB, MAX_BYTES_SCANNED_CUTOFF_MB, 'MiB'),
    ),
    queryResultsDays: read('queryResultsDays', d.queryResultsDays, (k, v) =>
      wholeNumber(k, v, 1, 3650, 'days'),
    ),
    crawler: read('crawler', d.crawler, bool),
    tags: read('tags', { ...d.tags }, tags),
    quicksight: read('quicksight', d.quicksight, bool),
    quicksightOwners: read('quicksightOwners', [...d.quicksightOwners], principalList),
    quicksightViewers: read('quicksightViewers', [...d.quicksightViewers], principalList),
    quicksightImportMode: read('quicksightImportMode', d.quicksightImportMode, (k, v) =>
      oneOf(k, v, QUICKSIGHT_IMPORT_MODES),
    ),
    quicksightRefresh: read('quicksightRefresh', d.quicksightRefresh, (k, v) =>
      oneOf(k, v, QUICKSIGHT_REFRESH_INTERVALS),
    ),
    etlWorkerType: read('etlWorkerType', d.etlWorkerType, (k, v) => oneOf(k, v, GLUE_WORKER_TYPES)),
    etlWorkers: read('etlWorkers', d.etlWorkers, (k, v) =>
      wholeNumber(k, v, MIN_WORKERS, MAX_WORKERS, 'workers'),
    ),
    etlSchedule: read('etlSchedule', d.etlSchedule, schedule),
    etlOnUpload: read('etlOnUpload', d.etlOnUpload, bool),
    alertEmails: read('alertEmails', [...d.alertEmails], emails),
    dataQualityFailure: read('dataQualityFailure', d.dataQualityFailure, (k, v) =>
      oneOf(k, v, DATA_QUALITY_FAILURE_MODES),
    ),
  };
  assertQuickSightConsistent(config);
  assertProductionSafe(config);
  return config;
}

/** The configuration of the stack being deployed, from Pulumi's runtime. */
export function loadStackConfig(): StackConfig {
  return parseStackConfig(pulumi.getStack(), pulumi.runtime.allConfig());
}
