import { takesTags, wildcardViolations } from '@spotify-lake/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LakeDashboard as LakeDashboardClass } from '../src/lake-dashboard';
import type { LakeDashboardArgs } from '../src/lake-dashboard-args';
import { cfnViolations, SCHEMAS_MISSING } from './support/cfn-schema';
import {
  MOCK_ENVIRONMENT,
  MOCK_STACK,
  type ResourceRecorder,
  resolvedValue,
  setupPulumiMocks,
} from './support/pulumi-mocks';
import { sampleModel } from './support/sample-model';

const T = {
  component: 'spotify:bi:LakeDashboard',
  dataSource: 'aws-native:quicksight:DataSource',
  dataSet: 'aws-native:quicksight:DataSet',
  refresh: 'aws-native:quicksight:RefreshSchedule',
  analysis: 'aws-native:quicksight:Analysis',
  dashboard: 'aws-native:quicksight:Dashboard',
  role: 'aws:iam/role:Role',
  rolePolicy: 'aws:iam/rolePolicy:RolePolicy',
} as const;

const LAKE_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/lake';
const source = {
  workgroupName: 'spotify-test',
  databaseName: 'spotify_test',
  dataBucketArn: 'arn:aws:s3:::lake-data',
  resultsBucketArn: 'arn:aws:s3:::lake-results',
  resultsPrefix: 'athena-results',
  kmsKeyArn: LAKE_KEY,
};
const OWNER = 'arn:aws:quicksight:eu-west-1:123456789012:group/default/authors';
const VIEWER = 'arn:aws:quicksight:eu-west-1:123456789012:group/default/readers';

let recorder: ResourceRecorder;
let LakeDashboard: typeof LakeDashboardClass;
beforeAll(async () => {
  recorder = setupPulumiMocks();
  ({ LakeDashboard } = await import('../src/lake-dashboard.js'));
});
beforeEach(() => recorder.reset());

async function build(name: string, over: Partial<LakeDashboardArgs> = {}) {
  const dashboard = new LakeDashboard(name, { model: sampleModel(), source, ...over });
  const resources = await recorder.settled();
  return { dashboard, resources };
}
// biome-ignore lint/suspicious/noExplicitAny: recorded inputs are JSON, read field by field
const inputsOf = (name: string) => recorder.named(name).inputs as any;

