// The contract as a library: the warehouse's columns for another engine's DDL, and its rows typed from them.
import {
  LAKE_ZONES,
  PHYSICAL_TYPES,
  stagingPrefix,
  WAREHOUSE_COLUMNS,
  WAREHOUSE_TABLE,
  type WarehouseRow,
} from '@spotify-lake/contract';

/** `CREATE TABLE` for the warehouse in Athena (Hive DDL types), with the contract's descriptions as comments. */
export function warehouseDdl(database: string, bucket: string): string {
  const columns = WAREHOUSE_COLUMNS.map(
    (c) => `  ${c.name} ${PHYSICAL_TYPES[c.type].glue} COMMENT '${c.description.replaceAll("'", "''")}'`,
  );
  return [
    `CREATE EXTERNAL TABLE ${database}.${WAREHOUSE_TABLE} (`,
    columns.join(',\n'),
    ')',
    'STORED AS PARQUET',
    `LOCATION 's3://${bucket}/${LAKE_ZONES.warehouse}'`,
  ].join('\n');
}

/** Row types follow the contract: `followers` is a bigint (counts pass 2^31), nullable columns are `| null`. */
export function describeArtist(row: Pick<WarehouseRow, 'artist_name' | 'followers' | 'genre'>): string {
  const followers: bigint = row.followers;
  return `${row.artist_name ?? '(unknown artist)'}: ${followers.toLocaleString('en-US')} followers, ${row.genre ?? 'no genre'}`;
}

/** Where each source's raw CSV files go, in S3 and in a local lake alike. */
export const stagingFolders = {
  albums: stagingPrefix('albums'),
  artists: stagingPrefix('artists'),
  tracks: stagingPrefix('tracks'),
};
