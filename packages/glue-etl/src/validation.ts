import type * as pulumi from '@pulumi/pulumi';
import { assertKnownKeys, assertTransformHooks } from '@spotify-lake/component-kit';
import {
  DATA_QUALITY_FAILURE_MODES,
  type DataQualityFailureMode,
  LAKE_ZONES,
  type LakeZone,
  WAREHOUSE_TABLE,
} from '@spotify-lake/contract';
import type {
  GlueEtlJobArgs,
  GlueEtlJobCode,
  GlueEtlJobTransforms,
  GlueEtlOnUploadArgs,
} from './glue-etl-job-args';
import {
  GLUE_WORKER_TYPES,
  type GlueWorkerType,
  MAX_RETRIES,
  MAX_TIMEOUT_MINUTES,
  MAX_WORKERS,
  MIN_WORKERS,
} from './job/job-settings';
import {
  assertGlueSchedule,
  DEFAULT_SCHEDULE,
  MAX_BATCH_SIZE,
  MAX_BATCH_WINDOW_SECONDS,
} from './orchestration/schedule';

/** The on-upload trigger's settings with defaults applied; `undefined` when it is off. */
export interface ResolvedOnUpload {
  batchSize: number;
  batchWindowSeconds: number;
}

/** The component's args with every default applied and every plain value checked. */
export interface ResolvedGlueEtlJobArgs {
  zones: { readonly [Zone in LakeZone]: string };
  warehouseTableName: pulumi.Input<string>;
  code: GlueEtlJobCode;
  workerType: GlueWorkerType;
  numberOfWorkers: number;
  timeoutMinutes: number;
  maxRetries: number;
  /** `undefined`: no scheduled trigger. */
  schedule: string | undefined;
  onUpload: ResolvedOnUpload | undefined;
  dataQualityFailure: DataQualityFailureMode;
  alertEmails: string[];
  tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
  transform: GlueEtlJobTransforms;
}

/** The defaults of the plain arguments, as their doc comments state them. */
export const GLUE_ETL_JOB_DEFAULTS = {
  workerType: 'G.1X',
  numberOfWorkers: MIN_WORKERS,
  timeoutMinutes: 60,
  maxRetries: 0,
  schedule: DEFAULT_SCHEDULE,
  dataQualityFailure: 'fail',
  alertEmails: [],
} as const;
export const ON_UPLOAD_DEFAULTS = {
  enabled: false,
  batchSize: 3,
  batchWindowSeconds: MAX_BATCH_WINDOW_SECONDS,
} as const;

const ARG_KEYS: readonly (keyof GlueEtlJobArgs)[] = [
  'lake',
  'catalog',
  'code',
  'workerType',
  'numberOfWorkers',
  'timeoutMinutes',
  'maxRetries',
  'schedule',
  'onUpload',
  'dataQualityFailure',
  'alertEmails',
  'tags',
  'transform',
];
const TRANSFORM_KEYS: readonly (keyof GlueEtlJobTransforms)[] = [
  'codeObject',
  'job',
  'jobRole',
  'jobPolicy',
  'jobKey',
  'securityConfiguration',
  'workflow',
  'scheduleTrigger',
  'uploadTrigger',
  'uploadRule',
  'uploadTarget',
  'uploadRole',
  'uploadPolicy',
  'dataQualityRuleset',
  'alertsKey',
  'alertsTopic',
  'alertsTopicPolicy',
  'alertSubscription',
  'alertRule',
  'alertTarget',
];
const LAKE_KEYS = ['dataBucketName', 'dataBucketArn'] as const;
const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

function wholeNumber(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${option} must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}`);
  }
  return value;
}

function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new Error(`${option} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function resolveZones(zones: GlueEtlJobArgs['lake']['zones']): { readonly [Zone in LakeZone]: string } {
  if (zones === undefined) return LAKE_ZONES;
  if (typeof zones !== 'object' || zones === null)
    throw new Error('lake.zones must be an object of key prefixes');
  for (const zone of Object.keys(LAKE_ZONES) as LakeZone[]) {
    const prefix = zones[zone];
    if (typeof prefix !== 'string' || !/^[A-Za-z0-9!_.'()=-]+(?:\/[A-Za-z0-9!_.'()=-]+)*\/$/.test(prefix)) {
      throw new Error(
        `lake.zones.${zone} must be a key prefix such as ${JSON.stringify(LAKE_ZONES[zone])} (no leading "/", ending in "/", no "*"); got ${JSON.stringify(prefix)}`,
      );
    }
  }
  return zones;
}

