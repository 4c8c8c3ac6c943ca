import type { ColumnInfo } from '@aws-sdk/client-athena';

/** A value of an Athena result, converted from its text form by the column's type. */
export type AthenaValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | AthenaValue[]
  | { [key: string]: AthenaValue };

/** Converts one cell's `VarCharValue` (undefined for SQL NULL) or throws a message describing the problem. */
export type AthenaConverter = (text: string | undefined) => AthenaValue;

const INTEGER_TEXT = /^-?[0-9]+$/;
const FLOAT_SPECIALS: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};
const DATE_TEXT = /^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}$/;

const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  integer: [-(2 ** 31), 2 ** 31 - 1],
  int: [-(2 ** 31), 2 ** 31 - 1],
};

const asString: AthenaConverter = (text) => (text === undefined ? null : text);

function smallInteger(type: string): AthenaConverter {
  const [min, max] = INT_RANGES[type]!;
  return (text) => {
    if (text === undefined) return null;
    const value = Number(text);
    if (!INTEGER_TEXT.test(text) || value < min || value > max)
      throw new Error(`${JSON.stringify(text)} is not a ${type}`);
    return value;
  };
}

const bigintValue: AthenaConverter = (text) => {
  if (text === undefined) return null;
  if (!INTEGER_TEXT.test(text)) throw new Error(`${JSON.stringify(text)} is not a bigint`);
  return BigInt(text);
};

const floating: AthenaConverter = (text) => {
  if (text === undefined) return null;
  const special = FLOAT_SPECIALS[text];
  if (special !== undefined) return special;
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new Error(`${JSON.stringify(text)} is not a number`);
  return value;
};

const booleanValue: AthenaConverter = (text) => {
  if (text === undefined) return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new Error(`${JSON.stringify(text)} is not a boolean`);
};

const dateValue: AthenaConverter = (text) => {
  if (text === undefined) return null;
  if (!DATE_TEXT.test(text)) throw new Error(`${JSON.stringify(text)} is not a date YYYY-MM-DD`);
  return text;
};

/**
 * Trino's text form of arrays, maps and rows: `[1, 2]`, `{a=1, b=[x, y]}`. Athena reports only `array`, `map`
 * or `row` as the type, not the element types, so leaves stay strings (`null` becomes null). A string element
 * that itself contains `, `, `=`, brackets or braces cannot be told apart from structure: this text form is
 * lossy, and a query needing exact nested values should return them with `json_format(CAST(x AS JSON))`.
 */
export function parseStructured(text: string): AthenaValue {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`cannot read ${JSON.stringify(text)} as an array/map/row: ${what} at character ${pos}`);
  };
  const leaf = (stops: string): AthenaValue => {
    let depth = 0;
    const start = pos;
    while (pos < text.length) {
      const c = text[pos]!;
      if (depth === 0 && (stops.includes(c) || (c === ',' && text[pos + 1] === ' '))) break;
      if (c === '[' || c === '{') depth++;
      if (c === ']' || c === '}') depth--;
      pos++;
    }
    const raw = text.slice(start, pos);
    return raw === 'null' ? null : raw;
  };
  const value = (stops: string): AthenaValue => {
    if (text[pos] === '[') return array();
    if (text[pos] === '{') return object();
    return leaf(stops);
  };
  const array = (): AthenaValue[] => {
    pos++; // [
    const items: AthenaValue[] = [];
    if (text[pos] === ']') {
      pos++;
      return items;
    }
    for (;;) {
      items.push(value(']'));
      if (text[pos] === ']') {
        pos++;
        return items;
      }
      if (text.startsWith(', ', pos)) pos += 2;
      else fail('expected ", " or "]"');
    }
  };
  const object = (): { [key: string]: AthenaValue } => {
    pos++; // {
    const entries: { [key: string]: AthenaValue } = {};
    if (text[pos] === '}') {
      pos++;
      return entries;
    }
    for (;;) {
      const eq = text.indexOf('=', pos);
      if (eq < 0) fail('expected "key="');
      const key = text.slice(pos, eq);
      pos = eq + 1;
      entries[key] = value('}');
      if (text[pos] === '}') {
        pos++;
        return entries;
      }
      if (text.startsWith(', ', pos)) pos += 2;
      else fail('expected ", " or "}"');
    }
  };
  const result = value('');
  if (pos !== text.length) fail('unexpected text');
  return result;
}

const structured: AthenaConverter = (text) => (text === undefined ? null : parseStructured(text));

/** The converter for a result column, chosen once per column from `ColumnInfo.Type`. */
export function athenaConverter(column: Pick<ColumnInfo, 'Name' | 'Type'>): AthenaConverter {
  const type = (column.Type ?? '').toLowerCase().trim();
  if (type in INT_RANGES) return smallInteger(type);
  switch (type) {
    case 'varchar':
    case 'char':
    case 'json':
    case 'uuid':
    case 'ipaddress':
    case 'varbinary':
    case 'time':
    case 'time with time zone':
    case 'interval day to second':
    case 'interval year to month':
    // Decimals stay text so that no digit is lost; timestamps stay text so that no time zone shifts them.
    case 'decimal':
    case 'timestamp':
    case 'timestamp with time zone':
      return asString;
    case 'boolean':
      return booleanValue;
    case 'bigint':
      return bigintValue;
    case 'real':
    case 'float':
    case 'double':
      return floating;
    case 'date':
      return dateValue;
    case 'array':
    case 'map':
    case 'row':
      return structured;
    case 'unknown':
      // The type of a bare NULL literal.
      return () => null;
    default:
      if (type.startsWith('varchar') || type.startsWith('char')) return asString;
      if (type.startsWith('decimal') || type.startsWith('timestamp')) return asString;
      throw new Error(`column "${column.Name}" has type "${column.Type}", which this runner cannot convert`);
  }
}
