import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type EtlStatement, parseEtlSql } from '@spotify-lake/contract';

/**
 * The generated ETL SQL that ships with the package (`files` includes `sql/`). Both the compiled
 * `dist/local/` and the `src/local/` that tests run sit two levels below the package root.
 */
export const ETL_SQL_PATH = join(__dirname, '..', '..', 'sql', 'etl.sql');

/** The ETL SQL's statements, exactly as the Glue job reads them. */
export async function loadEtlSql(path: string = ETL_SQL_PATH): Promise<EtlStatement[]> {
  return parseEtlSql(await readFile(path, 'utf8'));
}
