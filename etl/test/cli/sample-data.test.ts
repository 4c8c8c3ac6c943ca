import { existsSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateSample,
  removeAbandonedSamples,
  SAMPLE_OWNER_FILE,
  SAMPLE_PREFIX,
} from '../../src/cli/sample-data';
import { currentProcess } from '../../src/lake/process-identity';
import { tempDir } from '../fixtures/helpers';

const deadOwner = () => JSON.stringify({ ...currentProcess(), pid: 2 ** 22 + 11 });

async function sampleFolder(root: string, suffix: string, owner: string | undefined, files = ['albums.csv']) {
  const dir = join(root, `${SAMPLE_PREFIX}${suffix}`);
  await mkdir(dir);
  for (const file of files) await writeFile(join(dir, file), 'x\n');
  if (owner !== undefined) await writeFile(join(dir, SAMPLE_OWNER_FILE), owner);
  return dir;
}

describe('generated samples in the temp folder', () => {
  it('carry an owner file, and are removed by dispose', async () => {
    const root = await tempDir();
    const sample = await generateSample({ tracks: 50, seed: 1, badRowShare: 0, tempRoot: root });
    const [dir] = await readdir(root);
    expect(dir).toMatch(/^spotify-lake-sample-[A-Za-z0-9]{6}$/);
    expect(
      JSON.parse(
        await (await import('node:fs/promises')).readFile(join(root, dir!, SAMPLE_OWNER_FILE), 'utf8'),
      ),
    ).toEqual(JSON.parse(JSON.stringify(currentProcess())));
    sample.dispose();
    expect(await readdir(root)).toEqual([]);
  });

  it('removes the samples of dead processes and old ownerless ones, and nothing else', async () => {
    const root = await tempDir();
    const dead = await sampleFolder(root, 'AAAAAA', deadOwner());
    const live = await sampleFolder(root, 'BBBBBB', JSON.stringify(currentProcess()));
    const oldOwnerless = await sampleFolder(root, 'CCCCCC', undefined, [
      'albums.csv',
      'artists.csv',
      'tracks.csv',
    ]);
    const newOwnerless = await sampleFolder(root, 'DDDDDD', undefined, ['albums.csv']);
    const oldWithOtherFiles = await sampleFolder(root, 'EEEEEE', undefined, ['albums.csv', 'thesis.docx']);
    const notOurs = join(root, 'spotify-lake-sample-notes');
    await mkdir(notOurs);
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const dir of [oldOwnerless, oldWithOtherFiles]) await utimes(dir, hourAgo, hourAgo);

    expect((await removeAbandonedSamples(root)).sort()).toEqual([dead, oldOwnerless].sort());
    for (const kept of [live, newOwnerless, oldWithOtherFiles, notOurs])
      expect(existsSync(kept), kept).toBe(true);
  });
});
