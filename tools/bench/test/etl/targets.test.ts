import { describe, expect, it } from 'vitest';
import { checkTargets, KAGGLE_ALBUM_ROWS, type ScaleResult } from '../../src/etl/targets';

const result = (scale: number, etlMs: number, bareJoinMs: number, peakRssBytes = 1e9): ScaleResult => ({
  scale,
  albumRows: KAGGLE_ALBUM_ROWS * scale,
  etlMs,
  bareJoinMs,
  orderedJoinMs: bareJoinMs,
  checkedJoinMs: bareJoinMs,
  peakRssBytes,
  warehouseRows: 0,
  quarantineRows: 0,
  steps: [],
});

describe('checkTargets', () => {
  it('checks 1x wall time under 5 s and the ratio under 1.5', () => {
    expect(checkTargets(result(1, 4_000, 3_000))).toEqual([
      { scale: 1, target: 'wall < 5 s', measured: '4.00 s', pass: true },
      { scale: 1, target: 'ETL / bare join < 1.5', measured: '1.33', pass: true },
    ]);
    expect(checkTargets(result(1, 5_000, 2_000)).map((c) => c.pass)).toEqual([false, false]);
  });

  it('checks 10x wall under 45 s and peak RSS under 2 GB', () => {
    expect(checkTargets(result(10, 44_000, 40_000, 1.99e9))).toEqual([
      { scale: 10, target: 'wall < 45 s', measured: '44.00 s', pass: true },
      { scale: 10, target: 'peak RSS < 2 GB', measured: '1.99 GB', pass: true },
      { scale: 10, target: 'ETL / bare join < 1.5', measured: '1.10', pass: true },
    ]);
    expect(checkTargets(result(10, 46_000, 10_000, 2e9)).map((c) => c.pass)).toEqual([false, false, false]);
  });

  it('checks only the ratio at other scales', () => {
    expect(checkTargets(result(3, 1_000, 1_000)).map((c) => c.target)).toEqual(['ETL / bare join < 1.5']);
  });
});
