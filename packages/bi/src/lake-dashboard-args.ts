import type * as aws from '@pulumi/aws';
import type * as awsNative from '@pulumi/aws-native';
import type * as pulumi from '@pulumi/pulumi';
import type { ResourceTransform } from '@spotify-lake/component-kit';
import type { DashboardModel } from './model/dashboard-model';
import type { ImportMode } from './model/validate-model';

/**
 * Where the datasets' SQL runs and what it reads. Structural: the DataLake and LakeCatalog components expose these
 * outputs, and so can any other lake.
 */
export interface LakeDashboardSource {
  /** The Athena workgroup the data source queries through (enforced results location and encryption). */
  workgroupName: pulumi.Input<string>;
  /** The Glue database the SQL reads. */
  databaseName: pulumi.Input<string>;
  dataBucketArn: pulumi.Input<string>;
  resultsBucketArn: pulumi.Input<string>;
  /** Folder of the results bucket the workgroup writes results to, without slashes at the ends (`athena-results`). */
  resultsPrefix: string;
  /** The lake's key when its objects are SSE-KMS encrypted; `undefined` with SSE-S3. */
  kmsKeyArn?: pulumi.Input<string | undefined>;
}

/** When SPICE re-imports the datasets. */
export interface RefreshScheduleArgs {
  /** `DAILY`, `HOURLY` or `WEEKLY`. */
  interval: 'HOURLY' | 'DAILY' | 'WEEKLY';
  /** `HH:MM`, for DAILY and WEEKLY. */
  timeOfTheDay?: string;
  /** An IANA time zone, e.g. `Europe/Paris`. */
  timezone?: string;
  /** For WEEKLY: `MONDAY` .. `SUNDAY`. */
  dayOfWeek?: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
}

/** Hooks to change a child resource's args before it is created (SST v3 style). */
export interface LakeDashboardTransforms {
  role?: ResourceTransform<aws.iam.RoleArgs>;
  rolePolicy?: ResourceTransform<aws.iam.RolePolicyArgs>;
  dataSource?: ResourceTransform<awsNative.quicksight.DataSourceArgs>;
  /** Called once per dataset; the third argument is the child's logical name. */
  dataSet?: ResourceTransform<awsNative.quicksight.DataSetArgs>;
  /** Called once per dataset, with SPICE only. */
  refreshSchedule?: ResourceTransform<awsNative.quicksight.RefreshScheduleArgs>;
  analysis?: ResourceTransform<awsNative.quicksight.AnalysisArgs>;
  dashboard?: ResourceTransform<awsNative.quicksight.DashboardArgs>;
}

export interface LakeDashboardArgs {
  /** The dashboard: datasets (Athena SQL, typed columns), controls, sheets and visuals. Validated before anything is created. */
  model: DashboardModel;
  /** The workgroup, database and buckets the datasets use. */
  source: LakeDashboardSource;
  /**
   * Id of the dashboard; the analysis is `<id>-analysis`, the data source `<id>-athena`, each dataset
   * `<id>-<dataset id>`. Changing it replaces all of them. `^[\w-]+$`, at most 400 characters.
   * @default `<component name>-<stack>` sanitised (defaultDashboardId()), unique per instance and stack
   */
  dashboardId?: string;
  /**
   * Display name of the dashboard and the analysis.
   * @default the model's title
   */
  displayName?: string;
  /**
   * `DIRECT_QUERY` runs the datasets' SQL on Athena each time a visual loads, so controls re-run it;
   * `SPICE` imports the results on a schedule (faster, no per-view Athena cost) but cannot follow controls in the
   * SQL: a model whose datasets do is refused.
   * @default 'DIRECT_QUERY'
   */
  importMode?: ImportMode;
  /**
   * When SPICE re-imports every dataset. Only with `importMode: 'SPICE'`.
   * @default undefined: with SPICE, defaultRefreshSchedule() (daily at 03:00 UTC)
   */
  refreshSchedule?: RefreshScheduleArgs;
  /**
   * QuickSight users or groups who own every asset (they may edit the analysis and republish the dashboard):
   * ARNs, or `group/<name>` / `user/<name>` of the default namespace.
   * @default []
   */
  owners?: string[];
  /**
   * QuickSight users or groups who may view the dashboard, and nothing else: ARNs, or `group/<name>` / `user/<name>`.
   * @default []
   */
  viewers?: string[];
  /**
   * QuickSight's identity region, where its users and groups live (the region of the subscription), for the ARNs
   * of `group/<name>` and `user/<name>`.
   * @default the deploying region
   */
  identityRegion?: string;
  /**
   * The account that holds the QuickSight subscription.
   * @default the deploying account (aws.getCallerIdentity)
   */
  awsAccountId?: pulumi.Input<string>;
  /**
   * Tags for every child that takes tags, over `spotify-lake:component` and `spotify-lake:instance`.
   * @default {}
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Hooks to change any child resource before it is created.
   * @default {}
   */
  transform?: LakeDashboardTransforms;
}
