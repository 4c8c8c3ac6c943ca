import type * as pulumi from '@pulumi/pulumi';
import { LakeCatalog, type LakeCatalogArgs, type LakeRef } from '@spotify-lake/catalog';
import { DataLake, type DataLakeArgs } from '@spotify-lake/lake';
import { namedQueries } from '@spotify-lake/queries';
import { BYTES_PER_MIB, STACK_TAG, type StackConfig } from './config';

/**
 * Name of both components. It prefixes every logical name and the bucket names; the catalog's database and
 * workgroup default to `spotify_<stack>` and `spotify-<stack>`, so stacks sharing an account never collide.
 */
export const LAKE_NAME = 'spotify';

/** The tags of every taggable resource: the stack's, plus the stack name for cost reports. */
export function stackTags(config: StackConfig): Record<string, string> {
  return { ...config.tags, [STACK_TAG]: config.stack };
}

/**
 * `DataLake` arguments. Only the two opt-in steps and the lake's own secure defaults decide protection:
 * disposable data is confirmed with this stack's name, because the setting lives in this stack's own file and
 * production stacks refuse it (config.ts) before it gets here.
 */
export function dataLakeArgs(config: StackConfig): DataLakeArgs {
  return {
    encryption: config.encryption,
    lifecycle: { queryResultsExpirationDays: config.queryResultsDays },
    ...(config.disposableData ? { disposableData: { enabled: true, confirm: config.stack } } : {}),
    // The ETL's on-upload trigger listens to the data bucket's events (etl-stack.ts).
    ...(config.etlOnUpload ? { eventBridgeNotifications: true } : {}),
    tags: stackTags(config),
  };
}

/**
 * `LakeCatalog` arguments. Where the data is protected, the database and the workgroup (with its query history
 * and saved queries) are protected too; where it is disposable, the workgroup is force-destroyed so that
 * `pulumi destroy` can remove it with its named queries.
 */
export function lakeCatalogArgs(config: StackConfig, lake: LakeRef): LakeCatalogArgs {
  const protect = !config.disposableData;
  const protectChild = (_args: unknown, opts: pulumi.CustomResourceOptions) => {
    opts.protect = true;
  };
  return {
    lake,
    bytesScannedCutoffPerQuery: config.bytesScannedCutoffMb * BYTES_PER_MIB,
    forceDestroyWorkgroup: config.disposableData,
    // Analysts find every query of @spotify-lake/queries in the Athena console, with the SQL services send.
    namedQueries: ({ databaseName, warehouseTable }) =>
      namedQueries({ database: databaseName, warehouseTable }),
    crawler: { enabled: config.crawler },
    tags: stackTags(config),
    transform: protect ? { database: protectChild, workgroup: protectChild } : {},
  };
}

export interface LakeStack {
  lake: DataLake;
  catalog: LakeCatalog;
}

/** The whole stack: the lake's buckets and key, then its catalog and Athena workgroup over them. */
export function createLakeStack(config: StackConfig): LakeStack {
  const lake = new DataLake(LAKE_NAME, dataLakeArgs(config));
  const catalog = new LakeCatalog(LAKE_NAME, lakeCatalogArgs(config, lake));
  return { lake, catalog };
}
