import { assertPortable } from '../etl-sql/portability';
import { type DataQualityRule, numberLiteral } from './rules';

/** Outcome of one rule, as the SQL reports it and as manifests record it. */
export const DATA_QUALITY_OUTCOMES = ['passed', 'failed'] as const;
export type DataQualityOutcome = (typeof DATA_QUALITY_OUTCOMES)[number];

/** Columns of the result of `renderDataQualitySql`, one row per rule, in rule order. */
export const DATA_QUALITY_RESULT_COLUMNS = ['rule', 'outcome', 'observed'] as const;

const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;
const count = (condition: string) => `COALESCE(SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

/** What one rule adds to the single aggregate pass, and how its result row is computed from it. */
interface RuleSql {
  /** Aggregates over the table, named `r<i>_*`. */
  metrics: string[];
  observed: string;
  passed: string;
}

function ruleSql(rule: DataQualityRule, i: number): RuleSql {
  const m = (what: string) => `r${i}_${what}`;
  switch (rule.kind) {
    case 'rowCount':
      return {
        metrics: [`COUNT(*) AS ${m('rows')}`],
        observed: m('rows'),
        passed: `${m('rows')} > ${numberLiteral(rule.greaterThan)}`,
      };
    case 'primaryKey': {
      const incomplete = rule.columns.map((c) => `${c} IS NULL`).join(' OR ');
      return {
        metrics: [`${count(incomplete)} AS ${m('incomplete')}`],
        // Rows with an incomplete key, plus rows whose complete key repeats (from dq_key).
        observed: `${m('incomplete')} + key_repeated`,
        passed: `${m('incomplete')} + key_repeated = 0`,
      };
    }
    case 'complete':
      return {
        metrics: [`${count(`${rule.column} IS NULL`)} AS ${m('nulls')}`],
        observed: m('nulls'),
        passed: `${m('nulls')} = 0`,
      };
    case 'minimum':
    case 'maximum': {
      const [aggregate, outside] = rule.kind === 'minimum' ? ['MIN', '<'] : ['MAX', '>'];
      const bad = `${rule.column} IS NULL OR ${rule.column} ${outside} ${numberLiteral(rule.bound)}`;
      return {
        metrics: [`${aggregate}(${rule.column}) AS ${m('value')}`, `${count(bad)} AS ${m('outside')}`],
        observed: m('value'),
        passed: `${m('outside')} = 0`,
      };
    }
  }
}

/** The rows whose complete key is shared with another row: the uniqueness half of the key rule. */
function keyRepeats(rule: DataQualityRule | undefined, relation: string): string[] {
  if (rule?.kind !== 'primaryKey') return ['dq_key AS (SELECT 0 AS key_repeated)'];
  const complete = rule.columns.map((c) => `${c} IS NOT NULL`).join(' AND ');
  return [
    'dq_key AS (',
    '  SELECT COALESCE(SUM(n), 0) AS key_repeated',
    `  FROM (SELECT COUNT(*) AS n FROM ${relation} WHERE ${complete}`,
    `        GROUP BY ${rule.columns.join(', ')} HAVING COUNT(*) > 1) dq_groups`,
    ')',
  ];
}

/**
 * One query that evaluates every rule over `relation` and returns one row per rule, in rule order:
 * `rule` (its name), `outcome` (`passed` or `failed`) and `observed` (DOUBLE: a count or the smallest or largest
 * value, see each rule's `observed`; NULL for a bound over an empty table). It reads the table twice at most (one
 * aggregate pass, one GROUP BY over the key) and stays in the subset of SQL that DuckDB and Spark SQL 3.5 run alike:
 * no quoted identifiers, no backslashes, explicit casts.
 */
export function renderDataQualitySql(rules: readonly DataQualityRule[], relation: string): string {
  if (rules.length === 0) throw new Error('renderDataQualitySql: no rules to evaluate');
  if (!PLAIN_NAME.test(relation)) {
    throw new Error(`renderDataQualitySql: relation "${relation}" must be a snake_case table or view name`);
  }
  const parts = rules.map(ruleSql);
  const keyRules = rules.filter((r) => r.kind === 'primaryKey');
  if (keyRules.length > 1) throw new Error('renderDataQualitySql: at most one primary-key rule');
  const branches = rules.map((rule, i) =>
    [
      `SELECT ${i + 1} AS rule_order, '${rule.name}' AS rule,`,
      `  CASE WHEN ${parts[i]!.passed} THEN 'passed' ELSE 'failed' END AS outcome,`,
      `  CAST(${parts[i]!.observed} AS DOUBLE) AS observed`,
      'FROM dq_metrics CROSS JOIN dq_key',
    ].join('\n'),
  );
  const sql = [
    'WITH dq_metrics AS (',
    '  SELECT',
    parts
      .flatMap((p) => p.metrics)
      .map((metric) => `    ${metric}`)
      .join(',\n'),
    `  FROM ${relation}`,
    '),',
    ...keyRepeats(keyRules[0], relation),
    'SELECT rule, outcome, observed FROM (',
    branches.join('\nUNION ALL\n'),
    ') dq_results',
    'ORDER BY rule_order',
  ].join('\n');
  assertPortable({ name: 'data_quality', sql, materialize: false });
  return sql;
}
