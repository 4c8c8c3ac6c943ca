import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, parse, resolve } from 'node:path';
import {
  LAKE_PRIVATE_DIR,
  type LakeFiles,
  type LakeManifestCore,
  LakeManifestError,
  MANIFEST_FILE,
  parseLakeManifest,
} from '@spotify-lake/contract';
import { asLakeFolderError, LakeFolderError } from './lake-errors';
import { legacyLakeFiles } from './legacy-manifest';

/** Marks a folder as the tool's before its first manifest exists (a first run that crashed). */
export const PRIVATE_MARKER = 'lake-format.json';

/** What a folder given as the lake is, once it is known to be safe to write. */
export type LakeFolderState =
  /** Does not exist: the run creates it. */
  | { readonly kind: 'absent' }
  /** An empty folder. */
  | { readonly kind: 'empty' }
  /** The tool's lake: its committed files (none before a first commit) and the run that wrote them. */
  | {
      readonly kind: 'lake';
      readonly runId: string | undefined;
      readonly files: LakeFiles;
      readonly legacy: boolean;
    };

const NO_FILES: LakeFiles = { staging: [], warehouse: [], quarantine: [] };

/**
 * Refuses the targets no lake belongs in: a file-system root, the home folder, or a folder that holds a `.git`
 * (a repository, such as this one with `--lake .`). `force` says the user means it.
 */
export async function assertSafeLakeTarget(lakeDir: string, force: boolean): Promise<void> {
  if (force) return;
  const dir = resolve(lakeDir);
  const refuse = (why: string) =>
    new LakeFolderError(dir, `${why}; refusing to use it as a lake folder (pass --force if you mean it)`);
  if (parse(dir).root === dir) throw refuse('is a file-system root');
  if (dir === resolve(homedir())) throw refuse('is your home folder');
  const git = await stat(join(dir, '.git')).catch(() => undefined);
  if (git !== undefined) throw refuse('holds a .git (it is a repository)');
}

/**
 * What the folder is. Anything that is neither absent, empty, nor the tool's lake is refused, naming the folder
 * and what makes it someone else's: the tool never deletes or overwrites a file it did not write.
 */
export async function inspectLakeFolder(lakeDir: string): Promise<LakeFolderState> {
  const dir = resolve(lakeDir);
  let entries: string[];
  try {
    const kind = await stat(dir);
    if (!kind.isDirectory()) throw new LakeFolderError(dir, 'is not a folder');
    entries = await readdir(dir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { kind: 'absent' };
    throw asLakeFolderError(dir, 'read the lake folder', error);
  }
  if (entries.length === 0) return { kind: 'empty' };

  if (entries.includes(MANIFEST_FILE)) {
    const path = join(dir, MANIFEST_FILE);
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      throw asLakeFolderError(dir, `read ${MANIFEST_FILE}`, error);
    });
    let manifest: LakeManifestCore | undefined;
    try {
      manifest = parseLakeManifest(text, path);
    } catch (error) {
      if (error instanceof LakeManifestError)
        throw new LakeFolderError(dir, (error as Error).message, { cause: error });
      throw error;
    }
    if (manifest !== undefined)
      return { kind: 'lake', runId: manifest.runId, files: manifest.files, legacy: false };
    const legacy = legacyLakeFiles(text, dir);
    if (legacy !== undefined) return { kind: 'lake', runId: undefined, files: legacy, legacy: true };
    throw new LakeFolderError(
      dir,
      `holds a ${MANIFEST_FILE} that spotify-lake did not write, so it is not a lake folder; refusing to change anything in it: choose an empty or new folder with --lake`,
    );
  }
  const marker = await readFile(join(dir, LAKE_PRIVATE_DIR, PRIVATE_MARKER), 'utf8').catch(() => undefined);
  if (marker !== undefined && isPrivateMarker(marker)) {
    return { kind: 'lake', runId: undefined, files: NO_FILES, legacy: false };
  }
  const shown =
    entries.slice(0, 5).join(', ') + (entries.length > 5 ? `, ... (${entries.length} entries)` : '');
  throw new LakeFolderError(
    dir,
    `is not empty (${shown}) and is not a lake folder (no ${MANIFEST_FILE} written by spotify-lake); refusing to change anything in it: choose an empty or new folder with --lake`,
  );
}

export function privateMarkerText(): string {
  return `${JSON.stringify({ tool: 'spotify-lake', note: 'This folder is a spotify-lake lake; see manifest.json.' })}\n`;
}

function isPrivateMarker(text: string): boolean {
  try {
    return (JSON.parse(text) as { tool?: unknown }).tool === 'spotify-lake';
  } catch {
    return false;
  }
}
