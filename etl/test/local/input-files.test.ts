import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSourceFiles } from '../../src/local/input-files';
import { tempDir } from '../fixtures/helpers';

async function folder(files: string[]): Promise<string> {
  const dir = await tempDir();
  for (const file of files) {
    if (file.endsWith('/')) {
      await mkdir(join(dir, file), { recursive: true });
      continue;
    }
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), 'x\n');
  }
  return dir;
}

describe('findSourceFiles', () => {
  it('finds <source>.csv files', async () => {
    const dir = await folder(['albums.csv', 'artists.csv', 'tracks.csv', 'notes.txt']);
    expect(await findSourceFiles(dir)).toEqual({
      albums: [join(dir, 'albums.csv')],
      artists: [join(dir, 'artists.csv')],
      tracks: [join(dir, 'tracks.csv')],
    });
  });

  it('finds the staging layout <source>/*.csv in name order, ignoring other files', async () => {
    const dir = await folder([
      'albums/b.csv',
      'albums/a.CSV',
      'albums/readme.md',
      'artists.csv',
      'tracks/part-0.csv',
    ]);
    const found = await findSourceFiles(dir);
    expect(found.albums).toEqual([join(dir, 'albums', 'a.CSV'), join(dir, 'albums', 'b.csv')]);
    expect(found.tracks).toEqual([join(dir, 'tracks', 'part-0.csv')]);
  });

  it('names the missing file and says what would do', async () => {
    const dir = await folder(['albums.csv', 'tracks.csv']);
    await expect(findSourceFiles(dir)).rejects.toThrow(
      `${join(dir, 'artists.csv')}: is missing: source artists needs artists.csv or a artists/ folder of .csv files`,
    );
  });

  it('refuses a source given both as a file and a folder, and a folder without CSV', async () => {
    const both = await folder(['albums.csv', 'albums/x.csv', 'artists.csv', 'tracks.csv']);
    await expect(findSourceFiles(both)).rejects.toThrow(/albums\.csv: is ambiguous/);
    const empty = await folder(['albums/', 'artists.csv', 'tracks.csv']);
    await expect(findSourceFiles(empty)).rejects.toThrow(
      `${join(empty, 'albums')}: holds no .csv file for source albums`,
    );
  });

  it('names an input that is missing or not a folder', async () => {
    const dir = await tempDir();
    await expect(findSourceFiles(join(dir, 'nope'))).rejects.toThrow('input folder does not exist');
    await writeFile(join(dir, 'file'), '');
    await expect(findSourceFiles(join(dir, 'file'))).rejects.toThrow('input is not a folder');
  });
});
