import { type Dialect, renderSql, TRINO } from '../sql/dialect';
import type { QueryTarget } from '../sql/identifier';
import type { ParamRef, Sql, TableRef } from '../sql/template';
import { athenaLiteral, type BoundValue } from './bound-value';
import type { ResultColumn, RowOf } from './columns';
import { ParameterError } from './errors';
import type { ParamSpecs, ParamsInput } from './params';

export interface QueryContext<P extends ParamSpecs> {
  /** One reference per declared parameter: `${p.limit}` renders `?` and binds the value. */
  readonly p: { readonly [K in keyof P]: ParamRef };
  /** The stack's warehouse table, rendered as a quoted `"catalog"."database"."table"`. */
  readonly warehouse: TableRef;
  /** The declared result columns as a select list, `a, b, c`. */
  readonly columnList: Sql;
}

export interface QuerySpec<P extends ParamSpecs, C extends readonly ResultColumn[]> {
  /** kebab-case name, unique in the catalog; also the Athena named query's name. */
  readonly name: string;
  readonly description: string;
  readonly params: P;
  /** Result columns in the order the SELECT list returns them. */
  readonly columns: C;
  /** The SQL, in Athena's dialect (Trino, engine v3). */
  readonly sql: (context: QueryContext<P>) => Sql;
}

/** A query ready for an engine: SQL text with `?` placeholders and the values in placeholder order. */
export interface PreparedQuery {
  readonly sql: string;
  readonly values: readonly BoundValue[];
}

export interface Query<
  P extends ParamSpecs = ParamSpecs,
  C extends readonly ResultColumn[] = readonly ResultColumn[],
> {
  readonly name: string;
  readonly description: string;
  readonly params: P;
  readonly columns: C;
  readonly body: Sql;
  /** Checks the caller's values (applying defaults) and returns them bound, by parameter name. */
  bind(input: ParamsInput<P> | undefined): Readonly<Record<string, BoundValue>>;
  /** SQL text for a dialect and the values of its placeholders. */
  prepare(dialect: Dialect, target: QueryTarget, input: ParamsInput<P> | undefined): PreparedQuery;
  /** The exact Athena SQL text and its `ExecutionParameters` (undefined when the query has none). */
  forAthena(
    target: QueryTarget,
    input: ParamsInput<P> | undefined,
  ): { sql: string; executionParameters: string[] | undefined };
  /** Type-only: the row type. */
  readonly __row?: RowOf<C>;
}

// biome-ignore lint/suspicious/noExplicitAny: any query, whatever its parameters and columns
export type AnyQuery = Query<any, readonly ResultColumn[]>;
export type QueryParams<Q> = Q extends Query<infer P, readonly ResultColumn[]> ? ParamsInput<P> : never;
export type QueryRow<Q> = Q extends Query<ParamSpecs, infer C> ? RowOf<C> : never;

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Declares a query; checks the declaration once so that a mistake fails at import, not in production. */
export function defineQuery<const P extends ParamSpecs, const C extends readonly ResultColumn[]>(
  spec: QuerySpec<P, C>,
): Query<P, C> {
  const where = `query "${spec.name}"`;
  if (!NAME.test(spec.name)) throw new Error(`${where}: the name must be kebab-case`);
  if (spec.description.trim() === '') throw new Error(`${where}: a description is required`);
  if (spec.columns.length === 0) throw new Error(`${where}: declare at least one result column`);
  const seen = new Set<string>();
  for (const column of spec.columns) {
    if (!IDENTIFIER.test(column.name))
      throw new Error(`${where}: column "${column.name}" is not a snake_case name`);
    if (seen.has(column.name)) throw new Error(`${where}: column "${column.name}" is declared twice`);
    seen.add(column.name);
  }
  for (const name of Object.keys(spec.params)) {
    if (!IDENTIFIER.test(name)) throw new Error(`${where}: parameter "${name}" is not a snake_case name`);
  }
  const refs = Object.fromEntries(
    Object.keys(spec.params).map((name) => [name, { kind: 'param', name }]),
  ) as {
    [K in keyof P]: ParamRef;
  };
  const columnList: Sql = { kind: 'sql', parts: [spec.columns.map((c) => c.name).join(', ')] };
  const body = spec.sql({ p: refs, warehouse: { kind: 'table', table: 'warehouse' }, columnList });
  const used = new Set(renderSql(body, TRINO, { database: 'check' }).parameterOrder);
  const unused = Object.keys(spec.params).filter((name) => !used.has(name));
  if (unused.length > 0)
    throw new Error(`${where}: parameter(s) ${unused.join(', ')} declared but not used in the SQL`);
  const trinoText = renderSql(body, TRINO, { database: 'check' }).text;
  if (trinoText.includes(';')) throw new Error(`${where}: the SQL must be one statement without ';'`);

  const bind = (input: ParamsInput<P> | undefined): Record<string, BoundValue> => {
    const values: Record<string, unknown> = input ?? {};
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      throw new ParameterError(
        spec.name,
        '',
        'an object',
        `${where}: parameters must be an object of name: value`,
      );
    }
    const unknown = Object.keys(values).filter((key) => !Object.hasOwn(spec.params, key));
    if (unknown.length > 0) {
      const known = Object.keys(spec.params).join(', ') || 'none';
      throw new ParameterError(
        spec.name,
        unknown[0]!,
        'a declared parameter',
        `${where} has no parameter "${unknown[0]}" (its parameters: ${known})`,
      );
    }
    const bound: Record<string, BoundValue> = {};
    for (const [name, param] of Object.entries(spec.params)) {
      const given = values[name];
      if (given === undefined && !param.optional) {
        throw new ParameterError(
          spec.name,
          name,
          param.rule,
          `${where}: parameter "${name}" is required: ${param.rule}`,
        );
      }
      const value = given === undefined ? param.default : given;
      const checked = param.check(value);
      if (!checked.ok) {
        throw new ParameterError(
          spec.name,
          name,
          param.rule,
          `${where}: parameter "${name}" must be ${param.rule}; got ${describe(value)}`,
        );
      }
      bound[name] = checked.bound;
    }
    return bound;
  };

  const prepare = (
    dialect: Dialect,
    target: QueryTarget,
    input: ParamsInput<P> | undefined,
  ): PreparedQuery => {
    const bound = bind(input);
    const rendered = renderSql(body, dialect, target);
    return { sql: rendered.text, values: rendered.parameterOrder.map((name) => bound[name]!) };
  };

  return {
    name: spec.name,
    description: spec.description,
    params: spec.params,
    columns: spec.columns,
    body,
    bind,
    prepare,
    forAthena(target, input) {
      const prepared = prepare(TRINO, target, input);
      return {
        sql: prepared.sql,
        executionParameters: prepared.values.length > 0 ? prepared.values.map(athenaLiteral) : undefined,
      };
    },
  };
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return typeof value;
}
