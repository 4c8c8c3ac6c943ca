import { SOURCES } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { csvValue } from '../../src/generate/csv-writer';
import {
  album,
  albumRowCells,
  artistCells,
  durationSec,
  reflectIntoUnit,
  releaseDate,
  track,
  trackCells,
} from '../../src/generate/entities';
import { SPOTIFY_ID_PATTERN } from '../../src/generate/ids';
import { Random } from '../../src/generate/random';
import { passesRule } from './contract-rules';

const values = (source: keyof typeof SOURCES, cells: string[]) =>
  Object.fromEntries(SOURCES[source].fields.map((f, i) => [f.name, csvValue(cells[i] as string)]));

describe('entities', () => {
  it('writes duration_sec as the exact decimal of ms / 1000', () => {
    expect(durationSec(269960)).toBe('269.96');
    expect(durationSec(412329)).toBe('412.329');
    expect(durationSec(317200)).toBe('317.2');
    expect(durationSec(1)).toBe('0.001');
    expect(durationSec(2000)).toBe('2');
    const wrong: number[] = [];
    for (let ms = 0; ms < 200_000; ms += 7) if (durationSec(ms) !== String(ms / 1000)) wrong.push(ms);
    expect(wrong).toEqual([]);
  });

  it('recomputes a track from its index alone', () => {
    expect(track(42, 123)).toEqual(track(42, 123));
    expect(track(42, 123).id).not.toBe(track(42, 124).id);
  });

  it('builds rows in contract order whose values pass every rule', () => {
    const rng = new Random(9);
    for (let i = 0; i < 500; i++) {
      const t = track(42, i);
      const a = album(42, i, t.title, i % 2 === 0, rng);
      const rows = {
        albums: values('albums', albumRowCells(a, t, '0aaaaaaaaaaaaaaaaaaaaa')),
        artists: values('artists', artistCells(42, i, rng)),
        tracks: values('tracks', trackCells(t)),
      };
      for (const [source, row] of Object.entries(rows) as [keyof typeof rows, Record<string, string>][]) {
        expect(Object.keys(row)).toEqual(SOURCES[source].fields.map((f) => f.name));
        for (const field of SOURCES[source].fields) {
          expect(
            passesRule(field, row[field.name] as string),
            `${source}.${field.name}=${row[field.name]}`,
          ).toBe(true);
        }
      }
      expect(rows.albums.track_id).toMatch(SPOTIFY_ID_PATTERN);
      expect(rows.albums.duration_sec).toBe(String(Number(rows.albums.duration_ms) / 1000));
    }
  });

  it('writes release dates mostly in the source format, sometimes with year or month precision', () => {
    const rng = new Random(5);
    const dates = Array.from({ length: 3000 }, () => releaseDate(rng));
    const full = dates.filter((d) => /^\d{4}-\d{2}-\d{2} 00:00:00 UTC$/.test(d)).length;
    expect(full / dates.length).toBeGreaterThan(0.95);
    expect(dates.some((d) => /^\d{4}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}-\d{2}$/.test(d))).toBe(true);
  });
});

describe('reflectIntoUnit', () => {
  it('folds values past either end back inside, so no value piles up at the edges', () => {
    expect(reflectIntoUnit(0.5)).toBe(0.5);
    expect(reflectIntoUnit(-0.05)).toBeCloseTo(0.05);
    expect(reflectIntoUnit(1.05)).toBeCloseTo(0.95);
    expect(reflectIntoUnit(1)).toBeLessThan(1);
    const top = Array.from({ length: 10_000 }, (_, i) => reflectIntoUnit(0.9 + (i / 10_000) * 0.2));
    expect(new Set(top.map((v) => v.toFixed(6))).size).toBeGreaterThan(4_000);
  });
});
