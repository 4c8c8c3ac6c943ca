import { assertContractConsistent, type DataContract, SPOTIFY_CONTRACT } from '../data-contract';
import { factSource } from '../etl-sql/statements/fact-and-dimensions';
import type { LogicalType } from '../logical-types';
import type { WarehouseColumn } from '../warehouse';

/**
 * A data-quality rule over the warehouse table, in neither engine's language: the DQDL renderer (Glue Data
 * Quality) and the SQL renderer (DuckDB and Spark) both read this model, so the cloud ruleset and the local check
 * cannot disagree. Every rule is derived from the contract; none is written by hand.
 */
export type DataQualityRule = RowCountRule | PrimaryKeyRule | CompleteRule | BoundRule;

interface RuleBase {
  /** Unique snake_case name: how results name the rule in manifests and logs. */
  readonly name: string;
  /** What the rule asks, in words, with where in the contract it comes from. */
  readonly description: string;
  /** What the observed value of a result is. */
  readonly observed: string;
}

/** The table has more than `greaterThan` rows. */
export interface RowCountRule extends RuleBase {
  readonly kind: 'rowCount';
  readonly greaterThan: number;
}

/** The key columns are complete and no two rows share a key (the warehouse's grain). */
export interface PrimaryKeyRule extends RuleBase {
  readonly kind: 'primaryKey';
  readonly columns: readonly string[];
}

/** The column has no NULL. */
export interface CompleteRule extends RuleBase {
  readonly kind: 'complete';
  readonly column: string;
}

/** Every value of the column is at least (`minimum`) or at most (`maximum`) the bound, inclusive; NULL fails. */
export interface BoundRule extends RuleBase {
  readonly kind: 'minimum' | 'maximum';
  readonly column: string;
  readonly bound: number;
}

/** Failure modes of a run whose data-quality rules fail: the run fails (publishes nothing) or only warns. */
export const DATA_QUALITY_FAILURE_MODES = ['fail', 'warn'] as const;
export type DataQualityFailureMode = (typeof DATA_QUALITY_FAILURE_MODES)[number];

const NUMERIC_TYPES: readonly LogicalType[] = ['int', 'bigint', 'double'];
/** Names both renderers write unquoted: DQDL quotes them, the portable SQL cannot. */
const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

function assertPlainName(what: string, name: string): void {
  if (!PLAIN_NAME.test(name)) {
    throw new Error(`data-quality rules: ${what} "${name}" must be snake_case (a-z, 0-9, _) to be checked`);
  }
}

/** A bound as both DQDL and SQL write a number: digits, an optional sign and decimals, no exponent. */
export function numberLiteral(value: number): string {
  const text = String(value);
  if (!Number.isFinite(value) || !/^-?\d+(\.\d+)?$/.test(text)) {
    throw new Error(`data-quality rules: bound ${text} cannot be written as a plain decimal number`);
  }
  return text;
}

/** The warehouse column fed by a source field as is (not derived), or undefined. */
function directColumn(contract: DataContract, source: string, field: string) {
  return contract.warehouse.columns.find(
    (c) => !('derived' in c.from) && c.from.source === source && c.from.field === field,
  );
}

function keyRule(contract: DataContract): PrimaryKeyRule {
  const fact = factSource(contract);
  const columns = fact.key.map((field) => {
    const column = directColumn(contract, fact.name, field);
    if (!column) {
      throw new Error(
        `data-quality rules: key field ${fact.name}.${field} of the warehouse's grain is not a warehouse column`,
      );
    }
    return column.name;
  });
  return {
    kind: 'primaryKey',
    name: 'primary_key',
    columns,
    description: `(${columns.join(', ')}) is complete and unique: the key of ${fact.name}, the warehouse's grain`,
    observed: 'rows whose key has a NULL or is shared with another row',
  };
}

function boundRules(column: WarehouseColumn<string>, contract: DataContract): BoundRule[] {
  if ('derived' in column.from) return [];
  const { source, field } = column.from;
  const spec = contract.sources.find((s) => s.name === source)?.fields.find((f) => f.name === field);
  if (!spec || (spec.min === undefined && spec.max === undefined)) return [];
  if (!NUMERIC_TYPES.includes(column.type)) {
    throw new Error(
      `data-quality rules: ${source}.${field} has bounds but warehouse column ${column.name} is ${column.type}, not a number`,
    );
  }
  const rules: BoundRule[] = [];
  if (spec.min !== undefined) {
    rules.push({
      kind: 'minimum',
      name: `min_${column.name}`,
      column: column.name,
      bound: spec.min,
      description: `${column.name} >= ${numberLiteral(spec.min)} (${source}.${field} min)`,
      observed: `smallest ${column.name}`,
    });
  }
  if (spec.max !== undefined) {
    rules.push({
      kind: 'maximum',
      name: `max_${column.name}`,
      column: column.name,
      bound: spec.max,
      description: `${column.name} <= ${numberLiteral(spec.max)} (${source}.${field} max)`,
      observed: `largest ${column.name}`,
    });
  }
  return rules;
}

/**
 * The warehouse's data-quality rules, derived from a contract: the table is not empty; the key of the fact source
 * (the warehouse's grain) is complete and unique; every non-nullable column is complete; every column fed by a
 * bounded source field stays within its bounds (popularities 0-100, non-negative followers and durations).
 */
export function dataQualityRules(contract: DataContract = SPOTIFY_CONTRACT): DataQualityRule[] {
  assertContractConsistent(contract);
  for (const column of contract.warehouse.columns) assertPlainName('warehouse column', column.name);
  const rules: DataQualityRule[] = [
    {
      kind: 'rowCount',
      name: 'row_count',
      greaterThan: 0,
      description: `${contract.warehouse.table} has rows`,
      observed: 'rows',
    },
    keyRule(contract),
    ...contract.warehouse.columns
      .filter((c) => !c.nullable)
      .map(
        (c): CompleteRule => ({
          kind: 'complete',
          name: `complete_${c.name}`,
          column: c.name,
          description: `${c.name} has no NULL (not nullable in the contract)`,
          observed: `NULL ${c.name} values`,
        }),
      ),
    ...contract.warehouse.columns.flatMap((c) => boundRules(c, contract)),
  ];
  const names = new Set<string>();
  for (const rule of rules) {
    if (names.has(rule.name)) throw new Error(`data-quality rules: two rules are named ${rule.name}`);
    names.add(rule.name);
  }
  return rules;
}
