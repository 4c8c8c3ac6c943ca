import { etlToBareRatio, type ScaleResult, type TargetCheck, toBareJoin } from './targets';

const count = (n: number) => Math.round(n).toLocaleString('en-US');

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    )
    .join('\n');
}

export function formatResults(results: readonly ScaleResult[]): string {
  return table([
    [
      'scale',
      'album rows',
      'ETL wall',
      'rows/s',
      'peak RSS',
      'bare join',
      'ETL/bare',
      'warehouse',
      'quarantine',
    ],
    ...results.map((r) => [
      `${r.scale}x`,
      count(r.albumRows),
      `${(r.etlMs / 1000).toFixed(2)} s`,
      count(r.albumRows / (r.etlMs / 1000)),
      `${count(r.peakRssBytes / 1e6)} MB`,
      `${(r.bareJoinMs / 1000).toFixed(2)} s`,
      etlToBareRatio(r).toFixed(2),
      count(r.warehouseRows),
      count(r.quarantineRows),
    ]),
  ]);
}

/**
 * Each round's times, so that the spread behind the medians is visible, and two baselines' ratios: the
 * bare join with the sources first kept in file order, which any ETL that numbers records pays, and the
 * checked join, what the checks and the dedup cost on their own before anything is kept for the quarantine.
 */
export function formatRounds(results: readonly ScaleResult[]): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  return results
    .flatMap((r) => {
      const rounds = r.rounds ?? [r];
      const floor = toBareJoin(r, (x) => x.orderedJoinMs);
      const checked = toBareJoin(r, (x) => x.checkedJoinMs);
      const times = (x: (typeof rounds)[number]) =>
        [x.etlMs, x.bareJoinMs, x.orderedJoinMs, x.checkedJoinMs].map(seconds).join(' / ');
      return [
        `${r.scale}x rounds (ETL / bare join / ordered join / checked join, s): ${rounds.map(times).join(', ')}`,
        `${r.scale}x ordered join / bare join: ${floor.toFixed(2)} (sources kept in file order, then joined; no checks, dedup or quarantine)`,
        `${r.scale}x checked join / bare join: ${checked.toFixed(2)} (the ETL SQL's checks and one row per key, streaming; no record numbers or quarantine)`,
      ];
    })
    .join('\n');
}

/** The slowest steps of each run: where to look when a target is missed. */
export function formatSteps(results: readonly ScaleResult[], top = 6): string {
  return results
    .map((r) => {
      const slowest = [...r.steps].sort((a, b) => b.ms - a.ms).slice(0, top);
      return `${r.scale}x slowest steps: ${slowest.map((s) => `${s.step} ${(s.ms / 1000).toFixed(2)} s`).join(', ')}`;
    })
    .join('\n');
}

export function formatChecks(checks: readonly TargetCheck[]): string {
  return table([
    ['scale', 'target', 'measured', 'result'],
    ...checks.map((c) => [`${c.scale}x`, c.target, c.measured, c.pass ? 'PASS' : 'MISS']),
  ]);
}