function resolveOnUpload(
  onUpload: GlueEtlOnUploadArgs | undefined,
  eventBridgeNotifications: boolean | undefined,
): ResolvedOnUpload | undefined {
  if (onUpload === undefined) return undefined;
  if (typeof onUpload !== 'object' || onUpload === null) {
    throw new Error('onUpload must be an object such as { enabled: true }');
  }
  assertKnownKeys('', 'onUpload option', onUpload, ['enabled', 'batchSize', 'batchWindowSeconds']);
  if (onUpload.enabled !== undefined && typeof onUpload.enabled !== 'boolean') {
    throw new Error(`onUpload.enabled must be true or false; got ${JSON.stringify(onUpload.enabled)}`);
  }
  if (!onUpload.enabled) return undefined;
  if (eventBridgeNotifications === false) {
    throw new Error(
      'onUpload.enabled needs the lake to send its events to EventBridge; create the DataLake with eventBridgeNotifications: true',
    );
  }
  return {
    batchSize: wholeNumber(
      'onUpload.batchSize',
      onUpload.batchSize ?? ON_UPLOAD_DEFAULTS.batchSize,
      1,
      MAX_BATCH_SIZE,
    ),
    batchWindowSeconds: wholeNumber(
      'onUpload.batchWindowSeconds',
      onUpload.batchWindowSeconds ?? ON_UPLOAD_DEFAULTS.batchWindowSeconds,
      1,
      MAX_BATCH_WINDOW_SECONDS,
    ),
  };
}

/** Checks a list of alert email addresses (each once); errors name `alertEmails[i]`. */
export function resolveAlertEmails(emails: unknown): string[] {
  if (!Array.isArray(emails))
    throw new Error(`alertEmails must be a list of email addresses; got ${JSON.stringify(emails)}`);
  const seen = new Set<string>();
  for (const [i, email] of emails.entries()) {
    if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)) {
      throw new Error(`alertEmails[${i}] is not an email address: ${JSON.stringify(email)}`);
    }
    if (seen.has(email.toLowerCase())) throw new Error(`alertEmails lists ${email} twice`);
    seen.add(email.toLowerCase());
  }
  return [...emails];
}

function resolve(args: GlueEtlJobArgs): ResolvedGlueEtlJobArgs {
  if (typeof args !== 'object' || args === null)
    throw new Error('args are required: { lake, catalog, code }');
  assertKnownKeys('', 'option', args, ARG_KEYS);
  if (typeof args.lake !== 'object' || args.lake === null) {
    throw new Error(
      'lake is required: a DataLake or an object with dataBucketName, dataBucketArn (and kmsKeyArn)',
    );
  }
  const missing = LAKE_KEYS.filter((key) => args.lake[key] === undefined || args.lake[key] === null);
  if (missing.length > 0) throw new Error(`lake is missing ${missing.join(', ')}`);
  if (typeof args.catalog !== 'object' || args.catalog === null || args.catalog.databaseName === undefined) {
    throw new Error('catalog is required: a LakeCatalog or an object with databaseName');
  }
  if (typeof args.code !== 'object' || args.code === null) {
    throw new Error(
      'code is required: { script, pythonModules, files }, e.g. glueJobAssets() of @spotify-lake/etl/glue-job',
    );
  }
  assertKnownKeys('', 'code option', args.code, ['script', 'pythonModules', 'files']);
  assertTransformHooks('', args.transform, TRANSFORM_KEYS);
  const d = GLUE_ETL_JOB_DEFAULTS;
  const schedule = args.schedule ?? d.schedule;
  if (schedule !== false) {
    if (typeof schedule !== 'string') {
      throw new Error(`schedule must be a cron expression or false; got ${JSON.stringify(schedule)}`);
    }
    assertGlueSchedule(schedule);
  }
  return {
    zones: resolveZones(args.lake.zones),
    warehouseTableName: args.catalog.warehouseTableName ?? WAREHOUSE_TABLE,
    code: args.code,
    workerType: oneOf('workerType', args.workerType ?? d.workerType, GLUE_WORKER_TYPES),
    numberOfWorkers: wholeNumber(
      'numberOfWorkers',
      args.numberOfWorkers ?? d.numberOfWorkers,
      MIN_WORKERS,
      MAX_WORKERS,
    ),
    timeoutMinutes: wholeNumber(
      'timeoutMinutes',
      args.timeoutMinutes ?? d.timeoutMinutes,
      1,
      MAX_TIMEOUT_MINUTES,
    ),
    maxRetries: wholeNumber('maxRetries', args.maxRetries ?? d.maxRetries, 0, MAX_RETRIES),
    schedule: schedule === false ? undefined : schedule.trim(),
    onUpload: resolveOnUpload(args.onUpload, args.lake.eventBridgeNotifications),
    dataQualityFailure: oneOf(
      'dataQualityFailure',
      args.dataQualityFailure ?? d.dataQualityFailure,
      DATA_QUALITY_FAILURE_MODES,
    ),
    alertEmails: resolveAlertEmails(args.alertEmails ?? d.alertEmails),
    tags: args.tags ?? {},
    transform: args.transform ?? {},
  };
}

/** Applies the defaults and checks the args; every error names the component and the option. */
export function resolveGlueEtlJobArgs(name: string, args: GlueEtlJobArgs): ResolvedGlueEtlJobArgs {
  try {
    return resolve(args);
  } catch (error) {
    throw new Error(`GlueEtlJob "${name}": ${(error as Error).message}`);
  }
}
