import type { TransformStatement } from '@spotify-lake/contract';

export type Materialization = 'table' | 'view';

/**
 * Decides how each statement is registered in DuckDB. A view is recomputed by every query that reads
 * it, so a statement read more than once becomes a temp table; one read once stays a view, which lets
 * DuckDB stream it into its single consumer (no copy, less memory).
 *
 * `extraReads` counts reads from outside the transform (the runner's Parquet writes and counts).
 */
export function planMaterialization(
  statements: readonly TransformStatement[],
  extraReads: Readonly<Record<string, number>> = {},
): Map<string, Materialization> {
  const plan = new Map<string, Materialization>();
  statements.forEach((statement, index) => {
    const reference = new RegExp(`\\b${statement.name}\\b`);
    const laterReads = statements.slice(index + 1).filter((later) => reference.test(later.sql)).length;
    const reads = laterReads + (extraReads[statement.name] ?? 0);
    plan.set(statement.name, reads > 1 ? 'table' : 'view');
  });
  return plan;
}
