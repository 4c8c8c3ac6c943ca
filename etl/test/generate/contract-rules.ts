import { SOURCES, type SourceField, type SourceName } from '@spotify-lake/contract';

/**
 * The contract's value rules, restated independently of the SQL for test oracles: whether a raw value
 * passes its field's rule.
 */
export function passesRule(field: SourceField, raw: string): boolean {
  const value = raw.trim();
  if (field.type === 'string') return !field.required || value !== '';
  if (value === '') return false;
  let number: number;
  switch (field.type) {
    case 'int':
    case 'bigint':
      if (!(field.type === 'int' ? /^-?[0-9]{1,10}$/ : /^-?[0-9]{1,19}$/).test(value)) return false;
      number = Number(value);
      if (field.type === 'int' && (number > 2 ** 31 - 1 || number < -(2 ** 31))) return false;
      if (field.type === 'bigint' && (BigInt(value) > 2n ** 63n - 1n || BigInt(value) < -(2n ** 63n)))
        return false;
      break;
    case 'double':
      if (!/^-?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]{1,3})?$/.test(value)) return false;
      number = Number(value);
      break;
    case 'date': {
      const match = /^([1-9][0-9]{3})(-([0-9]{2})(-([0-9]{2})( [0-9]{2}:[0-9]{2}:[0-9]{2}( UTC)?)?)?)?$/.exec(
        value,
      );
      if (!match) return false;
      const [year, month, day] = [Number(match[1]), Number(match[3] ?? 1), Number(match[5] ?? 1)];
      const date = new Date(Date.UTC(year, month - 1, day));
      return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    }
  }
  if (field.min !== undefined && number < field.min) return false;
  if (field.max !== undefined && number > field.max) return false;
  return true;
}

/** Whether every field of a parsed row passes its rule. */
export function rowPasses(source: SourceName, row: Record<string, unknown>): boolean {
  return SOURCES[source].fields.every((f) => passesRule(f, (row[f.name] as string | null) ?? ''));
}
