import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QUARANTINE_REASONS, SOURCE_NAMES, SOURCES } from '@spotify-lake/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ALBUM_ROWS_PER_ARTIST,
  type GeneratedDataset,
  generateDataset,
  SPOTIFY_ID_PATTERN,
} from '../../src/generate';
import { rowPasses } from './contract-rules';
import { duck, readCsvSql, tempDir } from './helpers';

const readAll = (d: GeneratedDataset) => Promise.all(SOURCE_NAMES.map((s) => readFile(d.files[s])));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** Buffer.equals, not toEqual: a deep comparison walks every byte and takes seconds. */
const sameBytes = (a: Buffer[], b: Buffer[]) =>
  a.length === b.length && a.every((buffer, i) => buffer.equals(b[i] as Buffer));
const readAllSql = (d: GeneratedDataset) => SOURCE_NAMES.flatMap((s) => readCsvSql(s, d.files[s]));

describe('generateDataset', () => {
  it('is deterministic: same seed same bytes, another seed other bytes', async () => {
    const [a, b, c] = await Promise.all([
      generateDataset({ outDir: await tempDir(), tracks: 3000, seed: 7, badRowShare: 0.05 }),
      generateDataset({ outDir: await tempDir(), tracks: 3000, seed: 7, badRowShare: 0.05 }),
      generateDataset({ outDir: await tempDir(), tracks: 3000, seed: 8, badRowShare: 0.05 }),
    ]);
    const [bytesA, bytesB, bytesC] = await Promise.all([readAll(a), readAll(b), readAll(c)]);
    expect(sameBytes(bytesB, bytesA)).toBe(true);
    expect(b.expected).toEqual(a.expected);
    for (let i = 0; i < 3; i++) expect(bytesC[i]?.equals(bytesA[i] as Buffer)).toBe(false);
  }, 60_000);

  it('defaults to seed 42 and a 1% bad-row share', async () => {
    const [implicit, explicit] = await Promise.all([
      generateDataset({ outDir: await tempDir(), tracks: 2000 }),
      generateDataset({ outDir: await tempDir(), tracks: 2000, seed: 42, badRowShare: 0.01 }),
    ]);
    expect(sameBytes(await readAll(implicit), await readAll(explicit))).toBe(true);
    const quarantined = sum(Object.values(implicit.expected.quarantined.albums));
    expect(quarantined / implicit.rows.albums).toBeGreaterThan(0.005);
    expect(quarantined / implicit.rows.albums).toBeLessThan(0.04);
  }, 60_000);

  it('writes the contract headers and exactly `tracks` album records', async () => {
    const d = await generateDataset({ outDir: join(await tempDir(), 'nested', 'out'), tracks: 1234 });
    for (const source of SOURCE_NAMES) {
      const text = await readFile(d.files[source], 'utf8');
      expect(text.slice(0, text.indexOf('\n'))).toBe(SOURCES[source].fields.map((f) => f.name).join(','));
      expect(d.files[source]).toBe(join(d.dir, SOURCES[source].file));
    }
    expect(d.rows.albums).toBe(1234);
  }, 60_000);

  it('generates clean data with no bad rows at share 0', async () => {
    const d = await generateDataset({ outDir: await tempDir(), tracks: 5000, badRowShare: 0 });
    for (const source of SOURCE_NAMES) {
      expect(sum(Object.values(d.expected.quarantined[source])), source).toBe(0);
      expect(d.expected.accepted[source]).toBe(d.rows[source]);
    }
    const [counts] = await duck(
      ...readAllSql(d),
      `SELECT (SELECT COUNT(*) FROM albums) AS albums, (SELECT COUNT(*) FROM artists) AS artists,
        (SELECT COUNT(*) FROM tracks) AS tracks,
        (SELECT COUNT(*) FROM albums_rejects) + (SELECT COUNT(*) FROM artists_rejects) + (SELECT COUNT(*) FROM tracks_rejects) AS rejected`,
    );
    expect(counts).toEqual({
      albums: 5000n,
      artists: BigInt(d.rows.artists),
      tracks: BigInt(d.rows.tracks),
      rejected: 0n,
    });
  }, 60_000);

  it('handles the smallest sizes', async () => {
    for (const tracks of [1, 2, 3]) {
      const d = await generateDataset({ outDir: await tempDir(), tracks, badRowShare: 0.5 });
      expect(d.rows.albums).toBe(tracks);
      for (const source of SOURCE_NAMES) {
        expect(d.expected.accepted[source] + sum(Object.values(d.expected.quarantined[source]))).toBe(
          d.rows[source],
        );
      }
    }
  }, 60_000);

  it('names the option that is wrong', async () => {
    const outDir = await tempDir();
    await expect(generateDataset({ outDir, tracks: 0 })).rejects.toThrow(
      'generateDataset: "tracks" must be a whole number from 1 to 1000000000, got 0',
    );
    await expect(generateDataset({ outDir, tracks: 1.5 })).rejects.toThrow('"tracks" must be a whole number');
    await expect(generateDataset({ outDir, tracks: 10, badRowShare: 0.6 })).rejects.toThrow(
      '"badRowShare" must be a number from 0 to 0.5, got 0.6',
    );
    await expect(generateDataset({ outDir, tracks: 10, badRowShare: Number.NaN })).rejects.toThrow(
      '"badRowShare"',
    );
    await expect(generateDataset({ outDir, tracks: 10, seed: 1.5 })).rejects.toThrow(
      '"seed" must be a whole number',
    );
    await expect(generateDataset({ outDir: ' ', tracks: 10 })).rejects.toThrow(
      '"outDir" must be a non-empty path',
    );
  }, 60_000);
});

