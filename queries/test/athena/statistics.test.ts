import { describe, expect, it } from 'vitest';
import { athenaStatistics, scanCostUsd } from '../../src/athena/statistics';

const MB = 2 ** 20;
const TB = 2 ** 40;

describe('scan cost', () => {
  it('bills $5 per TB with a 10 MB minimum, rounded up to the MB', () => {
    expect(scanCostUsd(0)).toBe((10 * MB * 5) / TB);
    expect(scanCostUsd(1)).toBe((10 * MB * 5) / TB);
    expect(scanCostUsd(10 * MB + 1)).toBe((11 * MB * 5) / TB);
    expect(scanCostUsd(TB)).toBe(5);
    expect(scanCostUsd(3 * TB)).toBe(15);
  });

  it('costs nothing when a previous result is reused', () => {
    expect(scanCostUsd(5 * TB, true)).toBe(0);
  });

  it('maps Athena statistics, tolerating missing fields', () => {
    expect(athenaStatistics('id', undefined, 0)).toEqual({
      engine: 'athena',
      queryExecutionId: 'id',
      dataScannedBytes: 0,
      engineExecutionTimeMs: 0,
      queueTimeMs: 0,
      totalExecutionTimeMs: 0,
      costUsd: (10 * MB * 5) / TB,
      reusedPreviousResult: false,
      rowCount: 0,
    });
  });
});
