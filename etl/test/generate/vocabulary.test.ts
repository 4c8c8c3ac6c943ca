import { describe, expect, it } from 'vitest';
import { Random } from '../../src/generate/random';
import { albumTitle, artistName, genre, recordLabel, trackTitle } from '../../src/generate/vocabulary';

describe('vocabulary', () => {
  it('produces names with commas, quotes, line breaks and non-ASCII text, never padded', () => {
    const rng = new Random(2);
    const names = Array.from({ length: 20_000 }, (_, i) =>
      i % 3 === 0 ? trackTitle(rng) : i % 3 === 1 ? artistName(rng) : albumTitle(rng, 'Lead', false),
    );
    expect(names.some((n) => n.includes(','))).toBe(true);
    expect(names.some((n) => n.includes('"'))).toBe(true);
    expect(names.some((n) => n.includes('\n'))).toBe(true);
    expect(names.some((n) => [...n].some((c) => c.charCodeAt(0) > 0x7f))).toBe(true);
    expect(names.filter((n) => n !== n.trim())).toEqual([]);
  });

  it('leaves about 70% of genres empty, as in the real data', () => {
    const rng = new Random(4);
    const genres = Array.from({ length: 10_000 }, () => genre(rng));
    const empty = genres.filter((g) => g === '').length / genres.length;
    expect(empty).toBeGreaterThan(0.67);
    expect(empty).toBeLessThan(0.73);
    expect(genres.some((g) => g === 'k-pop' || g === 'j-pop' || g.includes(' '))).toBe(true);
  });

  it('names singles after their track most of the time', () => {
    const rng = new Random(6);
    const same = Array.from({ length: 1000 }, () => albumTitle(rng, 'Lead', true) === 'Lead').filter(
      Boolean,
    ).length;
    expect(same).toBeGreaterThan(600);
    expect(recordLabel(rng)).not.toBe(undefined);
  });
});
