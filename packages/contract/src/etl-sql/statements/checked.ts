import type { SourceField, SourceSpec } from '../../sources';
import {
  asReadColumn as asRead,
  checkedView,
  RAW_VIEW_COLUMNS,
  rawView,
  cleanedTextColumn as text,
  typedValueColumn as typed,
} from '../names';
import { originalExpression, rebuiltFields } from '../original-text';
import { indent, list } from '../sql-layout';
import type { EtlStatement } from '../statement';
import { cleanedText, nonFiniteCondition, typedExpression } from '../typed-values';
import { carriedColumns } from './carried-columns';

const TYPE_PROBLEM: Record<SourceField['type'], string> = {
  string: 'empty id',
  int: 'not an integer',
  bigint: 'not an integer',
  double: 'not a number',
  date: 'not a date (expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS UTC, YYYY-MM or YYYY)',
};

function rangeText(field: SourceField): string {
  if (field.min !== undefined && field.max !== undefined) return `out of range ${field.min}..${field.max}`;
  if (field.min !== undefined) return `below ${field.min}`;
  return `above ${field.max}`;
}

/** CASE branches naming the first failing field of a row, e.g. `album_popularity: out of range 0..100`. */
function badValueBranches(spec: SourceSpec<string>): string[] {
  const branches: string[] = [];
  for (const field of spec.fields) {
    if (!field.required) continue;
    const value = typed(field.name);
    if (field.type !== 'string') {
      branches.push(`WHEN ${text(field.name)} IS NULL THEN '${field.name}: missing'`);
    }
    branches.push(`WHEN ${value} IS NULL THEN '${field.name}: ${TYPE_PROBLEM[field.type]}'`);
    if (field.type === 'double') {
      branches.push(
        `WHEN ${nonFiniteCondition(value)} THEN '${field.name}: not a finite number (beyond the double range)'`,
      );
    }
    const bounds: string[] = [];
    if (field.min !== undefined) bounds.push(`${value} < ${field.min}`);
    if (field.max !== undefined) bounds.push(`${value} > ${field.max}`);
    if (bounds.length > 0)
      branches.push(`WHEN ${bounds.join(' OR ')} THEN '${field.name}: ${rangeText(field)}'`);
  }
  return branches;
}

/** Fields whose cleaned text the bad-value checks read (to tell `missing` from `not an integer`). */
const checkedTexts = (spec: SourceSpec<string>) =>
  spec.fields.filter((f) => f.required && f.type !== 'string').map((f) => `t.${text(f.name)}`);

/**
 * `checked_<source>`: cleans, types and checks every record, in four nested levels so that each expression is
 * computed once per row: cleaned text, typed values, the first failing check, the reason.
 */
export function checkedStatement(spec: SourceSpec<string>): EtlStatement {
  const sql = [
    'SELECT',
    ...list([...carriedColumns(spec, 'c'), 'COALESCE(c._parse_error, c._detail) AS _detail']),
    'FROM (',
    '  SELECT',
    ...list(
      [
        ...RAW_VIEW_COLUMNS.map((c) => `t.${c}`),
        ...spec.fields.map((f) => `t.${typed(f.name)}`),
        originalExpression(spec, 't'),
        ['CASE', ...indent(badValueBranches(spec), '      '), '    END AS _detail'].join('\n'),
      ],
      '    ',
    ),
    '  FROM (',
    '    SELECT',
    ...list(
      [
        ...RAW_VIEW_COLUMNS.map((c) => `t.${c}`),
        ...checkedTexts(spec),
        ...rebuiltFields(spec).map((f) => `t.${asRead(f.name)}`),
        ...spec.fields.map((f) => `${typedExpression(f, `t.${text(f.name)}`)} AS ${typed(f.name)}`),
      ],
      '      ',
    ),
    '    FROM (',
    '      SELECT',
    ...list(
      [
        ...RAW_VIEW_COLUMNS.map((c) => `r.${c}`),
        ...spec.fields.map((f) => `${cleanedText(f, `r.${f.name}`)} AS ${text(f.name)}`),
        ...rebuiltFields(spec).map((f) => `NULLIF(r.${f.name}, '') AS ${asRead(f.name)}`),
      ],
      '        ',
    ),
    `      FROM ${rawView(spec.name)} r`,
    '    ) t',
    '  ) t',
    ') c',
  ].join('\n');
  return { name: checkedView(spec.name), sql, materialize: true };
}
