import { describe, expect, it } from 'vitest';
import { flattenPages } from '../../src/runner/flatten-pages';

describe('flattenPages', () => {
  it('yields the rows of every page in order, skipping empty pages', async () => {
    async function* pages() {
      yield [1, 2];
      yield [];
      yield [3];
    }
    const seen: number[] = [];
    for await (const n of flattenPages(pages())) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('closes the page source when the caller stops early', async () => {
    let closed = false;
    async function* pages() {
      try {
        yield [1, 2, 3];
        yield [4];
      } finally {
        closed = true;
      }
    }
    for await (const n of flattenPages(pages())) if (n === 2) break;
    expect(closed).toBe(true);
  });

  it('passes errors of the page source through', async () => {
    async function* pages(): AsyncGenerator<number[]> {
      yield [1];
      throw new Error('page 2 failed');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of flattenPages(pages())) seen.push(n);
      })(),
    ).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([1]);
  });
});
