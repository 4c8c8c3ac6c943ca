import { dqdlRule } from './dqdl';
import type { DataQualityFailureMode, DataQualityRule } from './rules';
import { DATA_QUALITY_FAILURE_MODES } from './rules';
import { DATA_QUALITY_OUTCOMES, type DataQualityOutcome } from './sql';

/** One row of the data-quality SQL as an engine returns it: `rule`, `outcome` and `observed` by column name. */
export type DataQualityRow = Readonly<Record<string, unknown>>;

/** One rule's result, as `manifest.json` records it. */
export interface DataQualityResult {
  rule: string;
  /** The rule in DQDL, as Glue Data Quality names it in its results. */
  dqdl: string;
  description: string;
  outcome: DataQualityOutcome;
  observed: number | null;
  /** What `observed` is. */
  observedMeaning: string;
}

/** Every rule's result and what the run does about them. */
export interface DataQualityReport {
  results: DataQualityResult[];
  /** Names of the failed rules, in rule order. */
  failed: string[];
  failureMode: DataQualityFailureMode;
  /** `pass`: every rule passed; `warn`: some failed and the mode is `warn`; `fail`: the run must fail. */
  verdict: 'pass' | 'warn' | 'fail';
}

function observedNumber(rule: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'bigint' ? Number(value) : value;
  if (typeof number !== 'number' || Number.isNaN(number)) {
    throw new Error(`data-quality result for ${rule}: observed value ${String(value)} is not a number`);
  }
  return number;
}

/**
 * Turns the rows of the data-quality SQL into a report. The rows must be exactly the rules, in order (the SQL is
 * generated from them), so a stale SQL file or a query over the wrong rules fails here, naming the rule.
 */
export function dataQualityReport(
  rules: readonly DataQualityRule[],
  rows: readonly DataQualityRow[],
  failureMode: DataQualityFailureMode,
): DataQualityReport {
  if (!DATA_QUALITY_FAILURE_MODES.includes(failureMode)) {
    throw new Error(
      `data-quality failure mode must be one of ${DATA_QUALITY_FAILURE_MODES.join(', ')}; got ${JSON.stringify(failureMode)}`,
    );
  }
  if (rows.length !== rules.length) {
    throw new Error(`data-quality results: expected ${rules.length} rows (one per rule), got ${rows.length}`);
  }
  const results = rules.map((rule, i): DataQualityResult => {
    const row = rows[i]!;
    if (row.rule !== rule.name) {
      throw new Error(
        `data-quality results: row ${i + 1} is ${String(row.rule)}, expected rule ${rule.name}`,
      );
    }
    if (!DATA_QUALITY_OUTCOMES.includes(row.outcome as DataQualityOutcome)) {
      throw new Error(
        `data-quality result for ${rule.name}: outcome ${String(row.outcome)} is not passed or failed`,
      );
    }
    return {
      rule: rule.name,
      dqdl: dqdlRule(rule),
      description: rule.description,
      outcome: row.outcome as DataQualityOutcome,
      observed: observedNumber(rule.name, row.observed),
      observedMeaning: rule.observed,
    };
  });
  const failed = results.filter((r) => r.outcome === 'failed').map((r) => r.rule);
  const verdict = failed.length === 0 ? 'pass' : failureMode;
  return { results, failed, failureMode, verdict };
}
