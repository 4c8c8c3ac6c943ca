import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LAKE_ZONES } from '@spotify-lake/contract';

/** `<lake>/datawarehouse/`: the folder of warehouse Parquet files written by the ETL. */
export function warehouseFolder(lakeDir: string): string {
  return join(resolve(lakeDir), LAKE_ZONES.warehouse);
}

/** Checks that the lake holds a warehouse and returns the glob DuckDB reads it with. */
export function warehouseParquetGlob(lakeDir: string): string {
  const folder = warehouseFolder(lakeDir);
  let files: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    files = readdirSync(folder, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.parquet'));
  } catch {
    throw new Error(
      `no local lake at ${resolve(lakeDir)}: ${folder} is missing. Build the lake with the ETL first (\`pnpm start\`), or pass --lake DIR`,
    );
  }
  if (files.length === 0)
    throw new Error(
      `the local lake ${resolve(lakeDir)} has no Parquet files under ${folder}; run the ETL first`,
    );
  return join(folder, '**', '*.parquet');
}

/** `'it''s'`: a DuckDB string literal for the one value DuckDB cannot bind, a path in CREATE VIEW. */
export function duckDbStringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
