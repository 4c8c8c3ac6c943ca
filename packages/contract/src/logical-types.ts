/**
 * Logical types of the data contract. Every column is declared once with one of these; each engine's
 * physical type is looked up here, so the Glue catalog, DuckDB, Spark and TypeScript can never disagree.
 */
export const LOGICAL_TYPES = ['string', 'int', 'bigint', 'double', 'date'] as const;
export type LogicalType = (typeof LOGICAL_TYPES)[number];

export interface PhysicalTypes {
  /** Glue Data Catalog / Athena DDL type (Hive type names). */
  readonly glue: string;
  /** Athena (Trino) type as reported in `ColumnInfo.Type` of query results. */
  readonly athena: string;
  /** DuckDB type. */
  readonly duckdb: string;
  /** Spark SQL type, also the name used in `CAST(... AS <type>)` in the shared transform SQL. */
  readonly spark: string;
  /** TypeScript type of a value read back from either engine. */
  readonly typescript: 'string' | 'number' | 'bigint';
}

export const PHYSICAL_TYPES: { readonly [T in LogicalType]: PhysicalTypes } = {
  string: { glue: 'string', athena: 'varchar', duckdb: 'VARCHAR', spark: 'STRING', typescript: 'string' },
  int: { glue: 'int', athena: 'integer', duckdb: 'INTEGER', spark: 'INT', typescript: 'number' },
  // Follower counts pass 2^31; bigint keeps them exact in TypeScript too.
  bigint: { glue: 'bigint', athena: 'bigint', duckdb: 'BIGINT', spark: 'BIGINT', typescript: 'bigint' },
  double: { glue: 'double', athena: 'double', duckdb: 'DOUBLE', spark: 'DOUBLE', typescript: 'number' },
  // Dates travel as ISO `YYYY-MM-DD` strings: no time zone can shift them by a day.
  date: { glue: 'date', athena: 'date', duckdb: 'DATE', spark: 'DATE', typescript: 'string' },
};

/** The TypeScript type of a value of logical type `T`. */
export type TsTypeOf<T extends LogicalType> = T extends 'string' | 'date'
  ? string
  : T extends 'int' | 'double'
    ? number
    : T extends 'bigint'
      ? bigint
      : never;

export function physicalType(type: LogicalType): PhysicalTypes {
  const physical = PHYSICAL_TYPES[type];
  if (!physical)
    throw new Error(`unknown logical type "${String(type)}"; expected one of ${LOGICAL_TYPES.join(', ')}`);
  return physical;
}
