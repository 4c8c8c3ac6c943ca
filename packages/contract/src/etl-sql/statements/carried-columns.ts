import type { SourceSpec } from '../../sources';
import { RAW_VIEW_COLUMNS, typedValueColumn } from '../names';
import { ORIGINAL } from '../original-text';

/**
 * Columns every per-source view carries forward: the record's identity, the typed values and what
 * rebuilds the text as read (`_original`).
 */
export function carriedColumns(spec: SourceSpec<string>, alias: string): string[] {
  return [
    ...RAW_VIEW_COLUMNS.map((c) => `${alias}.${c}`),
    ...spec.fields.map((f) => `${alias}.${typedValueColumn(f.name)}`),
    `${alias}.${ORIGINAL}`,
  ];
}

/**
 * The checks' verdict is one column, `_detail`: NULL for a valid row, else what is wrong (the parser's
 * problem for a malformed record). The reason follows from it, so the checked rows do not carry it.
 */
export const checkReason = (alias: string) =>
  `CASE WHEN ${alias}._parse_error IS NOT NULL THEN 'malformed_row' ELSE 'bad_value' END`;
