import { SOURCES, type SourceField, type SourceName } from '@spotify-lake/contract';
import type { Random } from './random';

/** A source's header, straight from the contract. */
export const header = (source: SourceName): string[] => SOURCES[source].fields.map((f) => f.name);

/** Position of every contract field in a source's rows, so rows are built in contract order. */
export function fieldPositions(source: SourceName): Readonly<Record<string, number>> {
  return Object.fromEntries(SOURCES[source].fields.map((f, i) => [f.name, i]));
}

/** Fields a bad value can be planted in: the required ones (ids and measures), from the contract. */
export const checkedFields = (source: SourceName): SourceField[] =>
  SOURCES[source].fields.filter((f) => f.required);

/**
 * A value that breaks the field's contract rule, chosen among every way the rule can fail: empty,
 * not of the type, below its minimum, above its maximum, not a date.
 */
export function badValue(field: SourceField, rng: Random): string {
  const options: string[] = [''];
  switch (field.type) {
    case 'string':
      options.push('   ');
      break;
    case 'int':
    case 'bigint':
      options.push('12.5', 'n/a', '1,5', '99999999999999999999');
      break;
    case 'double':
      options.push('abc', '1.2.3', '4:05');
      break;
    case 'date':
      options.push('unknown', '10/11/2016', 'TBA', '2016/11/10');
      break;
  }
  if (field.min !== undefined) options.push(String(field.min - 1 - rng.int(1000)));
  if (field.max !== undefined) options.push(String(field.max + 1 + rng.int(1000)));
  return rng.pick(options);
}
