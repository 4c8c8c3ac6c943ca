import { LakeDashboard, type LakeDashboardArgs } from '@spotify-lake/bi';
import { DEFAULT_RESULTS_PREFIX, defaultDatabaseName, type LakeCatalog } from '@spotify-lake/catalog';
import { projectDashboardModel } from '@spotify-lake/dashboard';
import type { DataLake } from '@spotify-lake/lake';
import type { StackConfig } from './config';
import { LAKE_NAME, stackTags } from './lake-stack';

/**
 * `LakeDashboard` arguments: the project's dashboard spec over this stack's catalog and lake. The datasets' SQL
 * names the catalog's database, whose name the catalog derives from LAKE_NAME and the stack. With SPICE the
 * controls are fixed at their defaults (a SPICE dataset runs its SQL once per refresh).
 */
export function lakeDashboardArgs(
  config: StackConfig,
  lake: DataLake,
  catalog: LakeCatalog,
): LakeDashboardArgs {
  const spice = config.quicksightImportMode === 'spice';
  const database = defaultDatabaseName(LAKE_NAME, config.stack);
  return {
    model: projectDashboardModel(database, spice ? 'spice' : 'direct'),
    source: {
      workgroupName: catalog.workgroupName,
      databaseName: catalog.databaseName,
      dataBucketArn: lake.dataBucketArn,
      resultsBucketArn: lake.resultsBucketArn,
      resultsPrefix: DEFAULT_RESULTS_PREFIX,
      kmsKeyArn: lake.kmsKeyArn,
    },
    importMode: spice ? 'SPICE' : 'DIRECT_QUERY',
    ...(spice
      ? {
          refreshSchedule:
            config.quicksightRefresh === 'hourly'
              ? { interval: 'HOURLY' as const }
              : { interval: 'DAILY' as const, timeOfTheDay: '03:00', timezone: 'UTC' },
        }
      : {}),
    owners: config.quicksightOwners,
    viewers: config.quicksightViewers,
    tags: stackTags(config),
  };
}

/** The QuickSight dashboard of the stack, when `spotify-lake:quicksight` is on. */
export function createBiStack(
  config: StackConfig,
  lake: DataLake,
  catalog: LakeCatalog,
): LakeDashboard | undefined {
  if (!config.quicksight) return undefined;
  return new LakeDashboard(LAKE_NAME, lakeDashboardArgs(config, lake, catalog));
}
