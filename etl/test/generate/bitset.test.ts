import { describe, expect, it } from 'vitest';
import { GrowableBitSet } from '../../src/generate/bitset';

describe('GrowableBitSet', () => {
  it('sets, clears and grows', () => {
    const bits = new GrowableBitSet();
    expect(bits.has(5)).toBe(false);
    bits.set(5, true);
    bits.set(6, false);
    bits.set(1_000_003, true);
    expect([bits.has(5), bits.has(6), bits.has(1_000_003), bits.has(1_000_002), bits.has(5_000_000)]).toEqual(
      [true, false, true, false, false],
    );
    bits.set(5, false);
    expect(bits.has(5)).toBe(false);
  });
});
