/**
 * A QuickSight dashboard over an existing lake and catalog: one dataset, a KPI and a bar chart with a year
 * control. Typechecked with the package (tsconfig.json includes examples/) and run under mocks by its test.
 *
 * In a program that also builds the lake and the catalog, pass their outputs as `source`:
 *   source: { workgroupName: catalog.workgroupName, databaseName: catalog.databaseName,
 *             dataBucketArn: lake.dataBucketArn, resultsBucketArn: lake.resultsBucketArn,
 *             resultsPrefix: 'athena-results', kmsKeyArn: lake.kmsKeyArn }
 */
import * as pulumi from '@pulumi/pulumi';
import { type DashboardModel, LakeDashboard } from '@spotify-lake/bi';

const config = new pulumi.Config();

const table = `"AwsDataCatalog"."${config.require('databaseName')}"."datawarehouse"`;
const model: DashboardModel = {
  id: 'releases',
  title: 'Releases',
  datasets: [
    {
      id: 'per-year',
      name: 'Albums per year',
      sql: `SELECT release_year, count(DISTINCT album_id) AS album_count FROM ${table} WHERE release_year >= <<$fromYear>> GROUP BY release_year`,
      columns: [
        { name: 'release_year', type: 'int' },
        { name: 'album_count', type: 'bigint' },
      ],
      parameters: [{ name: 'fromYear', type: 'integer', defaultValue: 2000, control: 'from-year' }],
    },
  ],
  controls: [
    {
      id: 'from-year',
      parameter: 'fromYear',
      title: 'From year',
      kind: 'slider',
      type: 'integer',
      defaultValue: 2000,
      min: 1950,
      max: 2030,
      step: 1,
    },
  ],
  sheets: [
    {
      id: 'main',
      title: 'Releases',
      controls: ['from-year'],
      visuals: [
        {
          id: 'albums-per-year',
          kind: 'bar',
          orientation: 'vertical',
          title: 'Albums per year',
          dataset: 'per-year',
          category: { column: 'release_year', label: 'Year' },
          value: { column: 'album_count', label: 'Albums', format: { kind: 'number', thousands: true } },
          sort: { by: 'category', direction: 'asc' },
          layout: { columnSpan: 36, rowSpan: 12 },
        },
      ],
    },
  ],
};

const dashboard = new LakeDashboard('releases', {
  model,
  source: {
    workgroupName: config.require('workgroupName'),
    databaseName: config.require('databaseName'),
    dataBucketArn: config.require('dataBucketArn'),
    resultsBucketArn: config.require('resultsBucketArn'),
    resultsPrefix: 'athena-results',
  },
  owners: config.getObject<string[]>('owners') ?? [],
  tags: { project: 'spotify-lake' },
});

export const dashboardId = dashboard.dashboardId;
export const dashboardArn = dashboard.dashboardArn;
