/**
 * The ETL of a lake and its catalog deployed in one program: the job, its workflow (nightly and on upload), the
 * contract's data-quality ruleset and email alerts. Typechecked with the package (tsconfig.json includes
 * examples/) and run under mocks by test/examples/basic.test.ts.
 */

import * as pulumi from '@pulumi/pulumi';
import { glueJobAssets } from '@spotify-lake/etl/glue-job';
import { GlueEtlJob } from '@spotify-lake/glue-etl';
import { DataLake } from '@spotify-lake/lake';

const config = new pulumi.Config();

// The lake must send its events to EventBridge for the on-upload trigger.
const lake = new DataLake('spotify', { eventBridgeNotifications: true });

const etl = new GlueEtlJob('spotify', {
  lake,
  // A LakeCatalog's databaseName works here too; any Glue database name does.
  catalog: { databaseName: config.get('databaseName') ?? 'spotify_analytics' },
  code: glueJobAssets(),
  workerType: 'G.2X',
  numberOfWorkers: 4,
  schedule: 'cron(0 3 * * ? *)',
  onUpload: { enabled: true, batchSize: 3, batchWindowSeconds: 600 },
  dataQualityFailure: 'fail',
  alertEmails: config.getObject<string[]>('alertEmails') ?? [],
});

export const jobName = etl.jobName;
export const workflowName = etl.workflowName;
export const alertsTopicArn = etl.alertsTopicArn;
