import { describe, expect, it } from 'vitest';
import { d3NumberFormat, d3TimeFormat, formatValue } from '../../src/local/value-format';
import { formats } from '../../src/spec/fields';

describe('formats', () => {
  it('gives Vega-Lite axes the d3 format of each number format', () => {
    expect(d3NumberFormat(formats.integer)).toBe(',.0f');
    expect(d3NumberFormat(formats.compact)).toBe('.3~s');
    expect(d3NumberFormat(formats.year)).toBe('.0f');
    expect(d3NumberFormat({ kind: 'number' })).toBe(',~f');
    expect(d3NumberFormat(undefined)).toBeUndefined();
    expect(d3TimeFormat({ kind: 'date', pattern: 'MMM YYYY' })).toBe('%b %Y');
  });

  it('formats KPI and table values the same way', () => {
    expect(formatValue(1234567, formats.integer)).toBe('1,234,567');
    expect(formatValue(1234567, formats.compact)).toBe('1.2M');
    expect(formatValue(61.349, formats.oneDecimal)).toBe('61.3');
    expect(formatValue(2023, formats.year)).toBe('2023');
    expect(formatValue(5, { kind: 'number', prefix: '$', suffix: ' USD', decimals: 2 })).toBe('$5.00 USD');
    expect(formatValue('2021-03-05', { kind: 'date', pattern: 'MMM YYYY' })).toBe('Mar 2021');
    expect(formatValue('2021-03-05', { kind: 'date', pattern: 'YYYY' })).toBe('2021');
    expect(formatValue(null, formats.integer)).toBe('—');
    expect(formatValue('Wave', undefined)).toBe('Wave');
  });
});
