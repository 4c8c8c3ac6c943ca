import { describe, expect, it } from 'vitest';
import {
  dateLiteral,
  doubleLiteral,
  hasLoneSurrogate,
  integerLiteral,
  isIsoDate,
  stringLiteral,
} from '../../src/sql/literal';

describe('stringLiteral', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it''s'"],
    ["\\'", "'\\'''"],
    ["'; DROP TABLE datawarehouse; --", "'''; DROP TABLE datawarehouse; --'"],
    ['', "''"],
    ['Δέλτα 🎵', "'Δέλτα 🎵'"],
  ])('renders %j as %s', (value, literal) => {
    expect(stringLiteral(value)).toBe(literal);
  });

  it('refuses a lone surrogate and non-strings', () => {
    expect(() => stringLiteral('a\uD800b')).toThrow(/lone UTF-16 surrogate/);
    expect(() => stringLiteral(5 as unknown as string)).toThrow(/expected a string/);
  });
});

describe('integerLiteral and doubleLiteral', () => {
  it('renders integers and refuses anything else', () => {
    expect(integerLiteral(42)).toBe('42');
    expect(integerLiteral(-7)).toBe('-7');
    expect(integerLiteral(3000000000n)).toBe('3000000000');
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expect(() => integerLiteral(bad)).toThrow(/safe integer/);
  });

  it('renders doubles in exponent form, finite only', () => {
    expect(doubleLiteral(1.5)).toBe('1.5E0');
    expect(doubleLiteral(-0.001)).toBe('-1E-3');
    expect(doubleLiteral(12345)).toBe('1.2345E4');
    expect(() => doubleLiteral(Number.NaN)).toThrow(/finite/);
    expect(() => doubleLiteral(Number.NEGATIVE_INFINITY)).toThrow(/finite/);
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('0999-01-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate("2023-01-01' OR '1'='1")).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
  });

  it('renders DATE literals', () => {
    expect(dateLiteral('2020-09-22')).toBe("DATE '2020-09-22'");
    expect(() => dateLiteral('2020-09-31')).toThrow(/YYYY-MM-DD/);
  });

  it('finds lone surrogates but not pairs', () => {
    expect(hasLoneSurrogate('🎵')).toBe(false);
    expect(hasLoneSurrogate('\uDC00')).toBe(true);
    expect(hasLoneSurrogate('x\uD83C')).toBe(true);
  });
});
