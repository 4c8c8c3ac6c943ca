import { QUARANTINE_TABLE } from './quarantine';
import type { SourceName } from './sources';
import { WAREHOUSE_TABLE } from './warehouse';

/**
 * The lake's folders, the same in S3 and in a local lake folder. Each staging source has its own folder
 * so that a catalog table can point at it (the tutorial's flat `staging/` cannot hold three tables).
 * `_runs/` is where a Glue run writes its outputs before publishing them, a sibling of the tables'
 * folders and never inside one (a crawler or query must not see half a run); its leading underscore makes Spark
 * and Athena skip it. Named here so that grants and lifecycle rules can name it.
 */
export const LAKE_ZONES = {
  staging: 'staging/',
  warehouse: `${WAREHOUSE_TABLE}/`,
  quarantine: `${QUARANTINE_TABLE}/`,
  scripts: 'scripts/',
  runs: '_runs/',
} as const;
export type LakeZone = keyof typeof LAKE_ZONES;

/** `staging/albums/`: the folder that holds one source's CSV files. */
export function stagingPrefix(source: SourceName): string {
  return `${LAKE_ZONES.staging}${source}/`;
}

/** Name of the run summary at the root of a local lake. */
export const MANIFEST_FILE = 'manifest.json';
