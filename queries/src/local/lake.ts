import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  duckDbFileLiteral,
  LakeManifestError,
  MANIFEST_FILE,
  parseLakeManifest,
} from '@spotify-lake/contract';

/**
 * The warehouse's Parquet files of a local lake, as its manifest lists them (absolute paths). A lake is read only
 * through its manifest, never through a folder listing or a glob: a run in progress writes new files beside the
 * committed ones, and a path with glob characters (`lake[1]`) would read other lakes' files.
 */
export function warehouseFiles(lakeDir: string): string[] {
  const dir = resolve(lakeDir);
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `no local lake at ${dir}: ${path} is missing. Build the lake with the ETL first (\`pnpm start\`), or pass --lake DIR`,
    );
  }
  let manifest: ReturnType<typeof parseLakeManifest>;
  try {
    manifest = parseLakeManifest(text, path);
  } catch (error) {
    if (error instanceof LakeManifestError) throw new Error(`cannot read the local lake: ${error.message}`);
    throw error;
  }
  if (manifest === undefined) {
    throw new Error(
      `no local lake at ${dir}: ${path} was not written by spotify-lake (or by an older version: rebuild the lake with \`pnpm start\`)`,
    );
  }
  if (manifest.files.warehouse.length === 0) {
    throw new Error(`the local lake ${dir} lists no warehouse file in ${path}; run the ETL again`);
  }
  return manifest.files.warehouse.map((file) => join(dir, file));
}

/** `read_parquet([...])` over warehouse files, each path a literal DuckDB does not expand as a glob. */
export function warehouseTableExpressionOf(files: readonly string[]): string {
  return `read_parquet([${files.map(duckDbFileLiteral).join(', ')}])`;
}
