import { describe, expect, it } from 'vitest';
import {
  ARTIST_POPULARITY,
  FOLLOWERS,
  MEAN_TRACKS_PER_ALBUM,
  QuantileTable,
  RELEASE_YEAR,
  TRACK_POPULARITY,
  tracksOnAlbum,
} from '../../src/generate/distributions';

describe('QuantileTable', () => {
  it('interpolates between knots, linearly or in log space', () => {
    const linear = new QuantileTable([
      [0, 0],
      [0.5, 10],
      [1, 20],
    ]);
    expect(linear.at(0)).toBe(0);
    expect(linear.at(0.25)).toBe(5);
    expect(linear.at(0.75)).toBe(15);
    const log = new QuantileTable(
      [
        [0, 0],
        [1, 999],
      ],
      true,
    );
    expect(log.at(0.5)).toBeCloseTo(Math.expm1(Math.log1p(999) / 2), 9);
  });

  it('rejects knots that do not span 0..1', () => {
    expect(
      () =>
        new QuantileTable([
          [0.1, 1],
          [1, 2],
        ]),
    ).toThrow('quantile knots must start at probability 0 and end at 1');
  });

  it('keeps integer measures within their contract ranges', () => {
    const problems: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const u = i / 1000;
      for (const table of [ARTIST_POPULARITY, TRACK_POPULARITY]) {
        if (table.intAt(u) < 0 || table.intAt(u) > 100) problems.push(`popularity at ${u}`);
      }
      if (FOLLOWERS.intAt(u) < 0) problems.push(`followers at ${u}`);
      if (RELEASE_YEAR.at(u) < 1900 || RELEASE_YEAR.at(u) >= 2024) problems.push(`year at ${u}`);
    }
    expect(problems).toEqual([]);
    expect(ARTIST_POPULARITY.intAt(0.999999)).toBe(100);
  });

  it('draws album sizes with the documented mean', () => {
    let sum = 0;
    const n = 400;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) sum += tracksOnAlbum((i + 0.5) / n, (j + 0.5) / n);
    expect(sum / (n * n)).toBeCloseTo(MEAN_TRACKS_PER_ALBUM, 1);
  });
});
