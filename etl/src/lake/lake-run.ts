import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  LAKE_PRIVATE_DIR,
  type LakeFiles,
  type LakeManifestCore,
  MANIFEST_FILE,
} from '@spotify-lake/contract';
import { faultPoint } from './fault-points';
import { asLakeFolderError, LakeFolderError } from './lake-errors';
import { assertSafeLakeTarget, inspectLakeFolder, PRIVATE_MARKER, privateMarkerText } from './lake-guard';
import { acquireLakeLock, type LakeLock } from './lake-lock';
import { isLegacyRunFolder } from './legacy-manifest';
import { currentProcess } from './process-identity';
import {
  type CommittedLake,
  deleteLakeFiles,
  recordCreated,
  recoverInterruptedRuns,
  scratchPath,
  settleRun,
  startJournal,
} from './run-journal';

/** Run ids sort by start time and never collide (RUN_ID_PATTERN). */
export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

export interface OpenLakeRunOptions {
  readonly lakeDir: string;
  readonly runId: string;
  /** Use a file-system root, the home folder or a repository as the lake anyway. Default: false. */
  readonly force?: boolean;
}

/** A run's hold on a lake folder: the lock, its journal, its scratch folder, and the commit. */
export interface LakeRun {
  readonly lakeDir: string;
  readonly runId: string;
  /** The committed lake this run replaces: its run (undefined for a first run) and files. */
  readonly previous: { readonly runId: string | undefined; readonly files: LakeFiles };
  /** The run's private scratch folder (DuckDB's spill, a Spark run's work), removed with the run. */
  readonly scratchDir: string;
  /** Absolute path of a lake file. */
  path(relative: string): string;
  /** Records a lake file (relative path) in the journal, then creates its folder: call before writing it. */
  willCreate(relative: string): Promise<string>;
  /**
   * Publishes the run: writes the manifest under a temporary name, checks the lock is still this run's, renames
   * it over manifest.json (the commit point), runs `afterCommit` (still holding the lock: derived files such as
   * the dashboard page, written through `willCreate` so a crash leaves nothing behind), then deletes the files of
   * the replaced lake, the journal and the scratch folder. A failure of `afterCommit` is reported as a
   * LakeFolderError saying the lake was published.
   */
  commit(manifest: LakeManifestCore, afterCommit?: () => Promise<void>): Promise<void>;
  /** Rolls back a run that failed: deletes what it created and releases the lake. Safe to call twice. */
  abort(): Promise<void>;
}

/**
 * Opens a run on a lake folder: refuses dangerous targets and folders the tool did not write, creates the folder
 * if needed, takes the lock, finishes or rolls back any run that was interrupted, and starts this run's journal.
 */
