import { describe, expect, expectTypeOf, it } from 'vitest';
import { LOGICAL_TYPES, PHYSICAL_TYPES, physicalType, type TsTypeOf } from '../src/logical-types';

describe('logical types', () => {
  it('maps every logical type for every engine', () => {
    for (const type of LOGICAL_TYPES) {
      const physical = PHYSICAL_TYPES[type];
      expect(Object.keys(physical).sort()).toEqual(['athena', 'duckdb', 'glue', 'spark', 'typescript']);
      for (const value of Object.values(physical)) expect(value).toMatch(/^[A-Za-z]+$/);
    }
  });

  it('keeps followers-sized numbers exact and dates zone-free', () => {
    expect(PHYSICAL_TYPES.bigint).toMatchObject({ glue: 'bigint', duckdb: 'BIGINT', typescript: 'bigint' });
    expect(PHYSICAL_TYPES.date).toMatchObject({ glue: 'date', athena: 'date', typescript: 'string' });
  });

  it('infers TypeScript types from logical types', () => {
    expectTypeOf<TsTypeOf<'string'>>().toEqualTypeOf<string>();
    expectTypeOf<TsTypeOf<'int'>>().toEqualTypeOf<number>();
    expectTypeOf<TsTypeOf<'double'>>().toEqualTypeOf<number>();
    expectTypeOf<TsTypeOf<'bigint'>>().toEqualTypeOf<bigint>();
    expectTypeOf<TsTypeOf<'date'>>().toEqualTypeOf<string>();
  });

  it('rejects an unknown logical type with the list of known ones', () => {
    expect(() => physicalType('uuid' as never)).toThrow(
      'unknown logical type "uuid"; expected one of string, int',
    );
  });
});
