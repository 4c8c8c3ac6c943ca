import type { ParamSpecs } from './define/params';
import { renderSql, TRINO } from './sql/dialect';
import { QUERIES } from './warehouse-queries';

/** A saved query for Athena's console (an `AWS::Athena::NamedQuery`); the console prompts for each `?`. */
export interface NamedQuerySpec {
  name: string;
  description: string;
  sql: string;
}

/**
 * For every query of the catalog, the exact Athena SQL text this package sends (with `?` placeholders).
 * `warehouseTable` defaults to `datawarehouse`, `catalog` to `AwsDataCatalog`.
 */
export function namedQueries(target: {
  database: string;
  warehouseTable?: string;
  catalog?: string;
}): NamedQuerySpec[] {
  return QUERIES.map((query) => {
    const params = Object.entries(query.params);
    const order = renderSql(query.body, TRINO, target).parameterOrder;
    const prompts =
      params.length === 0
        ? ''
        : ` Parameters, in order: ${order.map((name) => `${name} (${query.params[name]!.rule})`).join(', ')}.`;
    // Athena's console pastes each value as a literal: text needs its quotes, dates the DATE keyword.
    const kinds = new Set(Object.values(query.params as ParamSpecs).map((spec) => spec.kind));
    const hints = [
      kinds.has('string') || kinds.has('contains') ? " Type text in single quotes ('pop')." : '',
      kinds.has('contains') ? " Search text is a LIKE pattern: '%love%'." : '',
      kinds.has('date') ? " Type dates as DATE '2020-01-31'." : '',
    ].join('');
    return {
      name: query.name,
      description: truncate(`${query.description}${prompts}${hints}`, 1024),
      sql: renderSql(query.body, TRINO, target).text,
    };
  });
}

/** Athena limits a named query's description to 1024 characters. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}
