import { assertKnownKeys, assertTransformHooks } from '@spotify-lake/component-kit';
import { assertQuickSightPrincipal } from './access/permissions';
import type {
  LakeDashboardArgs,
  LakeDashboardSource,
  LakeDashboardTransforms,
  RefreshScheduleArgs,
} from './lake-dashboard-args';
import type { DashboardModel } from './model/dashboard-model';
import { assertQuickSightId } from './model/quicksight-limits';
import { type ImportMode, validateDashboardModel } from './model/validate-model';

/** The component's args with every default applied and every known value checked. */
export interface ResolvedLakeDashboardArgs {
  model: DashboardModel;
  source: LakeDashboardSource;
  dashboardId: string;
  displayName: string;
  importMode: ImportMode;
  /** `undefined` with DIRECT_QUERY. */
  refreshSchedule: RefreshScheduleArgs | undefined;
  owners: string[];
  viewers: string[];
  /** `undefined`: the deploying region. */
  identityRegion: string | undefined;
}

/**
 * Longest dashboard id: QuickSight ids run to 512 characters, and the datasets' ids append `-<dataset id>` to
 * it; 400 leaves room for dataset ids up to 111 characters.
 */
export const DASHBOARD_ID_MAX_LENGTH = 400;
export const IMPORT_MODES: readonly ImportMode[] = ['DIRECT_QUERY', 'SPICE'];
export const REFRESH_INTERVALS: readonly RefreshScheduleArgs['interval'][] = ['HOURLY', 'DAILY', 'WEEKLY'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** SPICE's refresh when none is given: nightly, after the ETL's usual run. */
export function defaultRefreshSchedule(): RefreshScheduleArgs {
  return { interval: 'DAILY', timeOfTheDay: '03:00', timezone: 'UTC' };
}

/** Default dashboard id: `<component>-<stack>` reduced to QuickSight's id characters. */
export function defaultDashboardId(componentName: string, stack: string): string {
  return `${componentName}-${stack}`.replace(/[^\w-]+/g, '-').slice(0, DASHBOARD_ID_MAX_LENGTH);
}

const ARG_KEYS: readonly (keyof LakeDashboardArgs)[] = [
  'model',
  'source',
  'dashboardId',
  'displayName',
  'importMode',
  'refreshSchedule',
  'owners',
  'viewers',
  'identityRegion',
  'awsAccountId',
  'tags',
  'transform',
];
const SOURCE_KEYS: readonly (keyof LakeDashboardSource)[] = [
  'workgroupName',
  'databaseName',
  'dataBucketArn',
  'resultsBucketArn',
  'resultsPrefix',
  'kmsKeyArn',
];
const TRANSFORM_KEYS: readonly (keyof LakeDashboardTransforms)[] = [
  'role',
  'rolePolicy',
  'dataSource',
  'dataSet',
  'refreshSchedule',
  'analysis',
  'dashboard',
];

function resolveSource(source: LakeDashboardSource | undefined): LakeDashboardSource {
  if (typeof source !== 'object' || source === null) {
    throw new Error(`source is required: { ${SOURCE_KEYS.filter((k) => k !== 'kmsKeyArn').join(', ')} }`);
  }
  assertKnownKeys('', 'source option', source, SOURCE_KEYS);
  const missing = SOURCE_KEYS.filter(
    (k) => k !== 'kmsKeyArn' && (source[k] === undefined || source[k] === null),
  );
  if (missing.length > 0) throw new Error(`source is missing ${missing.join(', ')}`);
  if (typeof source.resultsPrefix !== 'string' || !/^[^/\s]+(\/[^/\s]+)*$/.test(source.resultsPrefix)) {
    throw new Error(
      `source.resultsPrefix must be a folder path without slashes at the ends, e.g. 'athena-results'; got ${JSON.stringify(source.resultsPrefix)}`,
    );
  }
  return source;
}

function resolveRefreshSchedule(
  schedule: RefreshScheduleArgs | undefined,
  importMode: ImportMode,
): RefreshScheduleArgs | undefined {
  if (importMode === 'DIRECT_QUERY') {
    if (schedule !== undefined) {
      throw new Error(
        "refreshSchedule applies to importMode 'SPICE' only; direct queries read Athena on every view",
      );
    }
    return undefined;
  }
  const resolved = schedule ?? defaultRefreshSchedule();
  assertKnownKeys('', 'refreshSchedule option', resolved, [
    'interval',
    'timeOfTheDay',
    'timezone',
    'dayOfWeek',
  ]);
  if (!REFRESH_INTERVALS.includes(resolved.interval)) {
    throw new Error(
      `refreshSchedule.interval must be one of ${REFRESH_INTERVALS.join(', ')}; got ${JSON.stringify(resolved.interval)}`,
    );
  }
  if (resolved.timeOfTheDay !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(resolved.timeOfTheDay)) {
    throw new Error(
      `refreshSchedule.timeOfTheDay must be HH:MM (24-hour); got ${JSON.stringify(resolved.timeOfTheDay)}`,
    );
  }
  if (resolved.interval === 'WEEKLY' && !DAYS.includes(resolved.dayOfWeek as (typeof DAYS)[number])) {
    throw new Error(`refreshSchedule.dayOfWeek is required for WEEKLY: one of ${DAYS.join(', ')}`);
  }
  if (resolved.interval !== 'WEEKLY' && resolved.dayOfWeek !== undefined) {
    throw new Error('refreshSchedule.dayOfWeek applies to the WEEKLY interval only');
  }
  return resolved;
}

function principals(value: unknown, option: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${option} must be a list of QuickSight user or group ARNs`);
  for (const [i, arn] of value.entries()) assertQuickSightPrincipal(arn, `${option}[${i}]`);
  return [...value];
}

function resolve(name: string, args: LakeDashboardArgs, stack: string): ResolvedLakeDashboardArgs {
  if (typeof args !== 'object' || args === null) throw new Error('args are required: { model, source }');
  assertKnownKeys('', 'option', args, ARG_KEYS);
  if (args.model === undefined) throw new Error('model is required: the dashboard model to deploy');
  assertTransformHooks('', args.transform, TRANSFORM_KEYS);
  const source = resolveSource(args.source);
  const importMode = args.importMode ?? 'DIRECT_QUERY';
  if (!IMPORT_MODES.includes(importMode)) {
    throw new Error(
      `importMode must be one of ${IMPORT_MODES.join(', ')}; got ${JSON.stringify(importMode)}`,
    );
  }
  validateDashboardModel(args.model, { importMode });
  const dashboardId = args.dashboardId ?? defaultDashboardId(name, stack);
  assertQuickSightId(dashboardId, 'dashboardId');
  if (dashboardId.length > DASHBOARD_ID_MAX_LENGTH) {
    throw new Error(
      `dashboardId must be at most ${DASHBOARD_ID_MAX_LENGTH} characters (dataset ids append to it)`,
    );
  }
  if (
    args.displayName !== undefined &&
    (typeof args.displayName !== 'string' || args.displayName.trim() === '')
  ) {
    throw new Error('displayName must be a non-empty string');
  }
  if (args.identityRegion !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(args.identityRegion)) {
    throw new Error(
      `identityRegion must be an AWS region such as us-east-1; got ${JSON.stringify(args.identityRegion)}`,
    );
  }
  const owners = principals(args.owners, 'owners');
  const viewers = principals(args.viewers, 'viewers');
  return {
    model: args.model,
    source,
    dashboardId,
    displayName: args.displayName ?? args.model.title,
    importMode,
    refreshSchedule: resolveRefreshSchedule(args.refreshSchedule, importMode),
    owners,
    viewers,
    identityRegion: args.identityRegion,
  };
}

/** Applies the defaults and checks the args; every error names the component and the option. */
export function resolveLakeDashboardArgs(
  name: string,
  args: LakeDashboardArgs,
  stack: string,
): ResolvedLakeDashboardArgs {
  const prefix = `LakeDashboard "${name}": `;
  try {
    return resolve(name, args, stack);
  } catch (error) {
    throw new Error(prefix + (error as Error).message);
  }
}
