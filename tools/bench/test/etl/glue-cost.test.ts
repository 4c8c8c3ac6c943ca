import { describe, expect, it } from 'vitest';
import { DPU_PER_WORKER, glueRunCost } from '../../src/etl/glue-cost';

describe('glueRunCost', () => {
  it('bills DPU-hours per second, with a one-minute minimum', () => {
    const g1x = { workerType: 'G.1X' as const, workers: 2, pricePerDpuHour: 0.44 };
    expect(glueRunCost(12.3, g1x)).toEqual({
      dpus: 2,
      billedSeconds: 60,
      dpuHours: 2 / 60,
      usd: (2 / 60) * 0.44,
    });
    expect(glueRunCost(90.2, g1x)).toMatchObject({ billedSeconds: 91, dpuHours: (2 * 91) / 3600 });
    expect(glueRunCost(3600, { ...g1x, workerType: 'G.2X', workers: 10 }).usd).toBeCloseTo(8.8, 10);
    expect(() => glueRunCost(Number.NaN, g1x)).toThrow(/a number of seconds >= 0/);
  });

  it('knows the DPUs of every Glue worker type', () => {
    expect(DPU_PER_WORKER).toEqual({ 'G.025X': 0.25, 'G.1X': 1, 'G.2X': 2, 'G.4X': 4, 'G.8X': 8 });
  });
});
