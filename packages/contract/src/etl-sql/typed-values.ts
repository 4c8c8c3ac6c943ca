import { physicalType } from '../logical-types';
import type { SourceField } from '../sources';

/**
 * How the ETL SQL turns a field's text into a typed value, in the common subset of Spark SQL (3.5) and DuckDB:
 * numbers are validated by regex before TRY_CAST, because the engines' casts disagree on input such as '12.5'
 * (DuckDB rounds to 13, Spark truncates to 12); `regexp_like` is Spark's, which the local runner defines in
 * DuckDB as a macro.
 *
 * A pattern must match the whole text, but `$` does not say that on Spark: Java's `$` also matches before a final
 * line break, and Spark's casts then trim it, so a quoted `"42\n"` would be 42 on Spark and not a number on DuckDB.
 * Every pattern therefore ends with a sentinel the text is given (`text || '#'`, `...#$`): `#` is the last
 * character, so `$` can only match at the very end, and no pattern lets a `#` or a line break through. It costs
 * DuckDB nothing measurable (a string concatenation beside the regex; see docs/benchmarks.md).
 */

/** Appended to a text before it is matched, and ending every pattern: see above. */
export const END_SENTINEL = '#';
const whole = (pattern: string) => `'^${pattern}${END_SENTINEL}$'`;
const INTEGER_PATTERN = { int: whole('-?[0-9]{1,10}'), bigint: whole('-?[0-9]{1,19}') } as const;
const DECIMAL_PATTERN = whole('-?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]{1,3})?');
/** Years 1000-9999 only: the engines disagree on year 0 and below. */
const DATE_PATTERNS = {
  day: whole('[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2}( UTC)?)?'),
  month: whole('[1-9][0-9]{3}-[0-9]{2}'),
  year: whole('[1-9][0-9]{3}'),
};
/**
 * The largest finite double. Both engines cast `1e400` to Infinity; the contract's numbers are finite, so a double
 * beyond this is a bad value.
 */
export const MAX_FINITE_DOUBLE = '1.7976931348623157E308';

/** Whether a text matches a pattern as a whole (see the sentinel above). */
const matches = (text: string, pattern: string) => `regexp_like(${text} || '${END_SENTINEL}', ${pattern})`;

/**
 * SQL expression for a field's text as the checks see it: NULL when empty, and for ids and typed fields
 * without surrounding spaces. Spaces only: DuckDB's one-argument TRIM also strips tabs and line breaks,
 * Spark's does not, so `TRIM(BOTH ' ' FROM ...)` keeps the engines in agreement. The LIKE guard skips
 * the copy that TRIM makes of every value: on DuckDB that copy was most of the cost of checking a row
 * (3 ids: 250 ms for 438k rows with TRIM, 16 ms guarded). Free text is kept exactly as written.
 */
export function cleanedText(field: SourceField, column: string): string {
  if (field.type === 'string' && !field.required) return `NULLIF(${column}, '')`;
  return `NULLIF(CASE WHEN ${column} LIKE ' %' OR ${column} LIKE '% ' THEN TRIM(BOTH ' ' FROM ${column}) ELSE ${column} END, '')`;
}

/** SQL expression typing a field's cleaned text (`cleanedText`), NULL when it is not a valid value of its type. */
export function typedExpression(field: SourceField, text: string): string {
  switch (field.type) {
    case 'string':
      return text;
    case 'int':
    case 'bigint':
      return `CASE WHEN ${matches(text, INTEGER_PATTERN[field.type])} THEN TRY_CAST(${text} AS ${physicalType(field.type).spark}) END`;
    case 'double':
      return `CASE WHEN ${matches(text, DECIMAL_PATTERN)} THEN TRY_CAST(${text} AS DOUBLE) END`;
    case 'date':
      return [
        'CASE',
        `WHEN ${matches(text, DATE_PATTERNS.day)} THEN TRY_CAST(substring(${text}, 1, 10) AS DATE)`,
        `WHEN ${matches(text, DATE_PATTERNS.month)} THEN TRY_CAST(${text} || '-01' AS DATE)`,
        `WHEN ${matches(text, DATE_PATTERNS.year)} THEN TRY_CAST(${text} || '-01-01' AS DATE)`,
        'END',
      ].join(' ');
  }
}

/** SQL condition: a double's typed value is beyond the finite range (the cast gave Infinity). */
export function nonFiniteCondition(value: string): string {
  return `ABS(${value}) > ${MAX_FINITE_DOUBLE}`;
}

/**
 * What a typed value renders as: the text as read on almost every row. The dataset writes dates as
 * `2016-11-10 00:00:00 UTC`, so that is the rendering of a date. Each engine renders with its own casts,
 * and compares with the same ones, so what it rebuilds is exactly what it read.
 */
export function renderedText(field: SourceField, value: string): string {
  switch (field.type) {
    case 'string':
      return value;
    case 'date':
      return `CAST(${value} AS STRING) || ' 00:00:00 UTC'`;
    default:
      return `CAST(${value} AS STRING)`;
  }
}