describe('LakeDashboard', () => {
  it('registers as spotify:bi:LakeDashboard with every child parented to it and named <name>-<role>', async () => {
    const { resources } = await build('bi');
    const component = resources.find((r) => r.type === T.component)!;
    expect(component).toMatchObject({ name: 'bi', parent: undefined });
    const children = resources.filter((r) => r.type !== T.component);
    expect(children.map((c) => c.name).sort()).toEqual(
      [
        'bi-role',
        'bi-role-policy',
        'bi-athena',
        ...sampleModel().datasets.map((d) => `bi-dataset-${d.id}`),
        'bi-analysis',
        'bi-dashboard',
      ].sort(),
    );
    for (const child of children) expect(child.parent, child.name).toBe('bi');
    expect(component.outputs).toMatchObject({ dashboardId: `bi-${MOCK_STACK}` });
  });

  it('derives every QuickSight id from the dashboard id', async () => {
    const { dashboard } = await build('bi');
    expect(inputsOf('bi-dashboard').dashboardId).toBe('bi-test');
    expect(inputsOf('bi-analysis').analysisId).toBe('bi-test-analysis');
    expect(inputsOf('bi-athena').dataSourceId).toBe('bi-test-athena');
    expect(inputsOf('bi-dataset-top-artists').dataSetId).toBe('bi-test-top-artists');
    expect(await resolvedValue(dashboard.dashboardArn)).toBe(
      `arn:aws:quicksight:eu-west-1:${MOCK_ENVIRONMENT.accountId}:dashboard/bi-test`,
    );
    recorder.reset();
    await build('other', { dashboardId: 'spotify-prod' });
    expect(inputsOf('other-dataset-genres').dataSetId).toBe('spotify-prod-genres');
  });

  it('queries Athena in the catalog workgroup with its own role', async () => {
    await build('bi');
    const role = recorder.named('bi-role');
    expect(inputsOf('bi-athena')).toMatchObject({
      type: 'ATHENA',
      awsAccountId: MOCK_ENVIRONMENT.accountId,
      dataSourceParameters: {
        athenaParameters: {
          workGroup: 'spotify-test',
          roleArn: `arn:aws:iam::123456789012:role/bi-role-physical`,
        },
      },
      sslProperties: { disableSsl: false },
    });
    expect(recorder.named('bi-athena').dependencies).toContain('bi-role-policy');
    expect(JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0]).toMatchObject({
      Principal: { Service: 'quicksight.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': MOCK_ENVIRONMENT.accountId } },
    });
  });

  it('grants the role least privilege: no wildcard action, writes only under the results folder', async () => {
    const { resources } = await build('bi');
    expect(wildcardViolations(resources)).toEqual([]);
    const policy = JSON.parse(inputsOf('bi-role-policy').policy);
    const writes = policy.Statement.filter((s: { Action: string[] | string }) =>
      [s.Action].flat().includes('s3:PutObject'),
    );
    expect(writes).toEqual([
      expect.objectContaining({ Resource: 'arn:aws:s3:::lake-results/athena-results/*' }),
    ]);
    const reads = policy.Statement.find((s: { Sid: string }) => s.Sid === 'ReadTheWarehouse');
    expect(reads.Resource).toEqual(['arn:aws:s3:::lake-data/datawarehouse/*']);
    expect(policy.Statement.find((s: { Sid: string }) => s.Sid === 'UseTheLakeKeyThroughS3')).toMatchObject({
      Resource: LAKE_KEY,
      Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
    });
  });

  it('creates one direct-query dataset per dataset of the model, without refresh schedules by default', async () => {
    await build('bi');
    expect(recorder.ofType(T.dataSet)).toHaveLength(sampleModel().datasets.length);
    expect(recorder.ofType(T.refresh)).toHaveLength(0);
    const releases = inputsOf('bi-dataset-releases');
    expect(releases.importMode).toBe('DIRECT_QUERY');
    expect(releases.physicalTableMap.query.customSql.dataSourceArn).toBe(
      'arn:aws:quicksight:eu-west-1:123456789012:datasource/bi-test-athena',
    );
    expect(releases.datasetParameters[0].integerDatasetParameter.name).toBe('fromYear');
  });

  it('imports into SPICE on a schedule when asked, refusing SQL that follows a control', async () => {
    const model = sampleModel();
    const fixed = { ...model, datasets: model.datasets.map((d) => ({ ...d, parameters: [] })), controls: [] };
    expect(() => new LakeDashboard('spice', { model, source, importMode: 'SPICE' })).toThrow(
      /LakeDashboard "spice": dashboard model: .*\n- dataset "top-artists" follows control\(s\) "genre" in its SQL, which SPICE cannot express/,
    );
    // A model whose datasets follow no control (the SQL must not reference the removed parameters either).
    for (const d of fixed.datasets) Object.assign(d, { sql: d.sql.replace(/<<\$\w+>>/g, "''") });
    fixed.sheets = [{ ...fixed.sheets[0]!, controls: [] }];
    await build('spice', {
      model: fixed,
      importMode: 'SPICE',
      refreshSchedule: { interval: 'WEEKLY', dayOfWeek: 'SUNDAY', timeOfTheDay: '05:30' },
    });
    expect(inputsOf('spice-dataset-genres').importMode).toBe('SPICE');
    const schedules = recorder.ofType(T.refresh);
    expect(schedules).toHaveLength(fixed.datasets.length);
    expect(inputsOf('spice-refresh-genres')).toMatchObject({
      dataSetId: 'spice-test-genres',
      schedule: {
        refreshType: 'FULL_REFRESH',
        scheduleFrequency: {
          interval: 'WEEKLY',
          timeOfTheDay: '05:30',
          timeZone: 'UTC',
          refreshOnDay: { dayOfWeek: 'SUNDAY' },
        },
      },
    });
    expect(recorder.named('spice-refresh-genres').dependencies).toContain('spice-dataset-genres');
  });

  it('deploys the compiled definition to both the analysis and the dashboard, after the datasets', async () => {
    const { dashboard } = await build('bi');
    const definition = await resolvedValue(dashboard.definition);
    expect(inputsOf('bi-analysis').definition).toEqual(definition);
    expect(inputsOf('bi-dashboard').definition).toEqual(definition);
    expect((definition.dataSetIdentifierDeclarations as { dataSetArn: string }[])[0]!.dataSetArn).toBe(
      'arn:aws:quicksight:eu-west-1:123456789012:dataset/bi-test-top-artists',
    );
    expect(recorder.named('bi-dashboard').dependencies).toEqual(
      expect.arrayContaining(sampleModel().datasets.map((d) => `bi-dataset-${d.id}`)),
    );
    expect(inputsOf('bi-dashboard')).toMatchObject({
      name: 'Sample dashboard',
      dashboardPublishOptions: { adHocFilteringOption: { availabilityStatus: 'DISABLED' } },
    });
  });

  it('grants owners every asset and viewers the dashboard only', async () => {
    await build('bi', { owners: [OWNER], viewers: [VIEWER] });
    const principals = (name: string) =>
      (inputsOf(name).permissions as { principal: string }[]).map((p) => p.principal);
    expect(principals('bi-dashboard')).toEqual([OWNER, VIEWER]);
    for (const name of ['bi-analysis', 'bi-athena', 'bi-dataset-genres'])
      expect(principals(name), name).toEqual([OWNER]);
    expect(inputsOf('bi-dashboard').permissions[1].actions).toEqual([
      'quicksight:DescribeDashboard',
      'quicksight:ListDashboardVersions',
      'quicksight:QueryDashboard',
    ]);
  });

  it('resolves group/<name> and user/<name> in the default namespace of the identity region', async () => {
    await build('bi', { owners: ['group/authors'], viewers: ['user/alice'], identityRegion: 'us-east-1' });
    expect(inputsOf('bi-dashboard').permissions.map((p: { principal: string }) => p.principal)).toEqual([
      'arn:aws:quicksight:us-east-1:123456789012:group/default/authors',
      'arn:aws:quicksight:us-east-1:123456789012:user/default/alice',
    ]);
    recorder.reset();
    await build('bi', { viewers: ['group/readers'] });
    expect(inputsOf('bi-dashboard').permissions[0].principal).toBe(
      'arn:aws:quicksight:eu-west-1:123456789012:group/default/readers',
    );
  });

  it('tags every child that takes tags with the component tags', async () => {
    await build('bi', { tags: { team: 'analytics' } });
    for (const name of ['bi-athena', 'bi-dataset-genres', 'bi-analysis', 'bi-dashboard']) {
      expect(inputsOf(name).tags, name).toEqual(
        expect.arrayContaining([
          { key: 'team', value: 'analytics' },
          { key: 'spotify-lake:component', value: 'LakeDashboard' },
          { key: 'spotify-lake:instance', value: 'bi' },
        ]),
      );
    }
    expect(takesTags(T.role)).toBe(true);
    expect(inputsOf('bi-role').tags).toMatchObject({
      team: 'analytics',
      'spotify-lake:component': 'LakeDashboard',
    });
  });

  it('runs each transform hook on its child', async () => {
    const seen: string[] = [];
    await build('bi', {
      transform: {
        dashboard: { versionDescription: 'hand-written' },
        dataSet: (_args, opts, name) => {
          seen.push(name);
          opts.protect = true;
        },
        role: { description: 'custom role' },
      },
    });
    expect(inputsOf('bi-dashboard').versionDescription).toBe('hand-written');
    expect(inputsOf('bi-role').description).toBe('custom role');
    expect(seen).toEqual(sampleModel().datasets.map((d) => `bi-dataset-${d.id}`));
    expect(recorder.named('bi-dataset-genres').protect).toBe(true);
  });

  it('refuses bad args with the component and the option named', () => {
    const make = (over: Record<string, unknown>) => () =>
      new LakeDashboard('bad', { model: sampleModel(), source, ...over } as LakeDashboardArgs);
    expect(make({ dashboardId: 'has space' })).toThrow(
      /LakeDashboard "bad": dashboardId must be 1-512 letters/,
    );
    expect(make({ importMode: 'LIVE' })).toThrow(/importMode must be one of DIRECT_QUERY, SPICE; got "LIVE"/);
    expect(make({ refreshSchedule: { interval: 'DAILY' } })).toThrow(
      /refreshSchedule applies to importMode 'SPICE' only/,
    );
    expect(make({ owners: ['alice'] })).toThrow(
      /owners\[0\] must be a QuickSight user or group ARN .* or group\/<name>/,
    );
    expect(make({ identityRegion: 'Ireland' })).toThrow(/identityRegion must be an AWS region/);
    expect(make({ source: { ...source, resultsPrefix: '/x/' } })).toThrow(
      /source.resultsPrefix must be a folder path/,
    );
    expect(make({ source: { workgroupName: 'w' } })).toThrow(
      /source is missing databaseName, dataBucketArn, resultsBucketArn, resultsPrefix/,
    );
    expect(make({ transfrom: {} })).toThrow(/unknown option "transfrom"/);
    expect(make({ transform: { dashbord: {} } })).toThrow(/unknown transform hook "dashbord"/);
  });
});

describe.skipIf(SCHEMAS_MISSING)('LakeDashboard children against the CloudFormation schemas', () => {
  it('data source, datasets, analysis and dashboard validate', async () => {
    await build('bi', { owners: [OWNER], viewers: [VIEWER], tags: { team: 'analytics' } });
    expect(cfnViolations('aws-quicksight-datasource.json', inputsOf('bi-athena'))).toEqual([]);
    for (const dataset of recorder.ofType(T.dataSet)) {
      expect(cfnViolations('aws-quicksight-dataset.json', dataset.inputs), dataset.name).toEqual([]);
    }
    expect(cfnViolations('aws-quicksight-analysis.json', inputsOf('bi-analysis'))).toEqual([]);
    expect(cfnViolations('aws-quicksight-dashboard.json', inputsOf('bi-dashboard'))).toEqual([]);
  });
});
