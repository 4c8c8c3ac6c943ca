import { describe, expect, expectTypeOf, it } from 'vitest';
import { sourceField } from '../src/sources';
import { WAREHOUSE_COLUMNS, type WarehouseRow, warehouseColumn } from '../src/warehouse';

describe('warehouse', () => {
  it('has exactly the issue’s columns in order', () => {
    expect(WAREHOUSE_COLUMNS.map((c) => `${c.name}:${c.type}`)).toEqual([
      'track_id:string',
      'track_name:string',
      'track_popularity:int',
      'duration_ms:int',
      'duration_sec:double',
      'album_id:string',
      'album_name:string',
      'album_popularity:int',
      'release_date:date',
      'release_year:int',
      'label:string',
      'artist_id:string',
      'artist_name:string',
      'artist_popularity:int',
      'followers:bigint',
      'genre:string',
    ]);
  });

  it('traces every column to a source field of the same type (release_year is derived)', () => {
    for (const column of WAREHOUSE_COLUMNS) {
      const field = sourceField(column.from.source, column.from.field);
      if ('derived' in column.from) {
        expect(column).toMatchObject({ name: 'release_year', type: 'int' });
        expect(field.type).toBe('date');
      } else {
        expect(field.type).toBe(column.type);
        expect(column.nullable).toBe(!field.required);
      }
    }
  });

  it('infers the row type from the column declarations', () => {
    expectTypeOf<WarehouseRow['followers']>().toEqualTypeOf<bigint>();
    expectTypeOf<WarehouseRow['genre']>().toEqualTypeOf<string | null>();
    expectTypeOf<WarehouseRow['release_date']>().toEqualTypeOf<string>();
    expectTypeOf<WarehouseRow['duration_sec']>().toEqualTypeOf<number>();
    expectTypeOf<keyof WarehouseRow>().toEqualTypeOf<(typeof WAREHOUSE_COLUMNS)[number]['name']>();
  });

  it('looks columns up by name', () => {
    expect(warehouseColumn('followers').type).toBe('bigint');
    expect(() => warehouseColumn('nope' as never)).toThrow('the warehouse has no column "nope"');
  });
});
