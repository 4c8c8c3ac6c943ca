import type * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import type { ResourceTransform } from '@spotify-lake/component-kit';
import type { DataQualityFailureMode, LakeZone } from '@spotify-lake/contract';
import type { GlueWorkerType } from './job/job-settings';

/**
 * The lake the job reads and writes. Structural: the DataLake component of `@spotify-lake/lake` has these exact
 * output names, so `lake: myDataLake` works, and so does any object with them (outputs of another stack).
 */
export interface GlueEtlLakeRef {
  /** The bucket holding the zones. */
  dataBucketName: pulumi.Input<string>;
  dataBucketArn: pulumi.Input<string>;
  /** The lake's customer-managed key; `undefined` when the lake uses SSE-S3. */
  kmsKeyArn?: pulumi.Input<string | undefined>;
  /**
   * Key prefixes of the zones, each ending in `/` (the DataLake's `zones`). Plain strings: they become IAM
   * resource patterns and job arguments.
   * @default LAKE_ZONES of `@spotify-lake/contract`
   */
  zones?: { readonly [Zone in LakeZone]: string };
  /**
   * Whether the data bucket sends its events to EventBridge (the DataLake's `eventBridgeNotifications`). When the
   * lake says `false`, an on-upload trigger is refused: it would never fire.
   */
  eventBridgeNotifications?: boolean;
}

/** The Glue Data Catalog the job's data quality is declared in (the LakeCatalog's outputs). */
export interface GlueEtlCatalogRef {
  databaseName: pulumi.Input<string>;
  /**
   * The warehouse table, which the data-quality ruleset targets.
   * @default 'datawarehouse' (WAREHOUSE_TABLE of the contract)
   */
  warehouseTableName?: pulumi.Input<string>;
}

/**
 * The job's code, as absolute file paths: `glueJobAssets()` of `@spotify-lake/etl/glue-job` returns exactly this.
 * The files are uploaded to the lake's `scripts/` zone under a hash of their names and contents.
 */
export interface GlueEtlJobCode {
  /** The entry script (`.py`). */
  script: string;
  /** The job's other Python modules (`--extra-py-files`). */
  pythonModules?: readonly string[];
  /** Files copied to the job's working directory (`--extra-files`); must include the ETL SQL (`.sql`). */
  files?: readonly string[];
}

/** The on-upload trigger: a run when new files land in `staging/`, batched. */
export interface GlueEtlOnUploadArgs {
  /**
   * Start a run when objects are created under `staging/` (needs the lake's EventBridge notifications).
   * @default false
   */
  enabled?: boolean;
  /**
   * How many uploads make a run (1-100): with three sources, 3 starts a run once all three files are in.
   * @default 3
   */
  batchSize?: number;
  /**
   * Seconds after the first upload when the run starts anyway, whatever the count (1-900).
   * @default 900
   */
  batchWindowSeconds?: number;
}

/** Hooks to change a child resource's args or options before it is created (SST v3 style). */
export interface GlueEtlJobTransforms {
  /** Called once per uploaded file; the third argument is the child's logical name. */
  codeObject?: ResourceTransform<aws.s3.BucketObjectv2Args>;
  job?: ResourceTransform<aws.glue.JobArgs>;
  jobRole?: ResourceTransform<aws.iam.RoleArgs>;
  jobPolicy?: ResourceTransform<aws.iam.RolePolicyArgs>;
  jobKey?: ResourceTransform<aws.kms.KeyArgs>;
  securityConfiguration?: ResourceTransform<aws.glue.SecurityConfigurationArgs>;
  workflow?: ResourceTransform<aws.glue.WorkflowArgs>;
  scheduleTrigger?: ResourceTransform<aws.glue.TriggerArgs>;
  uploadTrigger?: ResourceTransform<aws.glue.TriggerArgs>;
  uploadRule?: ResourceTransform<aws.cloudwatch.EventRuleArgs>;
  uploadTarget?: ResourceTransform<aws.cloudwatch.EventTargetArgs>;
  uploadRole?: ResourceTransform<aws.iam.RoleArgs>;
  uploadPolicy?: ResourceTransform<aws.iam.RolePolicyArgs>;
  dataQualityRuleset?: ResourceTransform<aws.glue.DataQualityRulesetArgs>;
  alertsKey?: ResourceTransform<aws.kms.KeyArgs>;
  alertsTopic?: ResourceTransform<aws.sns.TopicArgs>;
  alertsTopicPolicy?: ResourceTransform<aws.sns.TopicPolicyArgs>;
  /** Called once per email address. */
  alertSubscription?: ResourceTransform<aws.sns.TopicSubscriptionArgs>;
  /** Called for the job-failure rule and the data-quality-failure rule. */
  alertRule?: ResourceTransform<aws.cloudwatch.EventRuleArgs>;
  /** Called for the targets of both alert rules. */
  alertTarget?: ResourceTransform<aws.cloudwatch.EventTargetArgs>;
}

export interface GlueEtlJobArgs {
  /** The lake: a DataLake or any object with its output names. */
  lake: GlueEtlLakeRef;
  /** The catalog: a LakeCatalog's `databaseName` (and the warehouse table's name). */
  catalog: GlueEtlCatalogRef;
  /** The job's script, modules and ETL SQL, by absolute path: `glueJobAssets()` of `@spotify-lake/etl/glue-job`. */
  code: GlueEtlJobCode;
  /**
   * Glue worker type: `G.1X` (4 vCPU, 16 GB) to `G.16X`, or the memory-optimised `R.1X` to `R.8X`.
   * @default 'G.1X'
   */
  workerType?: GlueWorkerType;
  /**
   * Number of workers, 2 to 299 (Glue's minimum for these worker types is 2).
   * @default 2
   */
  numberOfWorkers?: number;
  /**
   * Minutes before Glue stops a run (status TIMEOUT, which alerts), 1 to 2880.
   * @default 60
   */
  timeoutMinutes?: number;
  /**
   * Automatic retries of a failed run, 0 to 10. A retry reruns the whole ETL, which seldom cures bad input.
   * @default 0
   */
  maxRetries?: number;
  /**
   * When the scheduled trigger starts a run, as Glue cron `cron(Minutes Hours Day-of-month Month Day-of-week Year)`
   * in UTC, with `?` in one of the day fields; `false` for no scheduled trigger.
   * @default 'cron(0 3 * * ? *)' (DEFAULT_SCHEDULE): every day at 03:00 UTC
   */
  schedule?: string | false;
  /**
   * The on-upload trigger.
   * @default { enabled: false }
   */
  onUpload?: GlueEtlOnUploadArgs;
  /**
   * What a failed data-quality rule does to a run: `fail` (the run fails and publishes nothing) or `warn`.
   * @default 'fail'
   */
  dataQualityFailure?: DataQualityFailureMode;
  /**
   * Email addresses subscribed to the alerts topic (each confirms by email).
   * @default []
   */
  alertEmails?: readonly string[];
  /**
   * Tags for every child that takes tags, under the component's `spotify-lake:*` tags (which win on conflict).
   * @default {}
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Hooks to change any child resource before it is created.
   * @default {}
   */
  transform?: GlueEtlJobTransforms;
}
