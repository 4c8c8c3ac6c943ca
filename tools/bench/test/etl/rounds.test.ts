import { describe, expect, it } from 'vitest';
import { combineRounds, median } from '../../src/etl/rounds';
import { checkTargets, etlToBareRatio, type ScaleResult } from '../../src/etl/targets';

const round = (
  etlMs: number,
  bareJoinMs: number,
  peakRssBytes: number,
  step = 'read:albums',
): ScaleResult => ({
  scale: 10,
  albumRows: 4_389_380,
  etlMs,
  bareJoinMs,
  orderedJoinMs: bareJoinMs * 1.25,
  checkedJoinMs: bareJoinMs * 1.5,
  peakRssBytes,
  warehouseRows: 4_297_387,
  quarantineRows: 146_613,
  steps: [{ step, ms: etlMs / 2 }],
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('combineRounds', () => {
  it('keeps the median times, the median of the rounds own ratios, the highest RSS and the median round steps', () => {
    const combined = combineRounds([
      round(30_000, 20_000, 1.2e9, 'slow'),
      round(24_000, 15_000, 1.6e9, 'middle'),
      round(22_000, 14_000, 1.4e9, 'fast'),
    ]);
    expect(combined).toMatchObject({
      etlMs: 24_000,
      bareJoinMs: 15_000,
      orderedJoinMs: 18_750,
      checkedJoinMs: 22_500,
      peakRssBytes: 1.6e9,
    });
    // Round ratios 1.5, 1.6, 1.571...: the median is a round's own, not 24 / 15.
    expect(etlToBareRatio(combined)).toBeCloseTo(22 / 14, 10);
    expect(combined.steps).toEqual([{ step: 'middle', ms: 12_000 }]);
    expect(combined.rounds).toEqual([
      {
        etlMs: 30_000,
        bareJoinMs: 20_000,
        orderedJoinMs: 25_000,
        checkedJoinMs: 30_000,
        peakRssBytes: 1.2e9,
      },
      {
        etlMs: 24_000,
        bareJoinMs: 15_000,
        orderedJoinMs: 18_750,
        checkedJoinMs: 22_500,
        peakRssBytes: 1.6e9,
      },
      {
        etlMs: 22_000,
        bareJoinMs: 14_000,
        orderedJoinMs: 17_500,
        checkedJoinMs: 21_000,
        peakRssBytes: 1.4e9,
      },
    ]);
    expect(checkTargets(combined).find((c) => c.target.startsWith('ETL'))?.measured).toBe('1.57');
  });

  it('refuses rounds that produced different rows, and no rounds', () => {
    expect(() => combineRounds([round(1, 1, 1), { ...round(1, 1, 1), warehouseRows: 5 }])).toThrow(
      'rounds of 10x disagree: 5 warehouse / 146613 quarantine rows against 4297387 / 146613',
    );
    expect(() => combineRounds([])).toThrow('no rounds');
  });
});
