import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  LAKE_ZONES,
  MANIFEST_FILE,
  parseLakeManifest,
  SOURCE_NAMES,
  SOURCES,
  type SourceName,
} from '@spotify-lake/contract';
import { describeFsError } from './csv-header';
import { EtlInputError } from './errors';

/** The CSV files of each source, in the order their rows are numbered. */
export type SourceFiles = Record<SourceName, string[]>;

/**
 * Finds each source's files in an input folder: `<input>/<source>.csv` (the contract's file name, the
 * tutorial's upload) or every `*.csv` in `<input>/<source>/` (name order). A lake folder, or its `staging/`
 * folder, is read as the files its manifest lists as staged: rerunning a lake from its own staging works.
 */
export async function findSourceFiles(inputDir: string): Promise<SourceFiles> {
  const kind = await pathKind(inputDir);
  if (kind === 'missing') throw new EtlInputError({ file: inputDir }, 'input folder does not exist');
  if (kind !== 'dir') throw new EtlInputError({ file: inputDir }, 'input is not a folder');
  const lakeDir = basename(inputDir) === LAKE_ZONES.staging.replace(/\/$/, '') ? dirname(inputDir) : inputDir;
  const staged = await stagedFilesOfLake(lakeDir);
  if (staged !== undefined) return staged;

  const found = {} as SourceFiles;
  for (const source of SOURCE_NAMES) found[source] = await findFiles(inputDir, source);
  return found;
}

/** The staged files of the lake at `lakeDir`, by source; undefined when it is not this tool's lake. */
async function stagedFilesOfLake(lakeDir: string): Promise<SourceFiles | undefined> {
  const path = join(lakeDir, MANIFEST_FILE);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let manifest: ReturnType<typeof parseLakeManifest>;
  try {
    manifest = parseLakeManifest(text, path);
  } catch (error) {
    throw new EtlInputError({ file: path }, (error as Error).message.slice(path.length + 2), {
      cause: error,
    });
  }
  if (manifest === undefined) return undefined;
  const found = {} as SourceFiles;
  for (const source of SOURCE_NAMES) {
    const prefix = `${LAKE_ZONES.staging}${source}/`;
    found[source] = manifest.files.staging.filter((f) => f.startsWith(prefix)).map((f) => join(lakeDir, f));
    if (found[source].length === 0) {
      throw new EtlInputError({ file: path }, `lists no staged file for source ${source}`);
    }
  }
  return found;
}

async function findFiles(inputDir: string, source: SourceName): Promise<string[]> {
  const single = join(inputDir, SOURCES[source].file);
  const folder = join(inputDir, source);
  const [singleKind, folderKind] = await Promise.all([pathKind(single), pathKind(folder)]);

  if (singleKind !== 'missing' && folderKind === 'dir') {
    throw new EtlInputError(
      { file: single },
      `is ambiguous: ${folder}/ also exists; keep either the file or the folder`,
    );
  }
  if (folderKind === 'dir') {
    const names = (await readdir(folder)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
    if (names.length === 0)
      throw new EtlInputError({ file: folder }, `holds no .csv file for source ${source}`);
    return names.map((n) => join(folder, n));
  }
  if (singleKind === 'missing') {
    throw new EtlInputError(
      { file: single },
      `is missing: source ${source} needs ${SOURCES[source].file} or a ${source}/ folder of .csv files`,
    );
  }
  if (singleKind === 'dir') throw new EtlInputError({ file: single }, 'is a folder, not a CSV file');
  if (singleKind === 'other') throw new EtlInputError({ file: single }, 'is not a regular file');
  return [single];
}

async function pathKind(path: string): Promise<'missing' | 'dir' | 'file' | 'other'> {
  try {
    const stats = await stat(path);
    return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : 'other';
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') return 'missing';
    throw new EtlInputError({ file: path }, `cannot be inspected (${describeFsError(error)})`, {
      cause: error,
    });
  }
}
