import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type EtlStatement, parseEtlSql } from '@spotify-lake/contract';

/**
 * The generated ETL SQL that ships with the package (`files` includes `sql/`). Both the compiled
 * `dist/local/` and the `src/local/` that tests run sit two levels below the package root.
 */
export const ETL_SQL_PATH = join(__dirname, '..', '..', 'sql', 'etl.sql');

/**
 * The ETL SQL's statements, exactly as the Glue job reads them, and the sha256 of the file's bytes (as the Glue job
 * hashes it), from one read of the file.
 */
export async function readEtlSql(
  path: string = ETL_SQL_PATH,
): Promise<{ sha256: string; statements: EtlStatement[] }> {
  const text = await readFile(path, 'utf8');
  return { sha256: createHash('sha256').update(text).digest('hex'), statements: parseEtlSql(text) };
}
