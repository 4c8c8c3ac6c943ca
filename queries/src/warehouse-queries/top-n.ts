import type { ParamRef, Sql } from '../sql/template';
import { sql } from '../sql/template';

/**
 * The first `limit` rows of `source` in `orderBy` order, as the tail of a WITH query (`WITH ..., ${topN(..)}`).
 * Athena accepts `?` only in WHERE clauses, not in LIMIT, so the limit filters a row number; Trino plans this
 * as a top-N (TopNRanking) just like ORDER BY ... LIMIT.
 */
export function topN(context: { columnList: Sql; p: { limit: ParamRef } }, source: Sql, orderBy: Sql): Sql {
  return sql`ranked AS (
  SELECT ${context.columnList}, row_number() OVER (ORDER BY ${orderBy}) AS row_num
  FROM (
${source}
  ) top_source
)
SELECT ${context.columnList}
FROM ranked
WHERE row_num <= ${context.p.limit}
ORDER BY row_num`;
}
