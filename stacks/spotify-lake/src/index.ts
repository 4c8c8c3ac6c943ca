/**
 * The spotify-lake Pulumi program, run by `pulumi up` for each stack (Pulumi.<stack>.yaml holds its settings).
 * Configuration is checked before any resource is declared, so a bad value stops the update with an error naming
 * its key and creates nothing.
 */
import { createBiStack } from './bi-stack';
import { loadStackConfig } from './config';
import { createEtlStack } from './etl-stack';
import { createLakeStack } from './lake-stack';

const config = loadStackConfig();
const { lake, catalog } = createLakeStack(config);
const etl = createEtlStack(config, lake, catalog);
const dashboard = createBiStack(config, lake, catalog);

export const region = lake.region;
export const encryption = config.encryption;
/** False on a stack whose buckets and key `pulumi destroy` may delete (spotify-lake:disposableData). */
export const dataProtected = !config.disposableData;
export const dataBucketName = lake.dataBucketName;
export const dataBucketArn = lake.dataBucketArn;
export const resultsBucketName = lake.resultsBucketName;
export const resultsBucketArn = lake.resultsBucketArn;
export const logBucketName = lake.logBucketName;
/** Undefined (absent from the outputs) when the stack uses SSE-S3. */
export const kmsKeyArn = lake.kmsKeyArn;
export const zones = lake.zones;
export const databaseName = catalog.databaseName;
export const tableNames = catalog.tableNames;
export const workgroupName = catalog.workgroupName;
export const resultsLocation = catalog.resultsLocation;
export const namedQueryNames = catalog.namedQueryNames;
/** Undefined unless spotify-lake:crawler is true. */
export const crawlerName = catalog.crawlerName;
/** The QuickSight dashboard; absent unless spotify-lake:quicksight is true. */
export const quicksightDashboardId = dashboard?.dashboardId;
export const quicksightDashboardArn = dashboard?.dashboardArn;

// The ETL in the cloud (GlueEtlJob).
export const etlJobName = etl.jobName;
export const etlWorkflowName = etl.workflowName;
export const alertsTopicName = etl.alertsTopicName;
