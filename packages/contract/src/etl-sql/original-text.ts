import type { SourceField, SourceSpec } from '../sources';
import { asReadColumn, typedValueColumn as typed } from './names';
import { renderedText } from './typed-values';

/**
 * The one column that keeps the text as read of the rows whose text cannot be rebuilt from their typed
 * values (`renderedText`): NULL on almost every row. Keeping every field as read on every row doubled
 * the width of the typed rows, and an engine's typed rows cost it per column, NULL or not (on DuckDB,
 * in memory, 16 bytes and ~100 ns for each value stored). So no statement after the checks reads a raw
 * view, and the checked rows carry one column for all of it.
 */
export const ORIGINAL = '_original';

/** Ids: text that cleaning may change, but that is carried forward as its own typed value. */
const isId = (field: SourceField) => field.type === 'string' && field.required;
/** Fields whose text as read may differ from their typed value: typed fields and ids (free text never does). */
export const rebuiltFields = (spec: SourceSpec<string>) =>
  spec.fields.filter((f) => f.type !== 'string' || isId(f));

/**
 * `_original` packs the texts of `rebuiltFields` in field order, separated by chr(31); chr(30) escapes
 * itself (chr(30) e) and the separator (chr(30) d), so any text survives. Empty and NULL are the same
 * here, as everywhere in the contract. split_part, replace, concat_ws and chr exist in both engines.
 */
const SEPARATOR = 'chr(31)';
const ESCAPE = 'chr(30)';
const packedText = (texts: string[]) =>
  `concat_ws(${SEPARATOR}, ${texts.map((t) => `replace(replace(COALESCE(${t}, ''), ${ESCAPE}, ${ESCAPE} || 'e'), ${SEPARATOR}, ${ESCAPE} || 'd')`).join(', ')})`;
const unpackedText = (packed: string, position: number) =>
  `NULLIF(replace(replace(split_part(${packed}, ${SEPARATOR}, ${position}), ${ESCAPE} || 'd', ${SEPARATOR}), ${ESCAPE} || 'e', ${ESCAPE}), '')`;

/**
 * `_original` over the rows aliased `alias`, which carry the typed values and the texts as read
 * (`o_<field>`): NULL when every text as read is what its typed value renders as.
 */
export function originalExpression(spec: SourceSpec<string>, alias: string): string {
  const fields = rebuiltFields(spec);
  const rebuilt = fields
    .map(
      (f) =>
        `${alias}.${asReadColumn(f.name)} IS NOT DISTINCT FROM ${renderedText(f, `${alias}.${typed(f.name)}`)}`,
    )
    .join(' AND ');
  return `CASE WHEN ${rebuilt} THEN NULL ELSE ${packedText(fields.map((f) => `${alias}.${asReadColumn(f.name)}`))} END AS ${ORIGINAL}`;
}

/**
 * A field's text as read (NULL when empty) of the rows aliased `alias`: its typed value rendered, or,
 * on the rows that keep it, its part of `_original`. Readers disagree on a quoted empty field ("" is ''
 * in DuckDB, NULL in Spark); both are NULL here, so exact-duplicate detection and the quarantined
 * originals are the same on both engines. A malformed record's fields are all NULL.
 */
export function originalText(spec: SourceSpec<string>, field: SourceField, alias: string): string {
  if (!spec.fields.includes(field)) throw new Error(`${field.name} is not a field of ${spec.name}`);
  const position = rebuiltFields(spec).indexOf(field) + 1;
  const value = `${alias}.${typed(field.name)}`;
  if (position === 0) return value;
  return `CASE WHEN ${alias}.${ORIGINAL} IS NULL THEN ${renderedText(field, value)} ELSE ${unpackedText(`${alias}.${ORIGINAL}`, position)} END`;
}
