import {
  LAKE_ZONES,
  PHYSICAL_TYPES,
  QUARANTINE_COLUMNS,
  QUARANTINE_TABLE,
  SOURCE_NAMES,
  SOURCES,
  stagingPrefix,
  WAREHOUSE_COLUMNS,
  WAREHOUSE_TABLE,
} from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { OPEN_CSV_FORMAT, PARQUET_FORMAT } from '../../src/glue/storage-formats';
import {
  catalogTableDefinitions,
  quarantineTableDefinition,
  stagingTableDefinition,
  warehouseTableDefinition,
} from '../../src/glue/table-definitions';

describe('warehouseTableDefinition', () => {
  const table = warehouseTableDefinition();

  it('is the contract warehouse table over the warehouse zone, as Parquet', () => {
    expect(table.name).toBe(WAREHOUSE_TABLE);
    expect(table.prefix).toBe(LAKE_ZONES.warehouse);
    expect(table.format).toBe(PARQUET_FORMAT);
  });

  it('has the contract columns, in order, with their Glue types', () => {
    expect(table.columns.map((c) => [c.name, c.type])).toEqual(
      WAREHOUSE_COLUMNS.map((c) => [c.name, PHYSICAL_TYPES[c.type].glue]),
    );
  });

  it('types ids as string, counts as bigint and dates as date', () => {
    const type = (name: string) => table.columns.find((c) => c.name === name)?.type;
    expect([type('track_id'), type('followers'), type('release_date'), type('duration_sec')]).toEqual([
      'string',
      'bigint',
      'date',
      'double',
    ]);
  });

  it('carries the contract descriptions as column comments', () => {
    expect(table.columns.map((c) => c.comment)).toEqual(WAREHOUSE_COLUMNS.map((c) => c.description));
  });
});

describe('stagingTableDefinition', () => {
  it.each(SOURCE_NAMES)('%s: every contract field as string, in the contract (header) order', (source) => {
    const table = stagingTableDefinition(source);
    expect(table.name).toBe(`staging_${source}`);
    expect(table.prefix).toBe(stagingPrefix(source));
    expect(table.format).toBe(OPEN_CSV_FORMAT);
    expect(table.columns.map((c) => c.name)).toEqual(SOURCES[source].fields.map((f) => f.name));
    expect(new Set(table.columns.map((c) => c.type))).toEqual(new Set([PHYSICAL_TYPES.string.glue]));
  });

  it('records the contract type in the comment, since the column itself is text', () => {
    const duration = stagingTableDefinition('albums').columns.find((c) => c.name === 'duration_ms');
    expect(duration?.comment).toMatch(/Contract type: int\.$/);
  });
});

describe('quarantineTableDefinition', () => {
  it('has the contract quarantine columns with their Glue types, as Parquet', () => {
    const table = quarantineTableDefinition();
    expect(table.name).toBe(QUARANTINE_TABLE);
    expect(table.prefix).toBe(LAKE_ZONES.quarantine);
    expect(table.format).toBe(PARQUET_FORMAT);
    expect(table.columns.map((c) => [c.name, c.type])).toEqual(
      QUARANTINE_COLUMNS.map((c) => [c.name, PHYSICAL_TYPES[c.type].glue]),
    );
    expect(table.columns.find((c) => c.name === 'record')?.type).toBe('bigint');
  });
});

describe('catalogTableDefinitions', () => {
  it('declares the warehouse, one staging table per source and the quarantine, once each', () => {
    const names = catalogTableDefinitions().map((t) => t.name);
    expect(names).toEqual([WAREHOUSE_TABLE, ...SOURCE_NAMES.map((s) => `staging_${s}`), QUARANTINE_TABLE]);
    expect(new Set(catalogTableDefinitions().map((t) => t.prefix)).size).toBe(names.length);
  });

  it('keeps column comments within the 255 characters Glue allows', () => {
    for (const table of catalogTableDefinitions()) {
      for (const column of table.columns) expect(column.comment.length).toBeLessThanOrEqual(255);
    }
  });
});
