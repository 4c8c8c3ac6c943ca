import * as aws from '@pulumi/aws';
import * as awsNative from '@pulumi/aws-native';
import * as pulumi from '@pulumi/pulumi';
import {
  awsEnvironment,
  componentType,
  createChild,
  mergeTags,
  type Tags,
} from '@spotify-lake/component-kit';
import { LAKE_ZONES, WAREHOUSE_TABLE } from '@spotify-lake/contract';
import { athenaRolePolicyDocument, quickSightTrustPolicy } from './access/athena-role-policy';
import { assetPermissions, type QuickSightAsset, quickSightPrincipalArn } from './access/permissions';
import { compileDataSet } from './compile/dataset';
import { compileDefinition } from './compile/definition';
import type { LakeDashboardArgs, RefreshScheduleArgs } from './lake-dashboard-args';
import { type ResolvedLakeDashboardArgs, resolveLakeDashboardArgs } from './validation';

/** aws-native takes tags as a list of `{ key, value }`. */
const tagList = (tags: pulumi.Output<Tags>) =>
  tags.apply((t) => Object.entries(t).map(([key, value]) => ({ key, value })));

/** Deployed ids of the children, derived from the dashboard id so that two dashboards never share one. */
export function quickSightIds(dashboardId: string, datasetIds: readonly string[]) {
  return {
    dashboard: dashboardId,
    analysis: `${dashboardId}-analysis`,
    dataSource: `${dashboardId}-athena`,
    dataSets: Object.fromEntries(datasetIds.map((id) => [id, `${dashboardId}-${id}`])),
  };
}

function scheduleFrequency(schedule: RefreshScheduleArgs) {
  return {
    interval: schedule.interval,
    ...(schedule.timeOfTheDay ? { timeOfTheDay: schedule.timeOfTheDay } : {}),
    timeZone: schedule.timezone ?? 'UTC',
    ...(schedule.dayOfWeek ? { refreshOnDay: { dayOfWeek: schedule.dayOfWeek } } : {}),
  };
}

/**
 * A QuickSight dashboard as code over the lake's Athena workgroup: a data source with its own least-privilege
 * role, one custom-SQL dataset per dataset of the model (SPICE with a refresh schedule, or direct query), and an
 * analysis and a dashboard whose definition is compiled from the model. Console edits to the definition are not
 * seen by `pulumi preview` (aws-native treats `definition` as write-only); `checkDashboardDrift` compares the
 * deployed definition with the compiled one.
 */
export class LakeDashboard extends pulumi.ComponentResource {
  static readonly TYPE = componentType('bi', 'LakeDashboard');

  public readonly dashboardId: string;
  public readonly dashboard: awsNative.quicksight.Dashboard;
  public readonly analysis: awsNative.quicksight.Analysis;
  public readonly dataSource: awsNative.quicksight.DataSource;
  /** By the model's dataset id. */
  public readonly dataSets: Readonly<Record<string, awsNative.quicksight.DataSet>>;
  /** By the model's dataset id; empty with direct query. */
  public readonly refreshSchedules: Readonly<Record<string, awsNative.quicksight.RefreshSchedule>>;
  /** The role the data source queries Athena with. */
  public readonly role: aws.iam.Role;
  public readonly rolePolicy: aws.iam.RolePolicy;
  public readonly dashboardArn: pulumi.Output<string>;
  /** The compiled definition, as deployed; `checkDashboardDrift` compares the live one with it. */
  public readonly definition: pulumi.Output<Record<string, unknown>>;

