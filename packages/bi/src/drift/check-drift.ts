import {
  DescribeDashboardDefinitionCommand,
  type QuickSightClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-quicksight';

/**
 * Drift of a deployed dashboard from its compiled definition. aws-native treats `definition` as write-only
 * (pulumi-aws-native#1373): `pulumi preview` and `refresh` never read it back, so an edit made in the QuickSight
 * console goes unseen. This reads the live definition (DescribeDashboardDefinition) and compares it with the one
 * the component compiled.
 */

export interface DriftDifference {
  /** Where, in the API's names: `Sheets[0].Visuals[2].BarChartVisual.Title.FormatText.PlainText`. */
  readonly path: string;
  /** The compiled value; `undefined` when the live definition has something the compiled one does not. */
  readonly expected: unknown;
  /** The live value; `undefined` when it lacks something the compiled definition has. */
  readonly actual: unknown;
}

export interface DriftReport {
  readonly dashboardId: string;
  /** `missing`: no such dashboard in the account (deleted outside Pulumi, or never deployed). */
  readonly status: 'in-sync' | 'drifted' | 'missing';
  readonly differences: readonly DriftDifference[];
}

export interface CheckDriftOptions {
  readonly client: QuickSightClient;
  readonly awsAccountId: string;
  readonly dashboardId: string;
  /** The compiled definition, in aws-native's camelCase (`LakeDashboard.definition`, or `compileDefinition`). */
  readonly expected: Record<string, unknown>;
  /** Compare a given version instead of the published one. */
  readonly versionNumber?: number;
}

/** An empty list or object, or no value: QuickSight returns defaults such as `FilterGroups: []` that nobody set. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

/**
 * Property names compared without case: aws-native spells `KPIVisual` `kpiVisual` and `ExportToCSVOption`
 * `exportToCsvOption`, so only the letters can be matched, never a mechanical case conversion.
 */
const keyOf = (name: string) => name.toLowerCase();

function compare(expected: unknown, actual: unknown, path: string, out: DriftDifference[]): void {
  if (isEmpty(expected) && isEmpty(actual)) return;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      compare(expected[i], actual[i], `${path}[${i}]`, out);
    }
    return;
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(expected) && isObject(actual)) {
    const names = new Map<string, { expectedKey?: string; actualKey?: string }>();
    for (const key of Object.keys(expected)) names.set(keyOf(key), { expectedKey: key });
    for (const key of Object.keys(actual))
      names.set(keyOf(key), { ...names.get(keyOf(key)), actualKey: key });
    for (const { expectedKey, actualKey } of names.values()) {
      const shown = actualKey ?? pascal(expectedKey!);
      compare(
        expectedKey === undefined ? undefined : expected[expectedKey],
        actualKey === undefined ? undefined : actual[actualKey],
        path === '' ? shown : `${path}.${shown}`,
        out,
      );
    }
    return;
  }
  if (!sameScalar(expected, actual)) out.push({ path: path || '(root)', expected, actual });
}

/** Numbers may come back as strings of the same number (int64 values), and nothing else may differ. */
function sameScalar(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if (typeof expected === 'number' && typeof actual === 'string') return String(expected) === actual;
  return false;
}

/** A camelCase name shown in PascalCase where the live definition lacks it (a best guess, for reading only). */
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The differences between a compiled definition (camelCase) and a live one (the API's PascalCase). */
export function definitionDifferences(expected: unknown, actual: unknown): DriftDifference[] {
  const out: DriftDifference[] = [];
  compare(expected, actual, '', out);
  return out;
}

/** Reads the live definition of a dashboard and reports how it differs from the compiled one. */
export async function checkDashboardDrift(options: CheckDriftOptions): Promise<DriftReport> {
  const { client, awsAccountId, dashboardId } = options;
  let definition: unknown;
  try {
    const response = await client.send(
      new DescribeDashboardDefinitionCommand({
        AwsAccountId: awsAccountId,
        DashboardId: dashboardId,
        ...(options.versionNumber === undefined ? {} : { VersionNumber: options.versionNumber }),
      }),
    );
    definition = response.Definition;
  } catch (error) {
    if (error instanceof ResourceNotFoundException)
      return { dashboardId, status: 'missing', differences: [] };
    throw error;
  }
  const differences = definitionDifferences(options.expected, definition ?? {});
  return { dashboardId, status: differences.length === 0 ? 'in-sync' : 'drifted', differences };
}

const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

/** A report as lines for a terminal: one line per difference, at most `limit` of them. */
export function formatDriftReport(report: DriftReport, limit = 50): string {
  if (report.status === 'missing') return `dashboard ${report.dashboardId}: not found in the account`;
  if (report.status === 'in-sync')
    return `dashboard ${report.dashboardId}: in sync with the compiled definition`;
  const lines = report.differences
    .slice(0, limit)
    .map((d) => `  ${d.path}: expected ${show(d.expected)}, found ${show(d.actual)}`);
  const more =
    report.differences.length > limit ? [`  ... and ${report.differences.length - limit} more`] : [];
  return [
    `dashboard ${report.dashboardId}: ${report.differences.length} difference(s) from the compiled definition (edited outside Pulumi?)`,
    ...lines,
    ...more,
  ].join('\n');
}
