import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { LakeFolderError } from './lake-errors';
import { asProcessIdentity, currentProcess, type ProcessIdentity, processState } from './process-identity';

/** What a lock file holds: who took it, when, and a token only its holder knows. */
interface LockOwner extends ProcessIdentity {
  readonly token: string;
  readonly runId: string;
  readonly startedAt: string;
}

export interface LakeLock {
  readonly path: string;
  /** Throws unless the lock file is still this run's: checked right before the commit. */
  verify(): Promise<void>;
  /** Removes the lock file if it is still this run's; safe to call twice. */
  release(): Promise<void>;
}

/** A lock file with no owner yet (its creator died between creating and writing it) is stale after this long. */
const UNWRITTEN_LOCK_GRACE_MS = 10_000;
const ATTEMPTS = 5;

const codeOf = (error: unknown) => (error as { code?: unknown })?.code;

async function readOwner(path: string): Promise<{ text: string; owner: LockOwner | undefined } | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const identity = asProcessIdentity(json);
    if (identity && typeof json.token === 'string' && typeof json.runId === 'string') {
      return {
        text,
        owner: { ...identity, token: json.token, runId: json.runId, startedAt: String(json.startedAt) },
      };
    }
  } catch {
    // An unreadable lock is judged by its age below.
  }
  return { text, owner: undefined };
}

function describeOwner(owner: LockOwner): string {
  return `run ${owner.runId} (process ${owner.pid} on ${owner.host}, started ${owner.startedAt})`;
}

/**
 * Takes the lake's lock: a file created exclusively (`wx`), holding the owner's identity and a random token.
 * A lock whose owner is gone (no such process, a reused pid with another start time, a reboot) is stale and is
 * taken over; so is one whose owner never wrote it and that is older than a few seconds. Two runs that find the
 * same stale lock cannot both take it: each moves the stale file aside under a name of its own (rename is atomic,
 * so only one succeeds), checks that what it moved is the stale lock it judged, and puts back anything else.
 * A lock held by a live run, or by a process on another host, is refused with a message saying how to clear it.
 */
export async function acquireLakeLock(lakeDir: string, path: string, runId: string): Promise<LakeLock> {
  const owner: LockOwner = {
    ...currentProcess(),
    token: randomBytes(16).toString('hex'),
    runId,
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(owner)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return heldLock(lakeDir, path, owner.token);
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
    }
    const found = await readOwner(path);
    if (found === undefined) continue;
    if (found.owner !== undefined) {
      const state = processState(found.owner);
      if (state !== 'dead') {
        const how =
          state === 'unknown'
            ? `if no run is going on ${found.owner.host}, remove ${path}`
            : `wait for it to finish (if no run is going, the lock is stale: remove ${path})`;
        throw new LakeFolderError(
          lakeDir,
          `another ETL run holds the lake: ${describeOwner(found.owner)}; ${how}`,
        );
      }
    } else {
      const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age < UNWRITTEN_LOCK_GRACE_MS) {
        throw new LakeFolderError(lakeDir, `another ETL run is taking the lake's lock (${path}); try again`);
      }
    }
    await takeOverStale(path, found.text, owner.token);
  }
  throw new LakeFolderError(lakeDir, `cannot take the lake's lock ${path}: it keeps changing; try again`);
}

/** Moves a stale lock aside, unless what was moved is not the stale lock judged (then it goes back). */
async function takeOverStale(path: string, staleText: string, token: string): Promise<void> {
  const aside = `${path}.stale-${token}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return; // another run took it over first
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== staleText) {
    // A live run's fresh lock: put it back (link fails if yet another lock appeared, which that run's own
    // check before its commit then notices).
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

function heldLock(lakeDir: string, path: string, token: string): LakeLock {
  let released = false;
  const isMine = async () => (await readOwner(path))?.owner?.token === token;
  return {
    path,
    async verify() {
      if (released || !(await isMine())) {
        throw new LakeFolderError(
          lakeDir,
          `this run no longer holds the lake's lock ${path} (another run took it over); nothing was published`,
        );
      }
    },
    async release() {
      if (released) return;
      released = true;
      if (await isMine()) await unlink(path).catch(() => undefined);
    },
  };
}
