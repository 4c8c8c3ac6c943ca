import type { SourceSpec } from '../../sources';
import { dedupedView, resolvedView, typedValueColumn as typed, unresolvedView } from '../names';
import { list } from '../sql-layout';
import type { EtlStatement } from '../statement';
import { carriedColumns } from './carried-columns';
import { acceptedRows } from './fact-and-dimensions';

/**
 * The fact rows that passed the checks and deduplication but whose references find no accepted row,
 * with the first missing reference as the reason. Only these few rows are kept: carrying every fact row
 * through the joins into one wide table was the most expensive step of a run (it spilled at 10x scale);
 * the warehouse joins the dimensions itself, streaming into its write, and the quarantine and counts
 * take the reasons from here.
 */
export function unresolvedStatement(spec: SourceSpec<string>): EtlStatement {
  const missing = (fk: SourceSpec<string>['foreignKeys'][number]) =>
    `${fk.references.source}.${typed(fk.references.field)} IS NULL`;
  const joins = spec.foreignKeys.flatMap((fk) => [
    `LEFT JOIN ${acceptedRows(fk.references.source, [fk.references.field])} ${fk.references.source}`,
    `  ON ${fk.references.source}.${typed(fk.references.field)} = f.${typed(fk.field)}`,
  ]);
  const sql = [
    'SELECT',
    ...list([
      'f._record',
      [
        'CASE',
        ...spec.foreignKeys.map((fk) => `    WHEN ${missing(fk)} THEN '${fk.reason}'`),
        '  END AS _reason',
      ].join('\n'),
      [
        'CASE',
        ...spec.foreignKeys.map(
          (fk) =>
            `    WHEN ${missing(fk)} THEN '${fk.field} not found among accepted ${fk.references.source}'`,
        ),
        '  END AS _detail',
      ].join('\n'),
    ]),
    `FROM ${dedupedView(spec.name)} f`,
    ...joins,
    `WHERE f._reason IS NULL AND (${spec.foreignKeys.map(missing).join(' OR ')})`,
  ].join('\n');
  return { name: unresolvedView(spec.name), sql, materialize: true };
}

/**
 * Every fact row with its final reason, for the quarantine and the counts: its own (checks, duplicates)
 * or else a missing reference. A malformed row may share a parsed row's _record (the local runner
 * numbers it by line); its own reason is never NULL, so it never takes the parsed row's.
 */
export function resolvedStatement(spec: SourceSpec<string>): EtlStatement {
  const sql = [
    'SELECT',
    ...list([
      ...carriedColumns(spec, 'f'),
      'CASE WHEN f._reason IS NOT NULL THEN f._reason ELSE u._reason END AS _reason',
      'CASE WHEN f._reason IS NOT NULL THEN f._detail ELSE u._detail END AS _detail',
    ]),
    `FROM ${dedupedView(spec.name)} f`,
    `LEFT JOIN ${unresolvedView(spec.name)} u ON u._record = f._record`,
  ].join('\n');
  return { name: resolvedView(spec.name), sql, materialize: false };
}
