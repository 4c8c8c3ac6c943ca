import { QUARANTINE_TABLE } from './quarantine';
import type { SourceName } from './sources';
import { WAREHOUSE_TABLE } from './warehouse';

/**
 * The lake's folders, the same in S3 and in a local lake folder. Each staging source has its own folder
 * so that a catalog table can point at it (the tutorial's flat `staging/` cannot hold three tables).
 */
export const LAKE_ZONES = {
  staging: 'staging/',
  warehouse: `${WAREHOUSE_TABLE}/`,
  quarantine: `${QUARANTINE_TABLE}/`,
  scripts: 'scripts/',
} as const;
export type LakeZone = keyof typeof LAKE_ZONES;

/** `staging/albums/`: the folder that holds one source's CSV files. */
export function stagingPrefix(source: SourceName): string {
  return `${LAKE_ZONES.staging}${source}/`;
}

/** Name of the run summary at the root of a local lake. */
export const MANIFEST_FILE = 'manifest.json';
