import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LAKE_ZONES, MANIFEST_FILE } from '@spotify-lake/contract';
import { describeFsError } from './csv-header';
import { EtlInputError } from './errors';

/** What a run owns in a lake folder; anything else there is left alone. */
const zoneDir = (zone: string) => zone.replace(/\/$/, '');
export const LOCAL_ZONES = [LAKE_ZONES.staging, LAKE_ZONES.warehouse, LAKE_ZONES.quarantine].map(zoneDir);
/** Manifest last in, first out: a lake folder with a manifest is always complete. */
const OWNED_ENTRIES = [...LOCAL_ZONES, MANIFEST_FILE];

const RUN_PREFIX = '.run-';
const REPLACED_PREFIX = '.replaced-';
const LOCK_FILE = '.lock';

/** Run ids sort by start time and never collide. */
export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

export interface RunFolder {
  readonly lakeDir: string;
  /** `<lake>/.run-<id>`: the new lake is built here, then swapped into place. */
  readonly root: string;
  /** DuckDB's spill folder, removed with the run folder. */
  readonly spillDir: string;
  /** Releases the lock and removes the run folder; safe to call twice. */
  discard(): Promise<void>;
  /** Swaps the run's zones and manifest into the lake, then discards the run folder. */
  publish(): Promise<void>;
}

/**
 * Locks the lake folder and creates the run's temporary folder inside it. A lock left by a process
 * that no longer runs is taken over, with that run's leftovers.
 */
export async function startRun(lakeDir: string, runId: string): Promise<RunFolder> {
  const created = await mkdir(lakeDir, { recursive: true }).catch((error) => {
    throw new EtlInputError({ file: lakeDir }, `lake folder cannot be created (${describeFsError(error)})`);
  });
  await assertLakeFolder(lakeDir);
  const releaseLock = await lock(lakeDir);
  try {
    await removeLeftovers(lakeDir);
    const root = join(lakeDir, `${RUN_PREFIX}${runId}`);
    const spillDir = join(root, '.spill');
    await mkdir(spillDir, { recursive: true });
    for (const zone of LOCAL_ZONES) await mkdir(join(root, zone), { recursive: true });
    let done = false;
    let published = false;
    const discard = async () => {
      if (done) return;
      done = true;
      await rm(root, { recursive: true, force: true });
      await releaseLock();
      // A first run that failed leaves no trace, not even the folder it created.
      if (created !== undefined && !published) await rm(created, { recursive: true, force: true });
    };
    return {
      lakeDir,
      root,
      spillDir,
      discard,
      async publish() {
        await rm(spillDir, { recursive: true, force: true });
        await swapInto(lakeDir, root, runId);
        published = true;
        await discard();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

/** Refuses a folder that holds lake-like folders without a manifest: it is someone else's data. */
async function assertLakeFolder(lakeDir: string): Promise<void> {
  const entries = await readdir(lakeDir).catch((error) => {
    throw new EtlInputError({ file: lakeDir }, `lake folder cannot be read (${describeFsError(error)})`);
  });
  if (entries.includes(MANIFEST_FILE)) return;
  const clashing = entries.filter((e) => LOCAL_ZONES.includes(e));
  if (clashing.length > 0) {
    throw new EtlInputError(
      { file: lakeDir },
      `is not a lake folder (no ${MANIFEST_FILE}) but holds ${clashing.map((c) => `${c}/`).join(', ')}; ` +
        'refusing to replace them: choose an empty or new folder with --lake',
    );
  }
}

async function lock(lakeDir: string): Promise<() => Promise<void>> {
  const path = join(lakeDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(path).catch(() => undefined);
    } catch (error) {
      if (!(error && typeof error === 'object' && 'code' in error && error.code === 'EEXIST')) throw error;
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new EtlInputError(
          { file: lakeDir },
          `another ETL run (process ${owner}) is writing this lake folder`,
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new EtlInputError({ file: lakeDir }, `cannot lock the lake folder (${join(lakeDir, LOCK_FILE)})`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !!(error && typeof error === 'object' && 'code' in error && error.code === 'EPERM');
  }
}

/** Temporary folders of runs that were killed; only called while holding the lock. */
async function removeLeftovers(lakeDir: string): Promise<void> {
  for (const entry of await readdir(lakeDir)) {
    if (entry.startsWith(RUN_PREFIX) || entry.startsWith(REPLACED_PREFIX)) {
      await rm(join(lakeDir, entry), { recursive: true, force: true });
    }
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Moves the previous lake's entries aside, the new ones in, then drops the old ones. Renames within one
 * folder are atomic; if one fails, everything moved so far goes back, leaving the previous lake as it was.
 */
async function swapInto(lakeDir: string, runRoot: string, runId: string): Promise<void> {
  const replaced = join(lakeDir, `${REPLACED_PREFIX}${runId}`);
  await mkdir(replaced);
  const movedAside: string[] = [];
  const placed: string[] = [];
  try {
    for (const entry of [MANIFEST_FILE, ...LOCAL_ZONES]) {
      if (!(await exists(join(lakeDir, entry)))) continue;
      await rename(join(lakeDir, entry), join(replaced, entry));
      movedAside.push(entry);
    }
    for (const entry of OWNED_ENTRIES) {
      await rename(join(runRoot, entry), join(lakeDir, entry));
      placed.push(entry);
    }
  } catch (error) {
    for (const entry of placed.reverse())
      await rename(join(lakeDir, entry), join(runRoot, entry)).catch(() => undefined);
    for (const entry of movedAside.reverse()) {
      await rename(join(replaced, entry), join(lakeDir, entry)).catch(() => undefined);
    }
    await rm(replaced, { recursive: true, force: true });
    throw error;
  }
  await rm(replaced, { recursive: true, force: true });
}
