import { describe, expect, it } from 'vitest';
import { formatChecks, formatResults, formatRounds, formatSteps } from '../../src/etl/report';

const result = {
  scale: 1,
  albumRows: 438_938,
  etlMs: 4_000,
  bareJoinMs: 2_000,
  orderedJoinMs: 2_600,
  checkedJoinMs: 3_000,
  peakRssBytes: 812_000_000,
  warehouseRows: 429_741,
  quarantineRows: 14_591,
  steps: [
    { step: 'read:albums', ms: 900 },
    { step: 'sql:resolved_albums', ms: 2_100 },
    { step: 'stage', ms: 30 },
  ],
};

describe('bench report', () => {
  it('prints rows/s, wall, peak RSS, bare join and ratio per scale', () => {
    expect(formatResults([result]).split('\n')).toEqual([
      'scale  album rows  ETL wall   rows/s  peak RSS  bare join  ETL/bare  warehouse  quarantine',
      '1x        438,938    4.00 s  109,735    812 MB     2.00 s      2.00    429,741      14,591',
    ]);
  });

  it('prints the ratio of the rounds when there are rounds, and each round', () => {
    const combined = {
      ...result,
      rounds: [
        { etlMs: 4_000, bareJoinMs: 2_000, orderedJoinMs: 2_400, checkedJoinMs: 2_800, peakRssBytes: 1 },
        { etlMs: 3_800, bareJoinMs: 2_000, orderedJoinMs: 2_800, checkedJoinMs: 3_400, peakRssBytes: 1 },
        { etlMs: 3_600, bareJoinMs: 2_000, orderedJoinMs: 2_600, checkedJoinMs: 3_000, peakRssBytes: 1 },
      ],
    };
    expect(formatResults([combined]).split('\n')[1]).toContain('  1.90  ');
    expect(formatRounds([combined]).split('\n')).toEqual([
      '1x rounds (ETL / bare join / ordered join / checked join, s): 4.00 / 2.00 / 2.40 / 2.80, 3.80 / 2.00 / 2.80 / 3.40, 3.60 / 2.00 / 2.60 / 3.00',
      '1x ordered join / bare join: 1.30 (sources kept in file order, then joined; no checks, dedup or quarantine)',
      "1x checked join / bare join: 1.50 (the ETL SQL's checks and one row per key, streaming; no record numbers or quarantine)",
    ]);
    expect(formatRounds([result]).split('\n')[0]).toBe(
      '1x rounds (ETL / bare join / ordered join / checked join, s): 4.00 / 2.00 / 2.60 / 3.00',
    );
  });

  it('lists the slowest steps first', () => {
    expect(formatSteps([result], 2)).toBe('1x slowest steps: sql:resolved_albums 2.10 s, read:albums 0.90 s');
  });

  it('prints PASS and MISS per target', () => {
    const text = formatChecks([
      { scale: 1, target: 'wall < 5 s', measured: '4.00 s', pass: true },
      { scale: 1, target: 'ETL / bare join < 1.5', measured: '2.00', pass: false },
    ]);
    expect(text.split('\n').map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['scale', 'target', 'measured', 'result'],
      ['1x', 'wall < 5 s', '4.00 s', 'PASS'],
      ['1x', 'ETL / bare join < 1.5', '2.00', 'MISS'],
    ]);
  });
});
