import { median, type RoundFigures } from './rounds';

/** What the issue asks of the local ETL on a 2-core machine. */
export const KAGGLE_ALBUM_ROWS = 438_938;

export interface ScaleResult {
  readonly scale: number;
  readonly albumRows: number;
  readonly etlMs: number;
  readonly peakRssBytes: number;
  readonly bareJoinMs: number;
  /** The bare join with each source first kept in file order (`keepInOrder`): the floor of the ratio. */
  readonly orderedJoinMs: number;
  /** The checked join (`runCheckedJoin`): the checks and a dedup in one streaming query, no quarantine. */
  readonly checkedJoinMs: number;
  readonly warehouseRows: number;
  readonly quarantineRows: number;
  readonly steps: readonly { step: string; ms: number }[];
  /** Each round's figures when the result combines several (`combineRounds`). */
  readonly rounds?: readonly RoundFigures[];
}

/** The ETL's time over the bare join's: each round's pair ran back to back, at the same machine speed. */
export const etlToBareRatio = (result: ScaleResult): number => toBareJoin(result, (r) => r.etlMs);

/**
 * A time over the bare join's, each round's own (its runs followed each other, at the same machine speed),
 * the median over the rounds; a result without rounds is one round.
 */
export const toBareJoin = (result: ScaleResult, time: (round: RoundFigures) => number): number =>
  median((result.rounds ?? [result]).map((round) => time(round) / round.bareJoinMs));

export interface TargetCheck {
  readonly scale: number;
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

// Decimal gigabytes, the stricter reading of "2 GB".
const GB = 1e9;

/** Targets per scale: 1x under 5 s; 10x under 45 s and 2 GB peak RSS; the ratio to the bare join under 1.5 at every scale. */
export function checkTargets(result: ScaleResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const seconds = result.etlMs / 1000;
  if (result.scale === 1)
    checks.push({ scale: 1, target: 'wall < 5 s', measured: `${seconds.toFixed(2)} s`, pass: seconds < 5 });
  if (result.scale === 10) {
    checks.push({
      scale: 10,
      target: 'wall < 45 s',
      measured: `${seconds.toFixed(2)} s`,
      pass: seconds < 45,
    });
    checks.push({
      scale: 10,
      target: 'peak RSS < 2 GB',
      measured: `${(result.peakRssBytes / GB).toFixed(2)} GB`,
      pass: result.peakRssBytes < 2 * GB,
    });
  }
  const ratio = etlToBareRatio(result);
  checks.push({
    scale: result.scale,
    target: 'ETL / bare join < 1.5',
    measured: ratio.toFixed(2),
    pass: ratio < 1.5,
  });
  return checks;
}
