import type { ScaleResult } from './targets';

/** What one round (a fresh process: the ETL, then the bare, ordered and checked joins) measured. */
export interface RoundFigures {
  readonly etlMs: number;
  readonly bareJoinMs: number;
  readonly orderedJoinMs: number;
  readonly checkedJoinMs: number;
  readonly peakRssBytes: number;
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * One result from several rounds of the same scale. The machine is shared and its speed drifts by tens of
 * percent within minutes, so a single pair of runs can move the ratio past its target either way. Times are
 * the medians of the rounds, and every round is kept, for the ratios (`toBareJoin`); peak RSS is the highest of any round; the steps are those of the
 * round whose ETL time is nearest the median. Every round must have produced the same rows.
 */
export function combineRounds(rounds: readonly ScaleResult[]): ScaleResult {
  const [first] = rounds;
  if (!first) throw new Error('combineRounds: no rounds');
  for (const round of rounds) {
    if (
      round.scale !== first.scale ||
      round.warehouseRows !== first.warehouseRows ||
      round.quarantineRows !== first.quarantineRows
    ) {
      throw new Error(
        `rounds of ${first.scale}x disagree: ${round.warehouseRows} warehouse / ${round.quarantineRows} quarantine rows against ${first.warehouseRows} / ${first.quarantineRows}`,
      );
    }
  }
  const etlMs = median(rounds.map((r) => r.etlMs));
  const nearest = rounds.reduce((best, r) =>
    Math.abs(r.etlMs - etlMs) < Math.abs(best.etlMs - etlMs) ? r : best,
  );
  return {
    ...first,
    etlMs,
    bareJoinMs: median(rounds.map((r) => r.bareJoinMs)),
    orderedJoinMs: median(rounds.map((r) => r.orderedJoinMs)),
    checkedJoinMs: median(rounds.map((r) => r.checkedJoinMs)),
    peakRssBytes: Math.max(...rounds.map((r) => r.peakRssBytes)),
    steps: nearest.steps,
    rounds: rounds.map(({ etlMs, bareJoinMs, orderedJoinMs, checkedJoinMs, peakRssBytes }) => ({
      etlMs,
      bareJoinMs,
      orderedJoinMs,
      checkedJoinMs,
      peakRssBytes,
    })),
  };
}
