import { QUERIES } from '@spotify-lake/queries';
import { resolvedValue, wildcardViolations } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { runProgram } from './support/run-program';
import { stackFileConfig } from './support/stack-files';

const COMPONENT = 'spotify:bi:LakeDashboard';
/** A program run loads @pulumi/aws and aws-native: seconds on a busy 2-core machine (a limit, not a benchmark). */
const PROGRAM_TIMEOUT = 60_000;
// biome-ignore lint/suspicious/noExplicitAny: recorded inputs are JSON, read field by field
type Inputs = Record<string, any>;

describe('the QuickSight dashboard in the stacks', () => {
  it(
    'is on in prod: the project dashboard over the prod catalog, direct query, for the configured groups',
    async () => {
      const run = await runProgram('prod', stackFileConfig('prod'));
      const component = run.resources.filter((r) => r.type === COMPONENT);
      expect(component.map((c) => c.name)).toEqual(['spotify']);
      const children = run.resources.filter(
        (r) => r.parent === 'spotify' && r.type.startsWith('aws-native:quicksight:'),
      );
      expect(children.map((c) => c.type).sort()).toEqual(
        expect.arrayContaining([
          'aws-native:quicksight:Analysis',
          'aws-native:quicksight:Dashboard',
          'aws-native:quicksight:DataSource',
        ]),
      );
      const inputs = (name: string) =>
        run.resources.find((r) => r.name === name && r.parent === 'spotify')!.inputs as Inputs;
      expect(inputs('spotify-dashboard').dashboardId).toBe('spotify-prod');
      expect(inputs('spotify-athena').dataSourceParameters.athenaParameters.workGroup).toBe('spotify-prod');
      const artists = inputs('spotify-dataset-top-artists-by-followers');
      expect(artists.importMode).toBe('DIRECT_QUERY');
      expect(artists.physicalTableMap.query.customSql.sqlQuery).toContain(
        '"AwsDataCatalog"."spotify_prod"."datawarehouse"',
      );
      expect(await resolvedValue(run.outputs.databaseName)).toBe('spotify_prod');
      expect(inputs('spotify-dashboard').permissions.map((p: { principal: string }) => p.principal)).toEqual([
        'arn:aws:quicksight:eu-west-1:123456789012:group/default/bi-authors',
        'arn:aws:quicksight:eu-west-1:123456789012:group/default/analysts',
      ]);
      expect(inputs('spotify-dashboard').tags).toEqual(
        expect.arrayContaining([{ key: 'spotify-lake:stack', value: 'prod' }]),
      );
      const policy = JSON.parse(inputs('spotify-role-policy').policy);
      expect(policy.Statement.find((s: { Sid: string }) => s.Sid === 'UseTheLakeKeyThroughS3')).toBeDefined();
      expect(wildcardViolations(run.resources)).toEqual([]);
      expect(run.outputs.quicksightDashboardId).toBe('spotify-prod');
      expect(await resolvedValue(run.outputs.quicksightDashboardArn!)).toMatch(
        /^arn:aws:quicksight:eu-west-1:123456789012:/,
      );
      // The named queries are unchanged by the dashboard.
      expect(run.resources.filter((r) => r.type === 'aws:athena/namedQuery:NamedQuery')).toHaveLength(
        QUERIES.length,
      );
    },
    PROGRAM_TIMEOUT,
  );

  it(
    'is off in dev',
    async () => {
      const run = await runProgram('dev', stackFileConfig('dev'));
      expect(run.resources.filter((r) => r.type === COMPONENT || r.type.startsWith('aws-native:'))).toEqual(
        [],
      );
      expect(run.outputs.quicksightDashboardId).toBeUndefined();
      expect(run.outputs.quicksightDashboardArn).toBeUndefined();
    },
    PROGRAM_TIMEOUT,
  );

  it(
    'deploys SPICE datasets on a schedule, without controls, when a stack asks',
    async () => {
      const run = await runProgram('staging', {
        'aws:region': 'eu-west-1',
        'spotify-lake:quicksight': 'true',
        'spotify-lake:quicksightViewers': '["group/analysts"]',
        'spotify-lake:quicksightImportMode': 'spice',
        'spotify-lake:quicksightRefresh': 'hourly',
      });
      const datasets = run.resources.filter((r) => r.type === 'aws-native:quicksight:DataSet');
      expect(datasets.length).toBeGreaterThan(0);
      for (const d of datasets) expect((d.inputs as Inputs).importMode).toBe('SPICE');
      const schedules = run.resources.filter((r) => r.type === 'aws-native:quicksight:RefreshSchedule');
      expect(schedules).toHaveLength(datasets.length);
      expect((schedules[0]!.inputs as Inputs).schedule.scheduleFrequency.interval).toBe('HOURLY');
      const definition = (
        run.resources.find((r) => r.type === 'aws-native:quicksight:Dashboard')!.inputs as Inputs
      ).definition;
      expect(definition.parameterDeclarations).toBeUndefined();
    },
    PROGRAM_TIMEOUT,
  );
});
