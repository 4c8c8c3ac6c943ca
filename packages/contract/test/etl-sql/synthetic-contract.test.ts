import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataContract } from '../../src/data-contract';
import { DUCKDB_SHIMS, etlStatements, RAW_VIEW_COLUMNS, rawView, renderEtlSql } from '../../src/etl-sql';
import type { SourceSpec } from '../../src/sources';

/**
 * A contract the Spotify one is not: two sources, a single-field key, a numeric measure and one reference.
 * The generator must build a working ETL from whatever contract it is given.
 */
const customers: SourceSpec<string> = {
  name: 'customers',
  file: 'customers.csv',
  description: 'Customers.',
  fields: [
    { name: 'id', type: 'string', required: true, description: 'Customer id.' },
    { name: 'name', type: 'string', required: false, description: 'Name.' },
  ],
  key: ['id'],
  foreignKeys: [],
};
const orders: SourceSpec<string> = {
  name: 'orders',
  file: 'orders.csv',
  description: 'Orders.',
  fields: [
    { name: 'order_id', type: 'string', required: true, description: 'Order id.' },
    { name: 'customer_id', type: 'string', required: true, description: 'Who ordered.' },
    { name: 'amount', type: 'double', required: true, min: 0, description: 'Amount.' },
  ],
  key: ['order_id'],
  foreignKeys: [
    { field: 'customer_id', references: { source: 'customers', field: 'id' }, reason: 'unknown_artist' },
  ],
};
const SHOP: DataContract = {
  sources: [customers, orders],
  warehouse: {
    table: 'sales',
    columns: [
      {
        name: 'order_id',
        type: 'string',
        nullable: false,
        description: '',
        from: { source: 'orders', field: 'order_id' },
      },
      {
        name: 'amount',
        type: 'double',
        nullable: false,
        description: '',
        from: { source: 'orders', field: 'amount' },
      },
      {
        name: 'customer_name',
        type: 'string',
        nullable: true,
        description: '',
        from: { source: 'customers', field: 'name' },
      },
    ],
  },
  quarantine: { table: 'rejected' },
};

let db: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  connection = await db.connect();
  for (const shim of DUCKDB_SHIMS) await connection.run(shim);
});
afterAll(() => {
  connection.closeSync();
  db.closeSync();
});

const literal = (value: string | null) => (value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`);

async function run(contract: DataContract, raw: Record<string, (string | null)[][]>) {
  for (const spec of contract.sources) {
    const columns = [...RAW_VIEW_COLUMNS, ...spec.fields.map((f) => f.name)];
    const values = raw[spec.name]!.map(
      (fields, i) => `(${[String(i + 1), 'NULL', 'NULL', ...fields.map(literal)].join(', ')})`,
    );
    await connection.run(
      `CREATE OR REPLACE TEMP VIEW ${rawView(spec.name)} AS SELECT CAST(_record AS BIGINT) AS _record, ${columns
        .slice(1)
        .map((c) => `CAST(${c} AS VARCHAR) AS ${c}`)
        .join(', ')} FROM (VALUES ${values.join(', ')}) t(${columns.join(', ')})`,
    );
  }
  for (const statement of etlStatements(contract)) {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${statement.name} AS ${statement.sql}`);
  }
  const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
  return {
    warehouse: await read(`SELECT * FROM ${contract.warehouse.table} ORDER BY order_id`),
    quarantine: await read(
      `SELECT source, record, reason, detail FROM ${contract.quarantine.table} ORDER BY source, record`,
    ),
  };
}

describe('the ETL SQL generated from a contract passed in', () => {
  it('names its statements after that contract: sources, warehouse and quarantine tables', () => {
    expect(etlStatements(SHOP).map((s) => s.name)).toEqual([
      'checked_customers',
      'checked_orders',
      'dupkeys_customers',
      'dupranks_customers',
      'deduped_customers',
      'dupkeys_orders',
      'dupranks_orders',
      'deduped_orders',
      'unresolved_orders',
      'resolved_orders',
      'sales',
      'rejected',
      'source_counts',
    ]);
    expect(renderEtlSql(etlStatements(SHOP))).toContain('-- Inputs: views raw_customers, raw_orders.');
  });

  it('runs: joins accepted facts to their references, quarantines the rest with reasons', async () => {
    const { warehouse, quarantine } = await run(SHOP, {
      customers: [
        ['c1', 'Ada'],
        ['c2', ''],
      ],
      orders: [
        ['o1', 'c1', '10.5'],
        ['o2', 'c2', '3'],
        ['o3', 'c9', '1'],
        ['o4', 'c1', '-2'],
        ['o1', 'c1', '10.5'],
      ],
    });
    expect(warehouse).toEqual([
      { order_id: 'o1', amount: 10.5, customer_name: 'Ada' },
      { order_id: 'o2', amount: 3, customer_name: null },
    ]);
    expect(quarantine).toEqual([
      {
        source: 'orders',
        record: '3',
        reason: 'unknown_artist',
        detail: 'customer_id not found among accepted customers',
      },
      { source: 'orders', record: '4', reason: 'bad_value', detail: 'amount: below 0' },
      {
        source: 'orders',
        record: '5',
        reason: 'duplicate_row',
        detail: 'order_id already accepted at record 1',
      },
    ]);
  });

  it('refuses an inconsistent contract, naming what is wrong', () => {
    expect(() => etlStatements({ ...SHOP, sources: [customers] })).toThrow(
      'the data contract is inconsistent: warehouse column order_id comes from orders.order_id, which the contract does not have',
    );
    const badKey = { ...orders, key: ['order_no'], foreignKeys: [] };
    expect(() => etlStatements({ ...SHOP, sources: [customers, badKey] })).toThrow(
      'source orders: key field order_no is not one of its fields',
    );
  });

  it('refuses a contract without exactly one fact source', () => {
    const orphan = { ...customers, name: 'suppliers' };
    expect(() => etlStatements({ ...SHOP, sources: [customers, orders, orphan] })).toThrow(
      'the contract must have exactly one fact source, found: orders, suppliers',
    );
  });
});