export async function openLakeRun(options: OpenLakeRunOptions): Promise<LakeRun> {
  const lakeDir = resolve(options.lakeDir);
  const { runId } = options;
  await assertSafeLakeTarget(lakeDir, options.force ?? false);
  const state = await inspectLakeFolder(lakeDir);
  const privateDir = join(lakeDir, LAKE_PRIVATE_DIR);
  const runsDir = join(privateDir, 'runs');
  const createdLake = state.kind === 'absent';
  const fsStep = async <T>(doing: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw asLakeFolderError(lakeDir, doing, error);
    }
  };
  await fsStep('create the lake folder', async () => {
    try {
      await mkdir(runsDir, { recursive: true });
    } catch (error) {
      // A recursive mkdir under a read-only or vanished parent reports ENOENT for the folder it could not make.
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
      throw new LakeFolderError(
        lakeDir,
        'cannot create the lake folder: its parent cannot be written (ENOENT)',
        {
          cause: error,
          code: 'ENOENT',
        },
      );
    }
    await writeFile(join(privateDir, PRIVATE_MARKER), privateMarkerText());
  });
  let lock: LakeLock;
  try {
    lock = await fsStep('take the lake lock', () =>
      acquireLakeLock(lakeDir, join(privateDir, 'lock'), runId),
    );
  } catch (error) {
    if (createdLake) await removeIfOnlyOurs(lakeDir);
    throw error;
  }
  faultPoint('after-lock');

  let created = false;
  let finished = false;
  try {
    // Re-read under the lock: the folder may have changed while another run held it.
    const current = await inspectLakeFolder(lakeDir);
    const previous =
      current.kind === 'lake'
        ? { runId: current.runId, files: current.files }
        : { runId: undefined, files: { staging: [], warehouse: [], quarantine: [] } };
    await fsStep('recover an interrupted run', async () => {
      await recoverInterruptedRuns(lakeDir, runsDir, previous);
      if (current.kind === 'lake' && current.legacy) await removeLegacyRunFolders(lakeDir);
    });
    await fsStep('start the run journal', async () => {
      await startJournal(runsDir, {
        runId,
        owner: currentProcess(),
        replacesRunId: previous.runId,
        replaces: previous.files,
      });
      await mkdir(scratchPath(runsDir, runId), { recursive: true });
    });
    created = true;
    faultPoint('after-journal');

    const scratchDir = scratchPath(runsDir, runId);
    const tempManifest = `${MANIFEST_FILE}.${runId}.tmp`;
    const willCreate = (relative: string) =>
      fsStep(`write ${relative}`, async () => {
        await recordCreated(runsDir, runId, relative);
        await mkdir(dirname(join(lakeDir, relative)), { recursive: true });
        return join(lakeDir, relative);
      });
    return {
      lakeDir,
      runId,
      previous,
      scratchDir,
      path: (relative) => join(lakeDir, relative),
      willCreate,
      async commit(manifest, afterCommit) {
        if (finished) throw new Error('this lake run is already finished');
        if (manifest.runId !== runId)
          throw new Error(`the manifest is run ${manifest.runId}'s, not ${runId}'s`);
        await fsStep('write the manifest', async () => {
          const path = await willCreate(tempManifest);
          const handle = await open(path, 'wx');
          try {
            await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
            await handle.sync();
          } finally {
            await handle.close();
          }
        });
        faultPoint('after-manifest-temp');
        await lock.verify();
        await fsStep('publish the manifest', async () => {
          await rename(join(lakeDir, tempManifest), join(lakeDir, MANIFEST_FILE));
          await syncFolder(lakeDir);
        });
        faultPoint('after-commit');
        // Committed: from here on a failure only leaves old files for the next run to delete.
        let afterCommitError: unknown;
        try {
          await afterCommit?.();
        } catch (error) {
          afterCommitError = error;
        }
        const live = new Set([
          ...manifest.files.staging,
          ...manifest.files.warehouse,
          ...manifest.files.quarantine,
        ]);
        const replaced = [
          ...previous.files.staging,
          ...previous.files.warehouse,
          ...previous.files.quarantine,
        ];
        const doomed = replaced.filter((file) => !live.has(file));
        await fsStep('remove the replaced files', async () => {
          await deleteLakeFiles(lakeDir, doomed.slice(0, Math.ceil(doomed.length / 2)));
          faultPoint('during-cleanup');
          // The rest, and whatever else the run made that the manifest does not list, then the journal.
          await settleRun(lakeDir, runsDir, runId, { runId, files: manifest.files });
          finished = true;
          await lock.release();
        });
        faultPoint('after-cleanup');
        if (afterCommitError !== undefined) {
          const cause = asLakeFolderError(lakeDir, 'finish the run', afterCommitError);
          if (!(cause instanceof LakeFolderError)) throw afterCommitError;
          throw new LakeFolderError(
            lakeDir,
            `the lake was published, but ${cause.message.slice(lakeDir.length + 2)}`,
            {
              cause: afterCommitError,
              ...(cause.code === undefined ? {} : { code: cause.code }),
            },
          );
        }
      },
      async abort() {
        if (finished) return;
        finished = true;
        try {
          // Only this run's own files, against the lake as committed now (another run may have committed since).
          await settleRun(lakeDir, runsDir, runId, await committedLake(lakeDir));
        } finally {
          await lock.release();
          if (createdLake) await removeIfOnlyOurs(lakeDir);
        }
      },
    };
  } catch (error) {
    if (!finished) {
      if (created)
        await settleRun(lakeDir, runsDir, runId, await committedLake(lakeDir)).catch(() => undefined);
      await lock.release();
      if (createdLake) await removeIfOnlyOurs(lakeDir);
    }
    throw error;
  }
}

/** The lake as its manifest says now (nothing committed: no files). */
async function committedLake(lakeDir: string): Promise<CommittedLake> {
  const state = await inspectLakeFolder(lakeDir).catch(() => undefined);
  return state?.kind === 'lake'
    ? { runId: state.runId, files: state.files }
    : { runId: undefined, files: { staging: [], warehouse: [], quarantine: [] } };
}

/** Makes a rename durable: the folder entry itself is flushed (not possible on every platform; best effort). */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync();
  } catch {
    // Some platforms refuse fsync on a folder; the rename is still atomic.
  } finally {
    await handle.close();
  }
}

/**
 * A first run that failed leaves no trace: the folder it created goes, but only if nothing but the tool's own
 * entries (its private folder, empty zone folders) is in it.
 */
async function removeIfOnlyOurs(lakeDir: string): Promise<void> {
  await rm(join(lakeDir, LAKE_PRIVATE_DIR), { recursive: true, force: true }).catch(() => undefined);
  const removeEmpty = async (dir: string): Promise<void> => {
    const entries = await readdir(dir).catch(() => undefined);
    if (entries === undefined) return;
    for (const entry of entries) await removeEmpty(join(dir, entry)).catch(() => undefined);
    await rmdir(dir).catch(() => undefined);
  };
  await removeEmpty(lakeDir);
}

/** Format 1's leftovers of killed runs, in a lake recognised as format 1. */
async function removeLegacyRunFolders(lakeDir: string): Promise<void> {
  for (const entry of await readdir(lakeDir)) {
    if (isLegacyRunFolder(entry)) await rm(join(lakeDir, entry), { recursive: true, force: true });
  }
}

export { LakeFolderError };
