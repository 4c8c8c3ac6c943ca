import { describe, expect, it } from 'vitest';
import { quoteIdentifier } from '../../src/sql/identifier';

describe('quoteIdentifier', () => {
  it('quotes names and doubles embedded quotes', () => {
    expect(quoteIdentifier('datawarehouse')).toBe('"datawarehouse"');
    expect(quoteIdentifier('spotify-lake-dev')).toBe('"spotify-lake-dev"');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });

  it('refuses empty, over-long and control-character names, naming what was wrong', () => {
    expect(() => quoteIdentifier('', 'database')).toThrow('database must be a non-empty string');
    expect(() => quoteIdentifier('x'.repeat(256), 'catalog')).toThrow(/catalog .* longer than 255/);
    expect(() => quoteIdentifier('a\nb', 'warehouse table')).toThrow(
      /warehouse table "a\\nb" contains a control character/,
    );
  });
});
