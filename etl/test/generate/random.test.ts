import { describe, expect, it } from 'vitest';
import { mix32, permute32, Random } from '../../src/generate/random';

describe('Random', () => {
  it('repeats the same sequence for the same seed, stream and index', () => {
    const a = new Random(42, 1, 7);
    const b = new Random(42, 1, 7);
    const first = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(first);
    expect(new Random(0).reseed(42, 1, 7).next()).toBe(first[0]);
  });

  it('gives different sequences for a different seed, stream or index', () => {
    const head = (r: Random) => Array.from({ length: 8 }, () => r.next());
    const base = head(new Random(42, 1, 7));
    expect(head(new Random(43, 1, 7))).not.toEqual(base);
    expect(head(new Random(42, 2, 7))).not.toEqual(base);
    expect(head(new Random(42, 1, 8))).not.toEqual(base);
  });

  it('draws uniform values in range', () => {
    const rng = new Random(1);
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng.float();
      if (!(u >= 0 && u < 1)) outside++;
      else buckets[Math.floor(u * 10)]++;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    const drawn = new Set(Array.from({ length: 1000 }, () => rng.between(3, 5)));
    expect([...drawn].sort()).toEqual([3, 4, 5]);
    expect(new Set(Array.from({ length: 200 }, () => rng.pick(['a', 'b', 'c'])))).toEqual(
      new Set(['a', 'b', 'c']),
    );
  });
});

describe('permute32', () => {
  it('never maps two indexes to the same value', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(permute32(i, 0xdeadbeef));
    expect(seen.size).toBe(200_000);
    expect(permute32(0xf000_0000, 1)).not.toBe(permute32(0, 1));
  });

  it('depends on its key and stays within 32 bits', () => {
    expect(permute32(5, 1)).not.toBe(permute32(5, 2));
    for (const value of [permute32(0xffff_ffff, 3), mix32(-1), mix32(2 ** 40)]) {
      expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
    }
  });
});
