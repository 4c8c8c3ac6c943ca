import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GeneratedDataset, generateDataset } from '../generate';

export interface SampleOptions {
  readonly tracks: number;
  readonly seed: number;
  readonly badRowShare: number;
}

export interface Sample {
  readonly dataset: GeneratedDataset;
  /** Removes the generated files; the lake keeps its staging copy. */
  dispose(): Promise<void>;
}

/**
 * Generates the default sample into a fresh folder under the OS temp dir. It is not written into the
 * lake: the run copies it to staging/ like any input, and the lake's content changes only when the run
 * succeeds.
 */
export async function generateSample(options: SampleOptions): Promise<Sample> {
  const dir = await mkdtemp(join(tmpdir(), 'spotify-lake-sample-'));
  try {
    const dataset = await generateDataset({
      outDir: dir,
      tracks: options.tracks,
      seed: options.seed,
      badRowShare: options.badRowShare,
    });
    return { dataset, dispose: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
