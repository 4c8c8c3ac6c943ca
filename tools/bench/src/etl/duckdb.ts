/** A DuckDB string literal. */
export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** A DuckDB identifier, quoted so that any header text is safe. */
export const sqlIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
