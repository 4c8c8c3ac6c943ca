import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalQueryRunner } from '../../src/local';
import {
  genreCounts,
  lakeSummary,
  QUERIES,
  topArtistsByFollowers,
  trackSearch,
} from '../../src/warehouse-queries';
import { buildLake, snapshotJson } from '../helpers/fixture-lake';

/** The real sample: data/spotify-2023-sample in ../shared from the repo root, or in SPOTIFY_SHARED_DATA. */
const shared = process.env.SPOTIFY_SHARED_DATA ?? resolve(__dirname, '..', '..', '..', '..', 'shared');
const sampleDir = join(shared, 'data', 'spotify-2023-sample');
const present = ['albums.csv', 'artists.csv', 'tracks.csv'].every((f) => existsSync(join(sampleDir, f)));

if (!present) {
  console.warn(
    `real-sample queries skipped: no spotify-2023-sample CSVs in ${sampleDir} (set SPOTIFY_SHARED_DATA to the shared/ folder)`,
  );
}

describe.skipIf(!present)('every query on the real 2023 sample', () => {
  let lake: { lakeDir: string; remove: () => void };
  let runner: LocalQueryRunner;
  beforeAll(async () => {
    lake = await buildLake(sampleDir);
    runner = await LocalQueryRunner.open({ lakeDir: lake.lakeDir });
  }, 120_000);
  afterAll(() => {
    runner?.close();
    lake?.remove();
  });

  for (const query of QUERIES) {
    it(`${query.name} (snapshot)`, async () => {
      const params = query.name === 'track-search' ? { text: 'love' } : undefined;
      const { rows } = await runner.run(query, params as never);
      expect(rows.length).toBeGreaterThan(0);
      await expect(snapshotJson(rows)).toMatchFileSnapshot(
        join(__dirname, '..', '__snapshots__', 'real-sample', `${query.name}.json`),
      );
    });
  }

  it('holds the 24,393 album-track rows of the reference Glue output', async () => {
    const { rows } = await runner.run(lakeSummary);
    expect(rows[0]).toMatchObject({ row_count: 24_393n, track_count: 24_392n });
  });

  it('sorts followers numerically with one row per artist', async () => {
    const { rows } = await runner.run(topArtistsByFollowers, { limit: 1000 });
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.followers >= rows[i]!.followers).toBe(true);
    expect(new Set(rows.map((r) => r.artist_id)).size).toBe(rows.length);
  });

  it('finds the track that sits on two albums on both', async () => {
    const { rows } = await runner.run(trackSearch, { text: 'stuck on you', limit: 100 });
    const onTwo = rows.filter((r) => r.track_id === '4CztQckkyknWT9MxYtSaIa').map((r) => r.album_name);
    expect(onTwo.sort()).toEqual(['Lilo & Stitch', 'Platinum - A Life In Music']);
  });

  it('counts genres only where there is one', async () => {
    const { rows } = await runner.run(genreCounts, { limit: 1000 });
    expect(rows.every((g) => g.genre !== null && g.genre !== '' && g.row_count > 0n)).toBe(true);
  });
});
