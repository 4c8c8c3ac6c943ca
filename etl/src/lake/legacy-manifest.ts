import { isAbsolute } from 'node:path';
import { type LakeFiles, RUN_ID_PATTERN, SOURCE_NAMES } from '@spotify-lake/contract';

/**
 * A lake written by the first version of the tool (format 1): its manifest had no marker, so it is recognised by
 * its exact shape, including the lake folder it names being this one. Its files (`datawarehouse/part-00000.parquet`,
 * `staging/<source>/<file>`) are replaced by the first run of this version like any previous run's.
 */
export function legacyLakeFiles(text: string, lakeDir: string): LakeFiles | undefined {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const relative = (list: unknown): list is string[] =>
    Array.isArray(list) &&
    list.every((p) => typeof p === 'string' && p !== '' && !isAbsolute(p) && !p.split('/').includes('..'));
  const transform = json.transform as { sha256?: unknown } | undefined;
  const sources = json.sources as Record<string, { stagedFiles?: unknown }> | undefined;
  const warehouse = json.warehouse as { files?: unknown } | undefined;
  const quarantine = json.quarantine as { files?: unknown } | undefined;
  const fingerprint =
    typeof json.runId === 'string' &&
    RUN_ID_PATTERN.test(json.runId) &&
    json.lakeDir === lakeDir &&
    typeof transform?.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(transform.sha256) &&
    sources !== undefined &&
    SOURCE_NAMES.every((s) => relative(sources[s]?.stagedFiles)) &&
    relative(warehouse?.files) &&
    relative(quarantine?.files);
  if (!fingerprint) return undefined;
  return {
    staging: SOURCE_NAMES.flatMap((s) => sources[s]!.stagedFiles as string[]),
    warehouse: warehouse!.files as string[],
    quarantine: quarantine!.files as string[],
  };
}

/** Work folders format 1 left in a lake when a run was killed: `.run-<run id>`, `.replaced-<run id>`. */
export const isLegacyRunFolder = (entry: string) => {
  const match = /^\.(?:run|replaced)-(.+)$/.exec(entry);
  return match !== null && RUN_ID_PATTERN.test(match[1]!);
};
