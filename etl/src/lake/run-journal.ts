import { appendFile, open, readdir, readFile, rm, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LAKE_ZONES, type LakeFiles, RUN_ID_PATTERN, runPartFile } from '@spotify-lake/contract';
import { asProcessIdentity, type ProcessIdentity, processState } from './process-identity';

/**
 * Each run keeps a journal in the lake's private folder (`.spotify-lake/runs/<run id>.journal`): first the files
 * of the lake it is about to replace, then every file it creates, each recorded before the file exists. It is what
 * lets the next run finish or roll back an interrupted one, deleting only files the tool wrote:
 * - not committed (the manifest is still the previous run's): the files the journal says it created go, and the
 *   output files named by the run (`part-NNNNN-<run id>.parquet` in the warehouse and quarantine zones), which the
 *   Spark engine's job writes before the runner can journal them;
 * - committed (the manifest is this run's): the replaced files the new manifest does not list go.
 */
export interface JournalHeader {
  readonly runId: string;
  /** The process running it: a journal is only recovered once its process is gone (undefined: unreadable, gone). */
  readonly owner: ProcessIdentity | undefined;
  /** The committed run this one replaces; undefined for a first run or a format-1 lake. */
  readonly replacesRunId: string | undefined;
  /** The files of the lake this run replaces, deleted once it is committed. */
  readonly replaces: LakeFiles;
}

const JOURNAL_SUFFIX = '.journal';
export const journalPath = (runsDir: string, runId: string) => join(runsDir, `${runId}${JOURNAL_SUFFIX}`);
export const scratchPath = (runsDir: string, runId: string) => join(runsDir, runId);

export async function startJournal(runsDir: string, header: JournalHeader): Promise<void> {
  const handle = await open(journalPath(runsDir, header.runId), 'wx');
  try {
    await handle.writeFile(`${JSON.stringify({ header })}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Records a file (relative to the lake) before the run creates it. */
export async function recordCreated(runsDir: string, runId: string, file: string): Promise<void> {
  await appendFile(journalPath(runsDir, runId), `${JSON.stringify({ created: file })}\n`);
}

interface Journal {
  readonly header: JournalHeader;
  readonly created: string[];
}

async function readJournal(path: string): Promise<Journal | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let header: JournalHeader | undefined;
  const created: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let entry: { header?: JournalHeader; created?: unknown };
    try {
      entry = JSON.parse(line);
    } catch {
      continue; // a line cut short by the crash: its file was never created
    }
    if (entry.header) {
      // A journal without a readable owner is treated as one whose process is gone.
      header = { ...entry.header, owner: asProcessIdentity(entry.header.owner) };
    } else if (typeof entry.created === 'string') created.push(entry.created);
  }
  return header === undefined ? undefined : { header, created };
}

/** Deletes lake files (relative paths) and the run folders they leave empty; a missing file is fine. */
export async function deleteLakeFiles(lakeDir: string, files: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) {
    await unlink(join(lakeDir, file)).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    });
    folders.add(dirname(file));
  }
  // Only folders named by a run id (staging/<source>/<run id>/), and only when empty: rmdir never removes content.
  for (const folder of folders) {
    if (RUN_ID_PATTERN.test(folder.split('/').pop() ?? ''))
      await rmdir(join(lakeDir, folder)).catch(() => undefined);
  }
}

const allFiles = (files: LakeFiles) => [...files.staging, ...files.warehouse, ...files.quarantine];

/**
 * The output files a run wrote, found by their names: exactly `part-NNNNN-<run id>.parquet` (runPartFile) in the
 * warehouse and quarantine zones, and nothing else.
 */
export async function runPartFilesOf(lakeDir: string, runId: string): Promise<string[]> {
  const found: string[] = [];
  for (const zone of ['warehouse', 'quarantine'] as const) {
    const names = await readdir(join(lakeDir, LAKE_ZONES[zone])).catch(() => [] as string[]);
    for (const name of names) {
      const index = /^part-([0-9]{5})-/.exec(name)?.[1];
      if (index !== undefined && `${LAKE_ZONES[zone]}${name}` === runPartFile(zone, runId, Number(index))) {
        found.push(`${LAKE_ZONES[zone]}${name}`);
      }
    }
  }
  return found;
}

/** The committed lake as the manifest says now: its run and its files. */
export interface CommittedLake {
  readonly runId: string | undefined;
  readonly files: LakeFiles;
}

/**
 * Finishes or rolls back one run from its journal, against the lake as committed now: a committed run loses the
 * files it replaced, an uncommitted one the files it made; whatever the manifest lists stays, and so do files
 * the run made but no manifest lists (its temporary manifest, say) only if the manifest lists them. Removes the
 * journal and the run's scratch folder last.
 */
export async function settleRun(
  lakeDir: string,
  runsDir: string,
  runId: string,
  committed: CommittedLake,
): Promise<void> {
  const journal = await readJournal(journalPath(runsDir, runId));
  if (journal !== undefined) {
    const live = new Set(allFiles(committed.files));
    const doomed =
      runId === committed.runId
        ? [...allFiles(journal.header.replaces), ...journal.created] // committed: what it replaced, and its leftovers
        : journal.created; // not committed: everything it made
    await deleteLakeFiles(
      lakeDir,
      doomed.filter((file) => !live.has(file)),
    );
  }
  if (runId !== committed.runId) {
    // Its output files, whether or not it lived to journal them (named by the run: never another run's).
    const live = new Set(allFiles(committed.files));
    await deleteLakeFiles(
      lakeDir,
      (await runPartFilesOf(lakeDir, runId)).filter((file) => !live.has(file)),
    );
  }
  await rm(scratchPath(runsDir, runId), { recursive: true, force: true });
  await unlink(journalPath(runsDir, runId)).catch(() => undefined);
}

/**
 * Finishes or rolls back every run that did not end and whose process is gone, given the lake as committed now.
 * A journal whose process still runs is left alone: that run is alive (it can only be here without the lock if it
 * lost the lock, and then it rolls itself back). Returns the runs it settled.
 */
export async function recoverInterruptedRuns(
  lakeDir: string,
  runsDir: string,
  committed: CommittedLake,
): Promise<string[]> {
  const entries = await readdir(runsDir).catch(() => [] as string[]);
  const settled: string[] = [];
  for (const entry of entries) {
    if (!entry.endsWith(JOURNAL_SUFFIX)) continue;
    const runId = entry.slice(0, -JOURNAL_SUFFIX.length);
    if (!RUN_ID_PATTERN.test(runId)) continue;
    const journal = await readJournal(join(runsDir, entry));
    const owner = journal?.header.owner;
    if (owner !== undefined && processState(owner) !== 'dead') continue;
    await settleRun(lakeDir, runsDir, runId, committed);
    settled.push(runId);
  }
  // Scratch folders whose journal is gone (a crash while removing them).
  for (const entry of entries) {
    if (RUN_ID_PATTERN.test(entry) && !entries.includes(`${entry}${JOURNAL_SUFFIX}`)) {
      await rm(scratchPath(runsDir, entry), { recursive: true, force: true });
    }
  }
  return settled;
}
