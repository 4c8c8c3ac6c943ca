import type { DataContract } from '../data-contract';
import { SPOTIFY_CONTRACT } from '../data-contract';
import { dqdlRule, renderDqdl } from './dqdl';
import { type DataQualityReport, type DataQualityRow, dataQualityReport } from './report';
import { type DataQualityFailureMode, type DataQualityRule, dataQualityRules } from './rules';
import { renderDataQualitySql } from './sql';

export { dqdlRule, renderDqdl } from './dqdl';
export * from './report';
export * from './rules';
export * from './sql';

/** Everything an engine needs to check the warehouse: the rules, their DQDL ruleset and the SQL that evaluates them. */
export interface DataQualityChecks {
  /** The table the rules are about, and the relation the SQL reads. */
  table: string;
  rules: (DataQualityRule & { dqdl: string })[];
  dqdl: string;
  sql: string;
}

/** The data-quality checks of a contract, one source for Glue Data Quality, DuckDB and Spark. */
export function dataQualityChecks(contract: DataContract = SPOTIFY_CONTRACT): DataQualityChecks {
  const rules = dataQualityRules(contract);
  return {
    table: contract.warehouse.table,
    rules: rules.map((rule) => ({ ...rule, dqdl: dqdlRule(rule) })),
    dqdl: renderDqdl(rules),
    sql: renderDataQualitySql(rules, contract.warehouse.table),
  };
}

export interface EvaluateDataQualityOptions {
  /** @default 'fail' */
  failureMode?: DataQualityFailureMode;
  /** @default SPOTIFY_CONTRACT */
  contract?: DataContract;
}

/**
 * Evaluates the warehouse's rules with an engine's query function (the local runner passes DuckDB's; the table
 * `contract.warehouse.table` must be readable by that name) and returns the report for the run manifest. The
 * caller fails the run when `verdict` is `fail`.
 */
export async function evaluateDataQuality(
  query: (sql: string) => Promise<readonly DataQualityRow[]>,
  options: EvaluateDataQualityOptions = {},
): Promise<DataQualityReport> {
  const contract = options.contract ?? SPOTIFY_CONTRACT;
  const rules = dataQualityRules(contract);
  const rows = await query(renderDataQualitySql(rules, contract.warehouse.table));
  return dataQualityReport(rules, rows, options.failureMode ?? 'fail');
}
