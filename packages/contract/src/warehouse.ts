import type { LogicalType, TsTypeOf } from './logical-types';
import type { SourceName } from './sources';

/** Where a warehouse column comes from: a source field, or the year of the release date. */
export type Lineage<Source extends string = SourceName> =
  | { readonly source: Source; readonly field: string }
  | { readonly derived: 'year'; readonly source: Source; readonly field: string };

export interface WarehouseColumn<Source extends string = SourceName> {
  readonly name: string;
  readonly type: LogicalType;
  readonly nullable: boolean;
  readonly description: string;
  readonly from: Lineage<Source>;
}

/** Name of the warehouse table in every catalog, and of its folder under the lake. */
export const WAREHOUSE_TABLE = 'datawarehouse';

/**
 * The warehouse: one row per accepted album-track row; the grain is (track_id, album_id).
 * Declared `as const` so queries can infer their row types from it.
 */
export const WAREHOUSE_COLUMNS = [
  {
    name: 'track_id',
    type: 'string',
    nullable: false,
    description: 'Spotify track id.',
    from: { source: 'albums', field: 'track_id' },
  },
  {
    name: 'track_name',
    type: 'string',
    nullable: true,
    description: 'Track title.',
    from: { source: 'albums', field: 'track_name' },
  },
  {
    name: 'track_popularity',
    type: 'int',
    nullable: false,
    description: 'Track popularity, 0-100.',
    from: { source: 'tracks', field: 'track_popularity' },
  },
  {
    name: 'duration_ms',
    type: 'int',
    nullable: false,
    description: 'Track length in milliseconds.',
    from: { source: 'albums', field: 'duration_ms' },
  },
  {
    name: 'duration_sec',
    type: 'double',
    nullable: false,
    description: 'Track length in seconds.',
    from: { source: 'albums', field: 'duration_sec' },
  },
  {
    name: 'album_id',
    type: 'string',
    nullable: false,
    description: 'Spotify album id.',
    from: { source: 'albums', field: 'album_id' },
  },
  {
    name: 'album_name',
    type: 'string',
    nullable: true,
    description: 'Album title.',
    from: { source: 'albums', field: 'album_name' },
  },
  {
    name: 'album_popularity',
    type: 'int',
    nullable: false,
    description: 'Album popularity, 0-100.',
    from: { source: 'albums', field: 'album_popularity' },
  },
  {
    name: 'release_date',
    type: 'date',
    nullable: false,
    description: 'Album release date (first day of the period when only a year or month is known).',
    from: { source: 'albums', field: 'release_date' },
  },
  {
    name: 'release_year',
    type: 'int',
    nullable: false,
    description: 'Year of release_date.',
    from: { derived: 'year', source: 'albums', field: 'release_date' },
  },
  {
    name: 'label',
    type: 'string',
    nullable: true,
    description: 'Record label.',
    from: { source: 'albums', field: 'label' },
  },
  {
    name: 'artist_id',
    type: 'string',
    nullable: false,
    description: 'Spotify artist id.',
    from: { source: 'albums', field: 'artist_id' },
  },
  {
    name: 'artist_name',
    type: 'string',
    nullable: true,
    description: 'Artist name.',
    from: { source: 'artists', field: 'name' },
  },
  {
    name: 'artist_popularity',
    type: 'int',
    nullable: false,
    description: 'Artist popularity, 0-100.',
    from: { source: 'artists', field: 'artist_popularity' },
  },
  {
    name: 'followers',
    type: 'bigint',
    nullable: false,
    description: 'Spotify followers of the artist.',
    from: { source: 'artists', field: 'followers' },
  },
  {
    name: 'genre',
    type: 'string',
    nullable: true,
    description: 'Main genre of the artist; NULL when empty.',
    from: { source: 'artists', field: 'genre' },
  },
] as const satisfies readonly WarehouseColumn[];

export type WarehouseColumnName = (typeof WAREHOUSE_COLUMNS)[number]['name'];

type ValueOf<C extends { type: LogicalType; nullable: boolean }> = C['nullable'] extends true
  ? TsTypeOf<C['type']> | null
  : TsTypeOf<C['type']>;

/** A warehouse row as TypeScript sees it, derived from WAREHOUSE_COLUMNS. */
export type WarehouseRow = { [C in (typeof WAREHOUSE_COLUMNS)[number] as C['name']]: ValueOf<C> };

export function warehouseColumn<N extends WarehouseColumnName>(
  name: N,
): Extract<(typeof WAREHOUSE_COLUMNS)[number], { name: N }> {
  const column = WAREHOUSE_COLUMNS.find((c) => c.name === name);
  if (!column) throw new Error(`the warehouse has no column "${name}"`);
  return column as Extract<(typeof WAREHOUSE_COLUMNS)[number], { name: N }>;
}
