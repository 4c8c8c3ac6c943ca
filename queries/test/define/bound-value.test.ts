import { describe, expect, it } from 'vitest';
import { athenaLiteral } from '../../src/define/bound-value';

describe('athenaLiteral', () => {
  it('renders each bound type as a safe literal', () => {
    expect(athenaLiteral({ type: 'integer', value: 10 })).toBe('10');
    expect(athenaLiteral({ type: 'bigint', value: 3_000_000_000n })).toBe('3000000000');
    expect(athenaLiteral({ type: 'varchar', value: "it's" })).toBe("'it''s'");
    expect(athenaLiteral({ type: 'date', value: '2020-01-31' })).toBe("DATE '2020-01-31'");
  });
  it('refuses an integer beyond 32 bits', () => {
    expect(() => athenaLiteral({ type: 'integer', value: 2 ** 31 })).toThrow(/32-bit/);
  });
});