  constructor(name: string, args: LakeDashboardArgs, opts?: pulumi.ComponentResourceOptions) {
    const settings = resolveLakeDashboardArgs(name, args, pulumi.getStack());
    super(LakeDashboard.TYPE, name, {}, opts);
    const transforms = args.transform ?? {};
    const tags = mergeTags(args.tags, { component: 'LakeDashboard', instance: name });
    const environment = awsEnvironment(this);
    const awsAccountId = args.awsAccountId ?? environment.apply((env) => env.accountId);
    const ids = quickSightIds(
      settings.dashboardId,
      settings.model.datasets.map((d) => d.id),
    );
    const principals = environment.apply((env) => {
      const where = { ...env, identityRegion: settings.identityRegion ?? env.region };
      return {
        owners: settings.owners.map((p) => quickSightPrincipalArn(p, where)),
        viewers: settings.viewers.map((p) => quickSightPrincipalArn(p, where)),
      };
    });
    const permissions = (asset: QuickSightAsset) => principals.apply((p) => assetPermissions(asset, p));
    this.dashboardId = settings.dashboardId;

    ({ role: this.role, policy: this.rolePolicy } = this.createRole(
      name,
      settings,
      environment,
      tags,
      transforms,
    ));

    this.dataSource = createChild(
      this,
      transforms.dataSource,
      `${name}-athena`,
      {
        awsAccountId,
        dataSourceId: ids.dataSource,
        name: `${settings.displayName} (Athena)`,
        type: 'ATHENA' as const,
        dataSourceParameters: {
          athenaParameters: { workGroup: settings.source.workgroupName, roleArn: this.role.arn },
        },
        sslProperties: { disableSsl: false },
        permissions: permissions('dataSource'),
        tags: tagList(tags),
      },
      (n, a, o) => new awsNative.quicksight.DataSource(n, a, o),
      // QuickSight checks the role when it creates the data source.
      { dependsOn: [this.rolePolicy] },
    );

    const dataSets: Record<string, awsNative.quicksight.DataSet> = {};
    const refreshSchedules: Record<string, awsNative.quicksight.RefreshSchedule> = {};
    for (const dataset of settings.model.datasets) {
      const compiled = this.dataSource.arn.apply((dataSourceArn) =>
        compileDataSet(dataset, { dataSourceArn, importMode: settings.importMode }),
      );
      dataSets[dataset.id] = createChild(
        this,
        transforms.dataSet,
        `${name}-dataset-${dataset.id}`,
        {
          awsAccountId,
          dataSetId: ids.dataSets[dataset.id]!,
          name: dataset.name,
          importMode: settings.importMode,
          physicalTableMap: compiled.apply(
            (c) =>
              c.physicalTableMap as Record<string, awsNative.types.input.quicksight.DataSetPhysicalTableArgs>,
          ),
          datasetParameters: compiled.apply(
            (c) =>
              (c.datasetParameters ?? []) as awsNative.types.input.quicksight.DataSetDatasetParameterArgs[],
          ),
          permissions: permissions('dataSet'),
          tags: tagList(tags),
        },
        (n, a, o) => new awsNative.quicksight.DataSet(n, a, o),
      );
      if (settings.refreshSchedule) {
        refreshSchedules[dataset.id] = createChild(
          this,
          transforms.refreshSchedule,
          `${name}-refresh-${dataset.id}`,
          {
            awsAccountId,
            dataSetId: ids.dataSets[dataset.id]!,
            schedule: {
              scheduleId: `${ids.dataSets[dataset.id]}-refresh`.slice(0, 128),
              refreshType: 'FULL_REFRESH' as const,
              scheduleFrequency: scheduleFrequency(settings.refreshSchedule),
            },
          },
          (n, a, o) => new awsNative.quicksight.RefreshSchedule(n, a, o),
          { dependsOn: [dataSets[dataset.id]!] },
        );
      }
    }
    this.dataSets = dataSets;
    this.refreshSchedules = refreshSchedules;

    // Compiled from the datasets' ARNs, so the analysis and dashboard are created after every dataset.
    const arns = Object.entries(dataSets).map(([id, dataSet]) =>
      dataSet.arn.apply((arn) => [id, arn] as const),
    );
    this.definition = pulumi.all(arns).apply((pairs) => {
      const byId = new Map(pairs);
      return compileDefinition(settings.model, { dataSetArn: (id) => byId.get(id)! });
    });

    this.analysis = createChild(
      this,
      transforms.analysis,
      `${name}-analysis`,
      {
        awsAccountId,
        analysisId: ids.analysis,
        name: settings.displayName,
        // The compiler's output is checked against the CloudFormation schema in the tests, not by these types.
        definition: this
          .definition as unknown as pulumi.Input<awsNative.types.input.quicksight.AnalysisDefinitionArgs>,
        permissions: permissions('analysis'),
        tags: tagList(tags),
      },
      (n, a, o) => new awsNative.quicksight.Analysis(n, a, o),
    );

    this.dashboard = createChild(
      this,
      transforms.dashboard,
      `${name}-dashboard`,
      {
        awsAccountId,
        dashboardId: ids.dashboard,
        name: settings.displayName,
        definition: this
          .definition as unknown as pulumi.Input<awsNative.types.input.quicksight.DashboardVersionDefinitionArgs>,
        permissions: permissions('dashboard'),
        dashboardPublishOptions: {
          // Viewers filter through the spec's controls; ad hoc filters would be edits nobody reviews.
          adHocFilteringOption: { availabilityStatus: 'DISABLED' },
          exportToCsvOption: { availabilityStatus: 'ENABLED' },
          sheetControlsOption: { visibilityState: 'EXPANDED' },
        },
        versionDescription: `Compiled from the dashboard model "${settings.model.id}"`,
        tags: tagList(tags),
      },
      (n, a, o) => new awsNative.quicksight.Dashboard(n, a, o),
    );
    this.dashboardArn = this.dashboard.arn;

    this.registerOutputs({
      dashboardId: this.dashboardId,
      dashboardArn: this.dashboardArn,
      analysisArn: this.analysis.arn,
      dataSourceArn: this.dataSource.arn,
      dataSetArns: pulumi.all(Object.fromEntries(Object.entries(dataSets).map(([id, d]) => [id, d.arn]))),
      roleArn: this.role.arn,
    });
  }

