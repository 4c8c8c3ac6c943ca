import { type DataQualityRule, numberLiteral } from './rules';

const quoted = (column: string) => `"${column}"`;

/**
 * One rule in DQDL, the language of AWS Glue Data Quality. Ranges use `>=` and `<=`: DQDL's `between a and b` is
 * exclusive of both ends (awslabs/dqdl NumberBasedCondition: `metric > a && metric < b`), so a popularity of 0 or
 * 100 would fail it. `ColumnValues` fails on NULL, as the SQL renderer's bound checks do.
 */
export function dqdlRule(rule: DataQualityRule): string {
  switch (rule.kind) {
    case 'rowCount':
      return `RowCount > ${numberLiteral(rule.greaterThan)}`;
    case 'primaryKey':
      return `IsPrimaryKey ${rule.columns.map(quoted).join(' ')}`;
    case 'complete':
      return `IsComplete ${quoted(rule.column)}`;
    case 'minimum':
      return `ColumnValues ${quoted(rule.column)} >= ${numberLiteral(rule.bound)}`;
    case 'maximum':
      return `ColumnValues ${quoted(rule.column)} <= ${numberLiteral(rule.bound)}`;
  }
}

/** A DQDL ruleset document: `Rules = [ ... ]`, one rule a line (DQDL allows no trailing comma). */
export function renderDqdl(rules: readonly DataQualityRule[]): string {
  if (rules.length === 0) throw new Error('renderDqdl: no rules to render');
  return `Rules = [\n${rules.map((r) => `  ${dqdlRule(r)}`).join(',\n')}\n]`;
}
