import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataContract, SPOTIFY_CONTRACT } from '../../src/data-contract';
import {
  type DataQualityRow,
  dataQualityChecks,
  dataQualityReport,
  dataQualityRules,
  dqdlRule,
  evaluateDataQuality,
  numberLiteral,
  renderDataQualitySql,
  renderDqdl,
} from '../../src/data-quality';
import { glueJobContract, renderGlueJobContractModule } from '../../src/glue-job-contract';
import { physicalType } from '../../src/logical-types';
import type { SourceSpec } from '../../src/sources';
import { WAREHOUSE_COLUMNS } from '../../src/warehouse';

let db: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  connection = await db.connect();
});
afterAll(() => {
  connection.closeSync();
  db.closeSync();
});

const query = async (sql: string) =>
  (await connection.runAndReadAll(sql)).getRowObjects() as DataQualityRow[];

type Row = Record<string, string | number | null>;
const sqlValue = (value: string | number | null) =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;

/** Creates `table` with the contract's warehouse columns, typed as DuckDB types them, holding `rows`. */
async function warehouse(contract: DataContract, rows: readonly Row[], table = contract.warehouse.table) {
  const columns = contract.warehouse.columns;
  await connection.run(
    `CREATE OR REPLACE TABLE ${table} (${columns.map((c) => `${c.name} ${physicalType(c.type).duckdb}`).join(', ')})`,
  );
  if (rows.length === 0) return;
  const values = rows.map((row) => `(${columns.map((c) => sqlValue(row[c.name] ?? null)).join(', ')})`);
  await connection.run(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
}

/** A valid warehouse row of the Spotify contract; `over` changes some columns. */
function track(over: Row = {}): Row {
  return {
    track_id: 't1',
    track_name: 'Song',
    track_popularity: 50,
    duration_ms: 200000,
    duration_sec: 200,
    album_id: 'a1',
    album_name: 'Album',
    album_popularity: 0,
    release_date: '2020-01-01',
    release_year: 2020,
    label: null,
    artist_id: 'r1',
    artist_name: 'Artist',
    artist_popularity: 100,
    followers: 3000000000,
    genre: null,
    ...over,
  };
}

/** `{ rule: [outcome, observed] }` of a report. */
async function outcomes(contract: DataContract = SPOTIFY_CONTRACT) {
  const report = await evaluateDataQuality(query, { contract, failureMode: 'warn' });
  return Object.fromEntries(report.results.map((r) => [r.rule, [r.outcome, r.observed]]));
}

describe('the data-quality rules of the Spotify contract', () => {
  it('are derived from the contract: rows, the grain key, non-nullable columns, source bounds', () => {
    const rules = dataQualityRules();
    expect(rules.map((r) => r.name)).toEqual([
      'row_count',
      'primary_key',
      ...WAREHOUSE_COLUMNS.filter((c) => !c.nullable).map((c) => `complete_${c.name}`),
      'min_track_popularity',
      'max_track_popularity',
      'min_duration_ms',
      'min_duration_sec',
      'min_album_popularity',
      'max_album_popularity',
      'min_artist_popularity',
      'max_artist_popularity',
      'min_followers',
    ]);
    expect(rules[1]).toMatchObject({ kind: 'primaryKey', columns: ['track_id', 'album_id'] });
  });

  it('render as this DQDL ruleset', () => {
    expect(renderDqdl(dataQualityRules())).toMatchSnapshot();
  });

  it('write ranges with >= and <=: DQDL between is exclusive of both ends', () => {
    const dqdl = renderDqdl(dataQualityRules());
    expect(dqdl).not.toContain('between');
    expect(dqdl).toContain('ColumnValues "track_popularity" >= 0,\n  ColumnValues "track_popularity" <= 100');
    expect(dqdl.startsWith('Rules = [\n  RowCount > 0,\n  IsPrimaryKey "track_id" "album_id",\n')).toBe(true);
    expect(dqdl.endsWith('ColumnValues "followers" >= 0\n]')).toBe(true);
  });

  it('are what the checks bundle carries, each with its DQDL', () => {
    const checks = dataQualityChecks();
    expect(checks.table).toBe('datawarehouse');
    expect(checks.dqdl).toBe(renderDqdl(dataQualityRules()));
    expect(checks.sql).toBe(renderDataQualitySql(dataQualityRules(), 'datawarehouse'));
    expect(checks.rules.map((r) => r.dqdl)).toEqual(dataQualityRules().map(dqdlRule));
  });
});

describe('the Glue job contract module', () => {
  it('carries the checks, with the failure modes of --data_quality_failure', () => {
    expect(glueJobContract().dataQuality).toEqual({ ...dataQualityChecks(), failureModes: ['fail', 'warn'] });
    const argument = glueJobContract().jobArguments.find((a) => a.name === 'data_quality_failure');
    expect(argument?.default).toBe('fail');
  });

  it('embeds the DQDL quotes as JSON escapes inside its raw string, which json.loads decodes', () => {
    expect(renderGlueJobContractModule()).toContain('IsComplete \\"track_id\\"');
  });
});

describe('rules follow the contract they are derived from', () => {
  const withTracks = (change: (spec: SourceSpec<string>) => SourceSpec<string>): DataContract => ({
    ...SPOTIFY_CONTRACT,
    sources: SPOTIFY_CONTRACT.sources.map((s) => (s.name === 'tracks' ? change(s) : s)),
  });

  it('a changed range in a source field changes the rule, in DQDL and SQL alike', () => {
    const narrowed = withTracks((s) => ({
      ...s,
      fields: s.fields.map((f) => (f.name === 'track_popularity' ? { ...f, min: 1, max: 10 } : f)),
    }));
    const dqdl = renderDqdl(dataQualityRules(narrowed));
    expect(dqdl).toContain('ColumnValues "track_popularity" >= 1,\n  ColumnValues "track_popularity" <= 10,');
    expect(dqdl).not.toContain('ColumnValues "track_popularity" <= 100');
    expect(dataQualityChecks(narrowed).sql).toContain('track_popularity > 10 THEN');
    expect(dataQualityChecks(SPOTIFY_CONTRACT).sql).toContain('track_popularity > 100 THEN');
  });

  it('a removed bound removes its rule; a nullable column loses its completeness rule', () => {
    const unbounded = withTracks((s) => ({
      ...s,
      fields: s.fields.map((f) => (f.name === 'track_popularity' ? { ...f, max: undefined } : f)),
    }));
    const names = dataQualityRules(unbounded).map((r) => r.name);
    expect(names).toContain('min_track_popularity');
    expect(names).not.toContain('max_track_popularity');
    const nullable: DataContract = {
      ...SPOTIFY_CONTRACT,
      warehouse: {
        ...SPOTIFY_CONTRACT.warehouse,
        columns: SPOTIFY_CONTRACT.warehouse.columns.map((c) =>
          c.name === 'followers' ? { ...c, nullable: true } : c,
        ),
      },
    };
    expect(dataQualityRules(nullable).map((r) => r.name)).not.toContain('complete_followers');
  });

  it('a synthetic contract gets its own key, completeness and bounds', () => {
    const orders: SourceSpec<string> = {
      name: 'orders',
      file: 'orders.csv',
      description: 'Orders.',
      fields: [
        { name: 'order_id', type: 'string', required: true, description: '' },
        { name: 'amount', type: 'double', required: true, min: 0.5, description: '' },
      ],
      key: ['order_id'],
      foreignKeys: [],
    };
    const shop: DataContract = {
      sources: [orders],
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
            nullable: true,
            description: '',
            from: { source: 'orders', field: 'amount' },
          },
        ],
      },
      quarantine: { table: 'rejected' },
    };
    expect(renderDqdl(dataQualityRules(shop))).toBe(
      [
        'Rules = [',
        '  RowCount > 0,',
        '  IsPrimaryKey "order_id",',
        '  IsComplete "order_id",',
        '  ColumnValues "amount" >= 0.5',
        ']',
      ].join('\n'),
    );
    expect(dataQualityChecks(shop).sql).toContain('FROM sales');
  });

  it('refuses a grain key the warehouse does not carry, and bounds on a text column', () => {
    const noKey: DataContract = {
      ...SPOTIFY_CONTRACT,
      warehouse: {
        ...SPOTIFY_CONTRACT.warehouse,
        columns: SPOTIFY_CONTRACT.warehouse.columns.filter((c) => c.name !== 'album_id'),
      },
    };
    expect(() => dataQualityRules(noKey)).toThrow(
      "key field albums.album_id of the warehouse's grain is not a warehouse column",
    );
    const textBound: DataContract = {
      ...SPOTIFY_CONTRACT,
      warehouse: {
        ...SPOTIFY_CONTRACT.warehouse,
        columns: SPOTIFY_CONTRACT.warehouse.columns.map((c) =>
          c.name === 'followers' ? { ...c, type: 'string' as const } : c,
        ),
      },
    };
    expect(() => dataQualityRules(textBound)).toThrow(
      'artists.followers has bounds but warehouse column followers is string, not a number',
    );
  });

  it('writes numbers only as plain decimals, which DQDL and both SQL engines parse alike', () => {
    expect(numberLiteral(0)).toBe('0');
    expect(numberLiteral(-2.5)).toBe('-2.5');
    expect(() => numberLiteral(1e21)).toThrow('cannot be written as a plain decimal number');
    expect(() => numberLiteral(Number.NaN)).toThrow('cannot be written as a plain decimal number');
  });
});

