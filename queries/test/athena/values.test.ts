import { describe, expect, it } from 'vitest';
import { athenaConverter, parseStructured } from '../../src/athena/values';

const convert = (type: string, text: string | undefined) => athenaConverter({ Name: 'c', Type: type })(text);

describe('athenaConverter', () => {
  it.each([
    ['varchar', 'Beyoncé', 'Beyoncé'],
    ['varchar', '', ''],
    ['char', 'ab ', 'ab '],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['tinyint', '-128', -128],
    ['smallint', '32767', 32767],
    ['integer', '-2147483648', -2147483648],
    ['bigint', '9223372036854775807', 9223372036854775807n],
    ['bigint', '-42', -42n],
    ['real', '1.5', 1.5],
    ['double', '1234.5678', 1234.5678],
    ['double', '1.0E-5', 0.00001],
    ['double', 'Infinity', Number.POSITIVE_INFINITY],
    ['double', '-Infinity', Number.NEGATIVE_INFINITY],
    ['decimal', '12345678901234567890.123456789', '12345678901234567890.123456789'],
    ['date', '2016-11-10', '2016-11-10'],
    ['timestamp', '2016-11-10 00:00:00.000', '2016-11-10 00:00:00.000'],
    ['timestamp with time zone', '2016-11-10 00:00:00.000 UTC', '2016-11-10 00:00:00.000 UTC'],
    ['json', '{"a":1}', '{"a":1}'],
    ['array', '[pop, dance pop]', ['pop', 'dance pop']],
    ['array', '[]', []],
    ['array', '[1, null, 3]', ['1', null, '3']],
    ['row', '{artist_id=ar1, followers=3000000000}', { artist_id: 'ar1', followers: '3000000000' }],
    ['map', '{rock=2, pop=1}', { rock: '2', pop: '1' }],
    ['row', '{name=x, tags=[a, b], inner={k=v}}', { name: 'x', tags: ['a', 'b'], inner: { k: 'v' } }],
    ['unknown', 'anything', null],
  ])('%s %j', (type, text, expected) => {
    expect(convert(type, text)).toEqual(expected);
  });

  it('reads NaN', () => {
    expect(convert('double', 'NaN')).toBeNaN();
  });

  it('turns a missing VarCharValue into null for every type', () => {
    for (const type of [
      'varchar',
      'boolean',
      'tinyint',
      'smallint',
      'integer',
      'bigint',
      'real',
      'double',
      'decimal',
      'date',
      'timestamp',
      'array',
      'row',
      'map',
    ]) {
      expect(convert(type, undefined), type).toBeNull();
    }
  });

  it.each([
    ['integer', '2147483648', /not a integer/],
    ['integer', '1.5', /not a integer/],
    ['tinyint', '128', /not a tinyint/],
    ['bigint', '1e3', /not a bigint/],
    ['double', 'abc', /not a number/],
    ['double', '', /not a number/],
    ['boolean', 'yes', /not a boolean/],
    ['date', '10/11/2016', /not a date/],
    ['array', '[a, b', /cannot read/],
  ])('refuses %s %j', (type, text, message) => {
    expect(() => convert(type, text)).toThrow(message);
  });

  it('accepts parameterised type names and refuses unknown types by column name', () => {
    expect(convert('varchar(10)', 'x')).toBe('x');
    expect(convert('decimal(10,2)', '1.50')).toBe('1.50');
    expect(() => athenaConverter({ Name: 'geo', Type: 'geometry' })).toThrow(
      'column "geo" has type "geometry", which this runner cannot convert',
    );
  });

  it('parses nested structures', () => {
    expect(parseStructured('[[1, 2], [3]]')).toEqual([['1', '2'], ['3']]);
    expect(parseStructured('{}')).toEqual({});
  });
});
