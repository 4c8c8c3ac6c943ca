import { describe, expect, it } from 'vitest';
import { bigint, contains, containsPattern, date, integer, limit, string } from '../../src/define/params';

describe('integer', () => {
  const p = integer({ description: 'x', min: 1, max: 100 });
  it('accepts integers in range and states its rule', () => {
    expect(p.check(1)).toEqual({ ok: true, bound: { type: 'integer', value: 1 } });
    expect(p.check(100).ok).toBe(true);
    expect(p.rule).toBe('an integer from 1 to 100');
    expect(p.optional).toBe(false);
  });
  it.each([0, 101, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5', 5n, null])('refuses %s', (value) => {
    expect(p.check(value).ok).toBe(false);
  });
  it('parses command-line text strictly', () => {
    expect(p.parse('42')).toBe(42);
    expect(p.parse('4x')).toBe('4x');
  });
  it('refuses bounds beyond 32 bits and a default breaking its rule', () => {
    expect(() => integer({ description: 'x', min: 0, max: 2 ** 31 })).toThrow(/32-bit/);
    expect(() => integer({ description: 'x', min: 1, max: 5, default: 9 })).toThrow(/default 9 breaks/);
  });
});

describe('limit', () => {
  it('defaults to the given value (documented in its description) and caps at max', () => {
    const p = limit(10);
    expect(p.default).toBe(10);
    expect(p.optional).toBe(true);
    expect(p.description).toContain('default 10');
    expect(p.check(1000).ok).toBe(true);
    expect(p.check(1001).ok).toBe(false);
    expect(limit(5, 50).check(51).ok).toBe(false);
  });
});

describe('bigint', () => {
  const p = bigint({ description: 'x', min: 0n, max: 2n ** 63n - 1n, default: 0 });
  it('accepts bigints and safe integer numbers beyond 2^31', () => {
    expect(p.check(3_000_000_000)).toEqual({ ok: true, bound: { type: 'bigint', value: 3_000_000_000n } });
    expect(p.check(2n ** 62n).ok).toBe(true);
    expect(p.check(-1).ok).toBe(false);
    expect(p.check(2 ** 53).ok).toBe(false);
    expect(p.check(1.5).ok).toBe(false);
    expect(p.parse('9007199254740993')).toBe(9007199254740993n);
  });
});

describe('string', () => {
  it('checks length (default 1 to 200) and Unicode', () => {
    const p = string({ description: 'x' });
    expect(p.rule).toBe('text of 1 to 200 characters');
    expect(p.check('').ok).toBe(false);
    expect(p.check('x'.repeat(201)).ok).toBe(false);
    expect(p.check('a\uD800').ok).toBe(false);
    expect(p.check("O'Brien").ok).toBe(true);
    expect(string({ description: 'x', minLength: 0, default: '' }).check('').ok).toBe(true);
  });
});

describe('contains', () => {
  it('binds a LIKE pattern with %, _ and ! escaped', () => {
    expect(containsPattern('50%_off!')).toBe('%50!%!_off!!%');
    const p = contains({ description: 'x' });
    expect(p.check('a_b')).toEqual({ ok: true, bound: { type: 'varchar', value: '%a!_b%' } });
    expect(p.check('').ok).toBe(false);
  });
});

describe('date', () => {
  it('accepts calendar dates within bounds', () => {
    const p = date({ description: 'x', min: '2000-01-01' });
    expect(p.check('2020-02-29')).toEqual({ ok: true, bound: { type: 'date', value: '2020-02-29' } });
    expect(p.check('1999-12-31').ok).toBe(false);
    expect(p.check('2021-02-29').ok).toBe(false);
    expect(p.rule).toBe('a date YYYY-MM-DD from 2000-01-01 to 9999-12-31');
    expect(() => date({ description: 'x', min: '2020-01-01', max: '2019-01-01' })).toThrow(/invalid/);
  });
});
