import { LAKE_ZONES, MANIFEST_FILE } from '../lake-layout';

/**
 * How a local lake folder is laid out and committed, shared by its writer (the ETL) and its readers (the
 * local query runner, the dashboard):
 * - `manifest.json` at the root is the commit point: a run writes its data files first, then the manifest
 *   (to a temporary name, then renamed over the old one, which is atomic), then removes the files of the
 *   manifest it replaced. At every instant the folder holds one complete lake, the previous or the new one.
 * - Data files carry the run id in their names, so a new run never overwrites a file the current manifest
 *   lists, and readers read exactly the files the manifest lists, never a folder listing or a glob.
 * - The manifest names the tool and the format version: a folder is this tool's lake only if its manifest
 *   says so, and nothing in a folder that is not is ever deleted or overwritten.
 * - `.spotify-lake/` holds the tool's own bookkeeping: the lock and each run's journal and scratch space.
 */
export const LAKE_FORMAT = { tool: 'spotify-lake', version: 2 } as const;

/** The tool's private folder inside a lake. */
export const LAKE_PRIVATE_DIR = '.spotify-lake';

/** The lake's data files, relative to the lake folder, as the manifest lists them. */
export interface LakeFiles {
  /** `staging/<source>/<run id>/<file>`. */
  readonly staging: readonly string[];
  /** `datawarehouse/part-00000-<run id>.parquet`. */
  readonly warehouse: readonly string[];
  /** `quarantine/part-00000-<run id>.parquet`. */
  readonly quarantine: readonly string[];
}

/** What any manifest of the tool holds, whatever else a writer adds: the marker, the run, the files. */
export interface LakeManifestCore {
  readonly lake: typeof LAKE_FORMAT;
  readonly runId: string;
  readonly files: LakeFiles;
}

/** Why a manifest cannot be read as the tool's. */
export class LakeManifestError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'LakeManifestError';
  }
}

/** The parquet file of an output zone written by a run: `datawarehouse/part-00000-<run id>.parquet`. */
export function runPartFile(zone: 'warehouse' | 'quarantine', runId: string, part = 0): string {
  return `${LAKE_ZONES[zone]}part-${String(part).padStart(5, '0')}-${runId}.parquet`;
}

/** The folder a run stages one source's input files in: `staging/albums/<run id>/`. */
export function runStagingFolder(source: string, runId: string): string {
  return `${LAKE_ZONES.staging}${source}/${runId}/`;
}

/** Run ids sort by start time, never collide, and are safe in file names. */
export const RUN_ID_PATTERN = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}-[0-9]{3}Z-[0-9a-f]{6}$/;

const isRelativeLakePath = (path: unknown): path is string =>
  typeof path === 'string' &&
  path.length > 0 &&
  !path.startsWith('/') &&
  !path.includes('\\') &&
  !path.split('/').some((part) => part === '..' || part === '.' || part === '');

/**
 * Reads a manifest's text as the tool's, checking the marker, the version and the file lists. Returns undefined
 * for a manifest the tool did not write (valid JSON, no marker), so a caller can refuse the folder; throws
 * LakeManifestError, naming the file, for one that claims to be the tool's but is broken or of another version.
 */
export function parseLakeManifest(text: string, path = MANIFEST_FILE): LakeManifestCore | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LakeManifestError(path, `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const marker = (json as { lake?: unknown }).lake;
  if (
    typeof marker !== 'object' ||
    marker === null ||
    (marker as { tool?: unknown }).tool !== LAKE_FORMAT.tool
  ) {
    return undefined;
  }
  const version = (marker as { version?: unknown }).version;
  if (version !== LAKE_FORMAT.version) {
    throw new LakeManifestError(
      path,
      `is a spotify-lake manifest of format ${JSON.stringify(version)}; this version reads format ${LAKE_FORMAT.version}`,
    );
  }
  const { runId, files } = json as { runId?: unknown; files?: Record<string, unknown> };
  if (typeof runId !== 'string' || !RUN_ID_PATTERN.test(runId)) {
    throw new LakeManifestError(path, `has no valid runId (got ${JSON.stringify(runId)})`);
  }
  if (typeof files !== 'object' || files === null) throw new LakeManifestError(path, 'has no files');
  for (const zone of ['staging', 'warehouse', 'quarantine'] as const) {
    const list = files[zone];
    if (!Array.isArray(list) || !list.every(isRelativeLakePath)) {
      throw new LakeManifestError(path, `files.${zone} must be a list of paths inside the lake`);
    }
  }
  return json as LakeManifestCore;
}