describe('the data-quality SQL (run on DuckDB)', () => {
  it('stays in the portable subset: no quoted identifiers, no backslashes, no semicolons', () => {
    const { sql } = dataQualityChecks();
    expect(sql).not.toMatch(/[`"\\;]/);
    expect(() => renderDataQualitySql(dataQualityRules(), 'my-table')).toThrow(
      'relation "my-table" must be a snake_case table or view name',
    );
  });

  it('passes every rule over a valid warehouse, reporting the observed values', async () => {
    await warehouse(SPOTIFY_CONTRACT, [
      track(),
      track({ track_id: 't2', track_popularity: 0 }),
      track({ album_id: 'a2', track_popularity: 100 }),
    ]);
    const results = await outcomes();
    expect(Object.values(results).every(([outcome]) => outcome === 'passed')).toBe(true);
    expect(results.row_count).toEqual(['passed', 3]);
    expect(results.primary_key).toEqual(['passed', 0]);
    expect(results.complete_followers).toEqual(['passed', 0]);
    expect(results.min_track_popularity).toEqual(['passed', 0]);
    expect(results.max_track_popularity).toEqual(['passed', 100]);
    expect(results.min_followers).toEqual(['passed', 3000000000]);
  });

  it('fails exactly the broken rules: repeated and incomplete keys, NULLs, values out of range', async () => {
    await warehouse(SPOTIFY_CONTRACT, [
      track(),
      track(),
      track({ album_id: null }),
      track({ track_id: 't3', track_popularity: 101, followers: -1 }),
      track({ track_id: 't4', duration_ms: null }),
    ]);
    const results = await outcomes();
    const failed = Object.entries(results).filter(([, [outcome]]) => outcome === 'failed');
    expect(Object.fromEntries(failed)).toEqual({
      primary_key: ['failed', 3],
      complete_album_id: ['failed', 1],
      complete_duration_ms: ['failed', 1],
      max_track_popularity: ['failed', 101],
      // A NULL fails a bound too, as it fails DQDL's ColumnValues, whatever the smallest value is.
      min_duration_ms: ['failed', 200000],
      min_followers: ['failed', -1],
    });
    expect(results.row_count).toEqual(['passed', 5]);
  });

  it('fails the row count of an empty warehouse; bounds observe nothing', async () => {
    await warehouse(SPOTIFY_CONTRACT, []);
    const results = await outcomes();
    expect(results.row_count).toEqual(['failed', 0]);
    expect(results.primary_key).toEqual(['passed', 0]);
    expect(results.max_track_popularity).toEqual(['passed', null]);
  });

  it('returns one row per rule in rule order, with the columns rule, outcome and observed', async () => {
    await warehouse(SPOTIFY_CONTRACT, [track()]);
    const rows = await query(dataQualityChecks().sql);
    expect(rows.map((r) => r.rule)).toEqual(dataQualityRules().map((r) => r.name));
    expect(Object.keys(rows[0]!)).toEqual(['rule', 'outcome', 'observed']);
  });
});

describe('dataQualityReport', () => {
  const rules = dataQualityRules();
  const rows = (outcome: (name: string) => string): DataQualityRow[] =>
    rules.map((r) => ({ rule: r.name, outcome: outcome(r.name), observed: 1 }));

  it('fails or warns on a failed rule as the failure mode says, and passes when every rule passes', () => {
    const oneFails = rows((name) => (name === 'min_followers' ? 'failed' : 'passed'));
    expect(dataQualityReport(rules, oneFails, 'fail')).toMatchObject({
      verdict: 'fail',
      failed: ['min_followers'],
    });
    expect(dataQualityReport(rules, oneFails, 'warn')).toMatchObject({
      verdict: 'warn',
      failed: ['min_followers'],
    });
    expect(
      dataQualityReport(
        rules,
        rows(() => 'passed'),
        'fail',
      ),
    ).toMatchObject({ verdict: 'pass', failed: [] });
  });

  it('records each rule with its DQDL, description and what its observed value means', () => {
    const [first] = dataQualityReport(
      rules,
      rows(() => 'passed'),
      'fail',
    ).results;
    expect(first).toEqual({
      rule: 'row_count',
      dqdl: 'RowCount > 0',
      description: 'datawarehouse has rows',
      outcome: 'passed',
      observed: 1,
      observedMeaning: 'rows',
    });
  });

  it('refuses rows that are not the rules in order, and an unknown failure mode', () => {
    expect(() => dataQualityReport(rules, rows(() => 'passed').slice(1), 'fail')).toThrow(
      `expected ${rules.length} rows (one per rule), got ${rules.length - 1}`,
    );
    const swapped = rows(() => 'passed').reverse();
    expect(() => dataQualityReport(rules, swapped, 'fail')).toThrow(
      'row 1 is min_followers, expected rule row_count',
    );
    expect(() =>
      dataQualityReport(
        rules,
        rows(() => 'ok'),
        'fail',
      ),
    ).toThrow('outcome ok is not passed or failed');
    expect(() =>
      dataQualityReport(
        rules,
        rows(() => 'passed'),
        'ignore' as 'fail',
      ),
    ).toThrow('data-quality failure mode must be one of fail, warn; got "ignore"');
  });
});
