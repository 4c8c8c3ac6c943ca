/**
 * A stack with the lake's catalog: contract tables, the Athena workgroup with a named query, and (from
 * configuration) the crawler. Typechecked with the package (tsconfig.json includes examples/).
 *
 * With the DataLake component in the same program, pass it directly:
 *   const lake = new DataLake('lake', { ... });
 *   new LakeCatalog('catalog', { lake, bytesScannedCutoffPerQuery: 10 * GiB });
 * Here the lake lives in another stack and is read through a StackReference, which works because LakeCatalog
 * only needs the lake's output names (LakeRef).
 */

import * as pulumi from '@pulumi/pulumi';
import { LakeCatalog, type LakeRef } from '@spotify-lake/catalog';

const GiB = 1024 ** 3;
const config = new pulumi.Config();

const lakeStack = new pulumi.StackReference(config.require('lakeStack'));
const output = (name: string) => lakeStack.requireOutput(name).apply(String);
const lake: LakeRef = {
  dataBucketName: output('dataBucketName'),
  dataBucketArn: output('dataBucketArn'),
  resultsBucketName: output('resultsBucketName'),
  resultsBucketArn: output('resultsBucketArn'),
  // Absent when the lake uses SSE-S3: results are then SSE_S3 too.
  kmsKeyArn: lakeStack.getOutput('kmsKeyArn').apply((arn) => (arn ? String(arn) : undefined)),
};

const catalog = new LakeCatalog('catalog', {
  lake,
  // A runaway query over the whole warehouse costs at most this scan.
  bytesScannedCutoffPerQuery: config.getNumber('bytesScannedCutoffPerQuery') ?? 10 * GiB,
  crawler: {
    enabled: config.getBoolean('crawler') ?? false,
    schedule: 'cron(15 2 * * ? *)',
  },
  // Saved in the workgroup for analysts; a program using @spotify-lake/queries passes
  // (t) => namedQueries({ database: t.databaseName, warehouseTable: t.warehouseTable }).
  namedQueries: ({ databaseName, warehouseTable }) => [
    {
      name: 'rows-per-release-year',
      description: 'Warehouse rows per release year.',
      sql: `SELECT release_year, COUNT(*) AS row_count FROM "${databaseName}"."${warehouseTable}" GROUP BY release_year ORDER BY release_year`,
    },
  ],
  tags: { project: 'spotify-lake', stack: pulumi.getStack() },
  transform: {
    // Keep the workgroup (and its query history) out of any accidental destroy in prod.
    workgroup: (_args, opts) => {
      opts.protect = pulumi.getStack() === 'prod';
    },
  },
});

export const databaseName = catalog.databaseName;
export const workgroupName = catalog.workgroupName;
export const resultsLocation = catalog.resultsLocation;
export const namedQueryNames = catalog.namedQueryNames;
export const crawlerName = catalog.crawlerName;
