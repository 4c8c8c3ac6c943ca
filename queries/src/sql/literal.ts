/**
 * SQL literals for Athena's `ExecutionParameters`. Athena substitutes each parameter as the text of a literal,
 * so every value is rendered here from a checked, typed value: nothing a caller types reaches the SQL text
 * except inside a string literal whose quotes are doubled.
 */

/** `'it''s'`: a Trino string literal. Trino gives backslashes no meaning, so only quotes need doubling. */
export function stringLiteral(value: string): string {
  if (typeof value !== 'string') throw new TypeError(`expected a string, got ${typeof value}`);
  if (hasLoneSurrogate(value))
    throw new RangeError('string contains a lone UTF-16 surrogate (not valid Unicode)');
  return `'${value.replace(/'/g, "''")}'`;
}

/** An integer literal; refuses anything that is not a finite integer so `NaN`, `1e400` or `1.5` never pass. */
export function integerLiteral(value: number | bigint): string {
  if (typeof value === 'bigint') return value.toString(10);
  if (!Number.isSafeInteger(value)) throw new RangeError(`expected a safe integer, got ${String(value)}`);
  return String(value);
}

/** A double literal in exponent form (`1.5E0`) so Trino types it as DOUBLE, not DECIMAL. */
export function doubleLiteral(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new RangeError(`expected a finite number, got ${String(value)}`);
  return value.toExponential().toUpperCase().replace('E+', 'E');
}

/** `DATE '2020-01-31'`, from a value already checked by isIsoDate. */
export function dateLiteral(value: string): string {
  if (!isIsoDate(value)) throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return `DATE '${value}'`;
}

/** A real calendar date written `YYYY-MM-DD` (years 1000-9999, as in the contract). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function hasLoneSurrogate(value: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}
