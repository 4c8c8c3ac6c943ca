import type { LakeCatalog } from '@spotify-lake/catalog';
import { glueJobAssets } from '@spotify-lake/etl/glue-job';
import { GlueEtlJob, type GlueEtlJobArgs } from '@spotify-lake/glue-etl';
import type { DataLake } from '@spotify-lake/lake';
import type { StackConfig } from './config';
import { LAKE_NAME, stackTags } from './lake-stack';

/**
 * `GlueEtlJob` arguments from the stack's configuration: the job over this stack's lake and catalog, its code from
 * the etl package (the job's script, modules and the ETL SQL), its schedule, on-upload trigger, capacity,
 * data-quality failure mode and alert addresses.
 */
export function glueEtlJobArgs(
  config: StackConfig,
  lake: GlueEtlJobArgs['lake'],
  catalog: GlueEtlJobArgs['catalog'],
): GlueEtlJobArgs {
  return {
    lake,
    catalog,
    code: glueJobAssets(),
    workerType: config.etlWorkerType,
    numberOfWorkers: config.etlWorkers,
    schedule: config.etlSchedule,
    onUpload: { enabled: config.etlOnUpload },
    dataQualityFailure: config.dataQualityFailure,
    alertEmails: config.alertEmails,
    tags: stackTags(config),
  };
}

/** The ETL in the cloud over the stack's lake and catalog (the lake's EventBridge notifications follow etlOnUpload). */
export function createEtlStack(config: StackConfig, lake: DataLake, catalog: LakeCatalog): GlueEtlJob {
  return new GlueEtlJob(LAKE_NAME, glueEtlJobArgs(config, lake, { databaseName: catalog.databaseName }));
}
