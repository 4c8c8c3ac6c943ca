import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GeneratedDataset, generateDataset } from '../generate';
import { asProcessIdentity, currentProcess, processState } from '../lake/process-identity';

export interface SampleOptions {
  readonly tracks: number;
  readonly seed: number;
  readonly badRowShare: number;
  /** Where sample folders go. Default: the OS temp folder. */
  readonly tempRoot?: string;
}

export interface Sample {
  readonly dataset: GeneratedDataset;
  /** Removes the generated files (the lake keeps its staging copy); synchronous, so a signal handler can call it. */
  dispose(): void;
}

/** Sample folders are `<temp>/spotify-lake-sample-XXXXXX`, each with this file naming the process that made it. */
export const SAMPLE_PREFIX = 'spotify-lake-sample-';
export const SAMPLE_OWNER_FILE = '.owner.json';
/** A sample folder without an owner file (the first version wrote none) is left for this long before it counts as abandoned. */
const OWNERLESS_GRACE_MS = 60 * 60 * 1000;
const SAMPLE_FILES = ['albums.csv', 'artists.csv', 'tracks.csv'];

/**
 * Generates the default sample into a fresh folder under the temp folder. It is not written into the lake: the
 * run copies it to staging/ like any input, and the lake changes only when the run succeeds. Sample folders of
 * runs that were killed before they could remove theirs are removed first.
 */
export async function generateSample(options: SampleOptions): Promise<Sample> {
  const root = options.tempRoot ?? tmpdir();
  await removeAbandonedSamples(root);
  const dir = mkdtempSync(join(root, SAMPLE_PREFIX));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    await writeFile(join(dir, SAMPLE_OWNER_FILE), `${JSON.stringify(currentProcess())}\n`);
    const dataset = await generateDataset({
      outDir: dir,
      tracks: options.tracks,
      seed: options.seed,
      badRowShare: options.badRowShare,
    });
    return { dataset, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/**
 * Removes the sample folders whose process is gone: those with an owner file naming a dead process, and those
 * without one (an earlier version's) that hold only a generated sample and are over an hour old. Nothing else
 * in the temp folder is touched. Returns the folders removed.
 */
export async function removeAbandonedSamples(root: string): Promise<string[]> {
  const removed: string[] = [];
  const entries = await readdir(root).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(SAMPLE_PREFIX) || !/^[A-Za-z0-9]{6}$/.test(entry.slice(SAMPLE_PREFIX.length)))
      continue;
    const dir = join(root, entry);
    const owner = await readFile(join(dir, SAMPLE_OWNER_FILE), 'utf8')
      .then((text) => asProcessIdentity(JSON.parse(text)))
      .catch(() => undefined);
    let abandoned: boolean;
    if (owner !== undefined) {
      abandoned = processState(owner) === 'dead';
    } else {
      const files = await readdir(dir).catch(() => undefined);
      const age = Date.now() - ((await stat(dir).catch(() => undefined))?.mtimeMs ?? Date.now());
      const onlySample = files?.every((f) => SAMPLE_FILES.includes(f) || f === SAMPLE_OWNER_FILE) ?? false;
      abandoned = onlySample && age > OWNERLESS_GRACE_MS;
    }
    if (abandoned) {
      await rm(dir, { recursive: true, force: true });
      removed.push(dir);
    }
  }
  return removed;
}