  private createRole(
    name: string,
    settings: ResolvedLakeDashboardArgs,
    environment: ReturnType<typeof awsEnvironment>,
    tags: pulumi.Output<Tags>,
    transforms: NonNullable<LakeDashboardArgs['transform']>,
  ): { role: aws.iam.Role; policy: aws.iam.RolePolicy } {
    const { source } = settings;
    const role = createChild(
      this,
      transforms.role,
      `${name}-role`,
      {
        description: `QuickSight data source of the ${name} dashboard: Athena queries in one workgroup`,
        assumeRolePolicy: environment.apply((env) => JSON.stringify(quickSightTrustPolicy(env.accountId))),
        tags,
      },
      (n, a, o) => new aws.iam.Role(n, a, o),
    );
    const policy = createChild(
      this,
      transforms.rolePolicy,
      `${name}-role-policy`,
      {
        role: role.id,
        policy: pulumi
          .all([
            environment,
            source.workgroupName,
            source.databaseName,
            source.dataBucketArn,
            source.resultsBucketArn,
            source.kmsKeyArn,
          ])
          .apply(([env, workgroupName, databaseName, dataBucketArn, resultsBucketArn, kmsKeyArn]) =>
            JSON.stringify(
              athenaRolePolicyDocument({
                ...env,
                workgroupName,
                databaseName,
                tables: [WAREHOUSE_TABLE],
                dataBucketArn,
                readPrefixes: [LAKE_ZONES.warehouse],
                resultsBucketArn,
                resultsPrefix: `${source.resultsPrefix}/`,
                kmsKeyArn,
              }),
            ),
          ),
      },
      (n, a, o) => new aws.iam.RolePolicy(n, a, o),
    );
    return { role, policy };
  }
}
