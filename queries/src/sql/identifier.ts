/**
 * Trino (and DuckDB) quoted identifiers. Table, database and catalog names come from the stack, never from a
 * caller of a query, but they are still quoted so that a name such as `spotify-lake-dev` is a single
 * identifier and no name can end the identifier early.
 */
export function quoteIdentifier(name: string, what = 'identifier'): string {
  if (typeof name !== 'string' || name.length === 0) throw new Error(`${what} must be a non-empty string`);
  if (name.length > 255) throw new Error(`${what} "${name.slice(0, 40)}..." is longer than 255 characters`);
  // Control characters are never part of a Glue or DuckDB name; refusing them keeps the SQL text printable.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new Error(`${what} ${JSON.stringify(name)} contains a control character`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** Where the warehouse lives for one stack (dev and prod use different databases and table names). */
export interface QueryTarget {
  /** Glue database (Athena schema). */
  readonly database: string;
  /** Warehouse table name. Default: `datawarehouse` (the contract's WAREHOUSE_TABLE). */
  readonly warehouseTable?: string;
  /** Athena data catalog. Default: `AwsDataCatalog`. */
  readonly catalog?: string;
}

export const DEFAULT_CATALOG = 'AwsDataCatalog';
