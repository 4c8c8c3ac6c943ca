import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTransformSql, type TransformStatement } from '@spotify-lake/contract';

/**
 * The generated transform that ships with the package (`files` includes `sql/`). Both the compiled
 * `dist/local/` and the `src/local/` that tests run sit two levels below the package root.
 */
export const TRANSFORM_SQL_PATH = join(__dirname, '..', '..', 'sql', 'transform.sql');

/** The transform's statements, exactly as the Glue job reads them. */
export async function loadTransform(path: string = TRANSFORM_SQL_PATH): Promise<TransformStatement[]> {
  return parseTransformSql(await readFile(path, 'utf8'));
}
