import {
  LAKE_ZONES,
  type LogicalType,
  PHYSICAL_TYPES,
  QUARANTINE_COLUMNS,
  QUARANTINE_TABLE,
  SOURCE_NAMES,
  SOURCES,
  type SourceName,
  stagingPrefix,
  WAREHOUSE_COLUMNS,
  WAREHOUSE_TABLE,
} from '@spotify-lake/contract';
import { stagingTableName } from '../naming';
import { OPEN_CSV_FORMAT, PARQUET_FORMAT, type StorageFormat } from './storage-formats';

export interface CatalogColumn {
  readonly name: string;
  /** Glue (Hive) type name. */
  readonly type: string;
  readonly comment: string;
}

/** A catalog table as the contract declares it, before it becomes a Glue resource. */
export interface CatalogTableDefinition {
  /** Which child it becomes: the hook and logical name follow from it. */
  readonly kind: 'warehouse' | 'staging' | 'quarantine';
  readonly name: string;
  readonly description: string;
  /** Folder of the data bucket the table reads, with its trailing slash (a LAKE_ZONES prefix). */
  readonly prefix: string;
  readonly format: StorageFormat;
  readonly columns: readonly CatalogColumn[];
}

/** Glue limits a column comment to 255 characters. */
const COMMENT_MAX_LENGTH = 255;
const comment = (text: string) =>
  text.length <= COMMENT_MAX_LENGTH ? text : `${text.slice(0, COMMENT_MAX_LENGTH - 3)}...`;

/** A column the transform writes typed: its contract type in Glue's spelling. */
function typedColumn(c: { name: string; type: LogicalType; description: string }) {
  return { name: c.name, type: PHYSICAL_TYPES[c.type].glue, comment: comment(c.description) };
}

/** `datawarehouse`: the Parquet files the transform writes, typed as the contract declares. */
export function warehouseTableDefinition(): CatalogTableDefinition {
  return {
    kind: 'warehouse',
    name: WAREHOUSE_TABLE,
    description:
      'Accepted album-track rows, one per (track_id, album_id), written by the transform as Parquet.',
    prefix: LAKE_ZONES.warehouse,
    format: PARQUET_FORMAT,
    columns: WAREHOUSE_COLUMNS.map(typedColumn),
  };
}

/**
 * `staging_<source>`: the raw CSV folder of one source. Every column is `string` whatever the contract's type,
 * because OpenCSVSerde reads strings only; the transform does the typing and the rules. Columns are in the
 * contract's field order, which is the header order of the files the tutorial and the generator write. The ETL
 * matches columns by header name, so it reads files whose header is in another order; a SerDe table maps by
 * position and cannot: such files read wrong through this table (the ETL's results are still right).
 */
export function stagingTableDefinition(source: SourceName): CatalogTableDefinition {
  const spec = SOURCES[source];
  return {
    kind: 'staging',
    name: stagingTableName(source),
    description: `Raw ${spec.file} as uploaded (all columns text, header skipped). ${spec.description}`,
    prefix: stagingPrefix(source),
    format: OPEN_CSV_FORMAT,
    columns: spec.fields.map((f) => ({
      name: f.name,
      type: PHYSICAL_TYPES.string.glue,
      comment: comment(`${f.description} Contract type: ${f.type}.`),
    })),
  };
}

/** `quarantine`: rejected rows with their reason, written by the transform as Parquet. */
export function quarantineTableDefinition(): CatalogTableDefinition {
  return {
    kind: 'quarantine',
    name: QUARANTINE_TABLE,
    description: 'Source rows the transform rejected, with the reason and the original fields as read.',
    prefix: LAKE_ZONES.quarantine,
    format: PARQUET_FORMAT,
    columns: QUARANTINE_COLUMNS.map(typedColumn),
  };
}

/** Every table of the catalog: the warehouse, one staging table per source, the quarantine. */
export function catalogTableDefinitions(): CatalogTableDefinition[] {
  return [
    warehouseTableDefinition(),
    ...SOURCE_NAMES.map(stagingTableDefinition),
    quarantineTableDefinition(),
  ];
}
