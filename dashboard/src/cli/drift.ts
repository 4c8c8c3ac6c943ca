#!/usr/bin/env node
import { QuickSightClient } from '@aws-sdk/client-quicksight';
import { checkDashboardDrift, compileDefinition, formatDriftReport } from '@spotify-lake/bi';
import { toModel } from '../model/to-model';
import { projectDashboard } from '../project-dashboard';
import { parseOptions, runMain, UsageError } from './args';

const USAGE = `Usage: pnpm dashboard:drift --dashboard-id ID --account-id ACCOUNT --region REGION --database DB

Compares the project's dashboard as deployed (DescribeDashboardDefinition) with the definition compiled from the
spec, and lists every difference: edits made in the QuickSight console, which \`pulumi preview\` cannot see.
  --dashboard-id  the stack output quicksightDashboardId (e.g. spotify-prod)
  --database      the stack output databaseName (e.g. spotify_prod)
Exit codes: 0 in sync, 3 drifted or missing, 1 error, 2 usage.`;

export const EXIT_DRIFTED = 3;

runMain(USAGE, async () => {
  const options = parseOptions(process.argv.slice(2), ['dashboard-id', 'account-id', 'region', 'database']);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  for (const name of ['dashboard-id', 'account-id', 'region', 'database']) {
    if (!options[name]) throw new UsageError(`--${name} is required`);
  }
  const dashboardId = options['dashboard-id']!;
  const region = options.region!;
  const accountId = options['account-id']!;
  // The component names each dataset <dashboard id>-<dataset id>.
  const expected = compileDefinition(toModel(projectDashboard, { database: options.database! }), {
    dataSetArn: (id) => `arn:aws:quicksight:${region}:${accountId}:dataset/${dashboardId}-${id}`,
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
