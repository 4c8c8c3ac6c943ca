#!/usr/bin/env node
import { QuickSightClient } from '@aws-sdk/client-quicksight';
import { checkDashboardDrift, compileDefinition, formatDriftReport } from '@spotify-lake/bi';
import { type DashboardImportMode, projectDashboardModel } from '../project-dashboard';
import { parseOptions, runMain, UsageError } from './args';

const USAGE = `Usage: pnpm dashboard:drift --dashboard-id ID --account-id ACCOUNT --region REGION --database DB [--import-mode direct|spice]

Compares the project's dashboard as deployed (DescribeDashboardDefinition) with the definition compiled from the
spec, and lists every difference: edits made in the QuickSight console, which \`pulumi preview\` cannot see.
  --dashboard-id  the stack output quicksightDashboardId (e.g. spotify-prod)
  --database      the stack output databaseName (e.g. spotify_prod)
  --import-mode   the stack's spotify-lake:quicksightImportMode (default direct); spice compares the dashboard
                  deployed with its controls fixed
Exit codes: 0 in sync, 3 drifted or missing, 1 error, 2 usage.`;

export const EXIT_DRIFTED = 3;

runMain(USAGE, async () => {
  const options = parseOptions(process.argv.slice(2), [
    'dashboard-id',
    'account-id',
    'region',
    'database',
    'import-mode',
  ]);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  for (const name of ['dashboard-id', 'account-id', 'region', 'database']) {
    if (!options[name]) throw new UsageError(`--${name} is required`);
  }
  const importMode = (options['import-mode'] ?? 'direct') as DashboardImportMode;
  if (importMode !== 'direct' && importMode !== 'spice') {
    throw new UsageError(`--import-mode must be direct or spice, got ${JSON.stringify(importMode)}`);
  }
  const dashboardId = options['dashboard-id']!;
  const region = options.region!;
  const accountId = options['account-id']!;
  // The component names each dataset <dashboard id>-<dataset id>.
  const expected = compileDefinition(projectDashboardModel(options.database!, importMode), {
    dataSetArn: (id) =>
      `arn:${partitionOf(region)}:quicksight:${region}:${accountId}:dataset/${dashboardId}-${id}`,
  });
  const report = await checkDashboardDrift({
    client: new QuickSightClient({ region }),
    awsAccountId: accountId,
    dashboardId,
    expected,
  });
  process.stdout.write(`${formatDriftReport(report)}\n`);
  return report.status === 'in-sync' ? 0 : EXIT_DRIFTED;
});

/** The partition of a region's ARNs: China and GovCloud regions have their own. */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