describe('a generated dataset read by a strict CSV parser', () => {
  let d: GeneratedDataset;
  let stats: Record<string, unknown>;
  let albumRows: Record<string, unknown>[];

  beforeAll(async () => {
    d = await generateDataset({
      outDir: await tempDir('etl-generate-shape-'),
      tracks: 20_000,
      badRowShare: 0.05,
    });
    const [row] = await duck(
      ...readAllSql(d),
      `SELECT
        (SELECT COUNT(*) FROM albums) AS album_rows,
        (SELECT COUNT(*) FROM albums_rejects) AS album_rejects,
        (SELECT COUNT(*) FROM artists) AS artist_rows,
        (SELECT COUNT(*) FROM artists_rejects) AS artist_rejects,
        (SELECT COUNT(*) FROM tracks) AS track_rows,
        (SELECT COUNT(*) FROM tracks_rejects) AS track_rejects,
        (SELECT COUNT(DISTINCT album_id) FROM albums) AS albums,
        (SELECT COUNT(*) FROM (SELECT track_id FROM albums GROUP BY track_id HAVING COUNT(DISTINCT album_id) > 1)) AS multi_album_tracks,
        (SELECT COUNT(*) FROM albums WHERE track_name LIKE '%,%') AS names_with_commas,
        (SELECT COUNT(*) FROM albums WHERE track_name LIKE '%"%') AS names_with_quotes,
        (SELECT COUNT(*) FROM albums WHERE track_name LIKE '%' || chr(10) || '%') AS names_with_line_breaks,
        (SELECT COUNT(*) FROM albums WHERE regexp_matches(track_name, '[^\\x00-\\x7F]')) AS non_ascii_names,
        (SELECT AVG(CASE WHEN genre IS NULL THEN 1 ELSE 0 END) FROM artists) AS empty_genre_share,
        (SELECT MEDIAN(TRY_CAST(artist_popularity AS INT)) FROM artists) AS artist_popularity_median,
        (SELECT MEDIAN(TRY_CAST(track_popularity AS INT)) FROM tracks) AS track_popularity_median,
        (SELECT quantile_cont(TRY_CAST(followers AS BIGINT), 0.5) FROM artists WHERE TRY_CAST(followers AS BIGINT) >= 0) AS followers_p50,
        (SELECT quantile_cont(TRY_CAST(followers AS BIGINT), 0.99) FROM artists WHERE TRY_CAST(followers AS BIGINT) >= 0) AS followers_p99,
        (SELECT AVG(CASE WHEN regexp_matches(release_date, '^[0-9]{4}-[0-9]{2}-[0-9]{2} 00:00:00 UTC$') THEN 1 ELSE 0 END) FROM albums) AS source_date_share`,
    );
    stats = row as Record<string, unknown>;
    albumRows = await duck(...readAllSql(d), 'SELECT * FROM albums');
  }, 60_000);

  it('parses every record that is not meant to be malformed, and rejects exactly the malformed ones', () => {
    for (const [source, parsed, rejected] of [
      ['albums', 'album_rows', 'album_rejects'],
      ['artists', 'artist_rows', 'artist_rejects'],
      ['tracks', 'track_rows', 'track_rejects'],
    ] as const) {
      const malformed = d.expected.quarantined[source].malformed_row;
      expect(stats[rejected], source).toBe(BigInt(malformed));
      expect(stats[parsed], source).toBe(BigInt(d.rows[source] - malformed));
    }
  });

  it('keeps commas, quotes, line breaks and non-ASCII text through the quoting', () => {
    for (const key of [
      'names_with_commas',
      'names_with_quotes',
      'names_with_line_breaks',
      'non_ascii_names',
    ]) {
      expect(stats[key], key).toBeGreaterThan(0n);
    }
  });

  it('has the shape of the Kaggle data', () => {
    const artists = d.expected.accepted.artists;
    expect(Math.abs(artists - 20_000 / ALBUM_ROWS_PER_ARTIST) / artists).toBeLessThan(0.1);
    const albums = Number(stats.albums);
    expect(20_000 / albums).toBeGreaterThan(4.5);
    expect(20_000 / albums).toBeLessThan(7);
    expect(Number(stats.multi_album_tracks)).toBeGreaterThan(50);
    expect(stats.empty_genre_share).toBeGreaterThan(0.65);
    expect(stats.empty_genre_share).toBeLessThan(0.75);
    expect(stats.artist_popularity_median).toBeGreaterThanOrEqual(4);
    expect(stats.artist_popularity_median).toBeLessThanOrEqual(12);
    expect(stats.track_popularity_median).toBeLessThanOrEqual(5);
    expect(Number(stats.followers_p99) / Number(stats.followers_p50)).toBeGreaterThan(1000);
    expect(stats.source_date_share).toBeGreaterThan(0.9);
  });

  it('uses Spotify-style ids in every row that passes the value rules', () => {
    const good = albumRows.filter((r) => rowPasses('albums', r));
    expect(good.length).toBeGreaterThan(18_000);
    const off = good.filter(
      (r) =>
        ![r.track_id, r.album_id, r.artist_id].every((id) => SPOTIFY_ID_PATTERN.test(id as string)) ||
        r.duration_sec !== String(Number(r.duration_ms) / 1000),
    );
    expect(off).toEqual([]);
  });

  it('plants every quarantine reason where it can occur, and accounts for every record', () => {
    for (const source of SOURCE_NAMES) {
      const reasons = d.expected.quarantined[source];
      expect(Object.keys(reasons)).toEqual([...QUARANTINE_REASONS]);
      const possible = QUARANTINE_REASONS.filter(
        (r) => !(r === 'unknown_artist' || r === 'unknown_track') || SOURCES[source].foreignKeys.length > 0,
      );
      for (const reason of QUARANTINE_REASONS) {
        if (possible.includes(reason)) expect(reasons[reason], `${source} ${reason}`).toBeGreaterThan(0);
        else expect(reasons[reason], `${source} ${reason}`).toBe(0);
      }
      expect(d.expected.accepted[source] + sum(Object.values(reasons))).toBe(d.rows[source]);
    }
    expect(d.expected.warehouseRows).toBe(d.expected.accepted.albums);
  });
});

describe('a failed generation', () => {
  it('leaves no file behind', async () => {
    const outDir = await tempDir();
    // albums.csv is a folder: the final rename fails after everything was generated.
    await mkdir(join(outDir, 'albums.csv', 'blocker'), { recursive: true });
    await expect(generateDataset({ outDir, tracks: 500 })).rejects.toThrow();
    expect((await readdir(outDir)).sort()).toEqual(['albums.csv']);
  }, 60_000);
});
