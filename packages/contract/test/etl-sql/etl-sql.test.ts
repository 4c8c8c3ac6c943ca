import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkedView,
  cleanedText,
  DUCKDB_SHIMS,
  etlStatements,
  originalText,
  parseEtlSql,
  RAW_VIEW_COLUMNS,
  rawView,
  renderEtlSql,
  typedExpression,
} from '../../src/etl-sql';
import { SOURCE_NAMES, SOURCES, type SourceName, sourceField } from '../../src/sources';
import { WAREHOUSE_COLUMNS } from '../../src/warehouse';

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

async function typedValues(source: SourceName, field: string, inputs: (string | null)[]): Promise<unknown[]> {
  const spec = sourceField(source, field);
  const expression = typedExpression(spec, cleanedText(spec, 'x'));
  const rows = inputs.map((v, i) => `(${i}, CAST(${literal(v)} AS VARCHAR))`).join(', ');
  const reader = await connection.runAndReadAll(
    `SELECT CAST(${expression} AS VARCHAR) AS v FROM (VALUES ${rows}) t(i, x) ORDER BY i`,
  );
  return reader.getRowObjects().map((r) => r.v);
}

describe('typed expressions (run on DuckDB)', () => {
  // Spark's TRIM strips spaces only; DuckDB's one-argument TRIM also strips tabs and line breaks. The
  // ETL SQL trims spaces only, so both engines accept and reject the same text.
  it('trims spaces only, as Spark does: a tab or line break is part of the value', async () => {
    expect(await typedValues('albums', 'track_id', ['\tabc', 'abc\n', '  abc\t  '])).toEqual([
      '\tabc',
      'abc\n',
      'abc\t',
    ]);
    expect(await typedValues('albums', 'album_popularity', ['\t42', '42\n', ' 42 '])).toEqual([
      null,
      null,
      '42',
    ]);
  });

  it('accepts integers only when every character is a digit, and bounds them to INT', async () => {
    expect(
      await typedValues('albums', 'album_popularity', [
        '0',
        '100',
        ' 42 ',
        '-3',
        '12.5',
        '1e2',
        'abc',
        '',
        null,
        '99999999999',
      ]),
    ).toEqual(['0', '100', '42', '-3', null, null, null, null, null, null]);
  });

  it('keeps followers beyond 2^31 exact', async () => {
    expect(await typedValues('artists', 'followers', ['123456789012', '9223372036854775807', '-1'])).toEqual([
      '123456789012',
      '9223372036854775807',
      '-1',
    ]);
  });

  // Java's `$` also matches before a final line break and Spark's casts trim it: every pattern is anchored with a
  // sentinel instead, so a quoted value ending in a line break is not a number on either engine.
  it('rejects a number or date followed by a line break, which Java regex anchors would let through', async () => {
    expect(await typedValues('albums', 'album_popularity', ['42\n', '42\r\n', '42#', '42'])).toEqual([
      null,
      null,
      null,
      '42',
    ]);
    expect(await typedValues('albums', 'duration_sec', ['1.5\r\n', '1.5\n', '1.5'])).toEqual([
      null,
      null,
      '1.5',
    ]);
    expect(await typedValues('albums', 'release_date', ['2016-11-10\n', '2016\n', '2016-11-10'])).toEqual([
      null,
      null,
      '2016-11-10',
    ]);
    for (const statement of etlStatements()) expect(statement.sql).not.toMatch(/[^#]\$'/);
  });

  it('parses decimal seconds and rejects words and NaN', async () => {
    expect(
      await typedValues('albums', 'duration_sec', ['412.329', '183', '.5', '1e3', 'NaN', 'Infinity', '1,5']),
    ).toEqual(['412.329', '183.0', '0.5', '1000.0', null, null, null]);
  });

  it('reads the four release date formats as the first day of their period', async () => {
    expect(
      await typedValues('albums', 'release_date', [
        '2016-11-10 00:00:00 UTC',
        '2016-11-10',
        '2016-11',
        '2016',
        '2016-02-30',
        '2016-13',
        '10/11/2016',
        '0000-01-01',
        '2016-11-10T00:00:00Z',
      ]),
    ).toEqual(['2016-11-10', '2016-11-10', '2016-11-01', '2016-01-01', null, null, null, null, null]);
  });

  it('trims ids to NULL when blank, keeps free text exactly as written', async () => {
    expect(await typedValues('albums', 'track_id', [' abc ', '   ', '', 'a b', ' '])).toEqual([
      'abc',
      null,
      null,
      'a b',
      null,
    ]);
    expect(await typedValues('albums', 'track_name', [' Intro ', '', 'Ünïcode, "quoted"'])).toEqual([
      ' Intro ',
      null,
      'Ünïcode, "quoted"',
    ]);
  });
});

type RawRow = Record<string, string | null>;

/** Registers raw_<source> views from literal rows, the way an engine's reader would. */
async function loadRaw(rows: { [S in SourceName]: RawRow[] }): Promise<void> {
  for (const source of SOURCE_NAMES) {
    const fields = SOURCES[source].fields.map((f) => f.name);
    const columns = [...RAW_VIEW_COLUMNS, ...fields];
    const values = rows[source].map((row, i) =>
      [
        String(i + 1),
        literal(row._parse_error ? 'raw text' : null),
        literal(row._parse_error ?? null),
        ...fields.map((f) => literal(row[f] ?? null)),
      ].join(', '),
    );
    const select =
      values.length === 0
        ? `SELECT ${columns.map((c) => `CAST(NULL AS ${c === '_record' ? 'BIGINT' : 'VARCHAR'}) AS ${c}`).join(', ')} WHERE false`
        : `SELECT CAST(_record AS BIGINT) AS _record, ${columns
            .slice(1)
            .map((c) => `CAST(${c} AS VARCHAR) AS ${c}`)
            .join(', ')} FROM (VALUES ${values.map((v) => `(${v})`).join(', ')}) t(${columns.join(', ')})`;
    await connection.run(`CREATE OR REPLACE TEMP VIEW ${rawView(source)} AS ${select}`);
  }
  for (const statement of etlStatements()) {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${statement.name} AS ${statement.sql}`);
  }
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

const artist = (id: string, extra: Partial<RawRow> = {}): RawRow => ({
  id,
  name: `Artist ${id}`,
  artist_popularity: '50',
  followers: '1000',
  genre: '',
  ...extra,
});
const track = (track_id: string, extra: Partial<RawRow> = {}): RawRow => ({
  track_id,
  track_popularity: '10',
  ...extra,
});
const album = (
  track_id: string,
  album_id: string,
  artist_id: string,
  extra: Partial<RawRow> = {},
): RawRow => ({
  track_name: `Track ${track_id}`,
  track_id,
  duration_ms: '200000',
  album_name: `Album ${album_id}`,
  release_date: '2020-01-02 00:00:00 UTC',
  label: 'Label',
  album_popularity: '30',
  album_id,
  artist_id,
  duration_sec: '200.0',
  ...extra,
});

/** One row or more for every rule of every source. */
const EVERY_RULE: { [S in SourceName]: RawRow[] } = {
  artists: [
    artist('ar1'),
    artist('ar2', { artist_popularity: '101' }),
    artist('ar1'),
    artist('ar1', { name: 'Other' }),
    artist('', { name: 'No id' }),
  ],
  tracks: [
    track('t1'),
    track('t2', { track_popularity: 'high' }),
    { _parse_error: 'Expected 2 columns, found 3' },
  ],
  albums: [
    album('t1', 'al1', 'ar1'),
    album('t1', 'al2', 'ar2'),
    album('t2', 'al3', 'ar1'),
    album('t1', 'al4', 'ar1', { release_date: 'yesterday' }),
    album('t1', 'al5', 'ar1', { duration_ms: '-1', album_popularity: '500' }),
    album('t1', 'al1', 'ar1'),
    album('t1', 'al1', 'ar1', { label: 'Other' }),
    album('t1', 'al6', 'ar1', { duration_sec: '' }),
    album('t1', 'al7', 'ar1', { duration_sec: '1e400' }),
  ],
};

describe('the ETL SQL statements (run on DuckDB)', () => {
  it('joins accepted rows into typed warehouse rows, one per (track_id, album_id)', async () => {
    await loadRaw({
      artists: [artist('ar1', { genre: 'pop', followers: '3000000000' })],
      tracks: [track('t1'), track('t2')],
      albums: [
        album('t1', 'al1', 'ar1'),
        album('t1', 'al2', 'ar1', { release_date: '1999' }),
        album('t2', 'al1', 'ar1'),
      ],
    });
    const warehouse = await rows('SELECT * FROM datawarehouse ORDER BY album_id, track_id');
    expect(warehouse).toHaveLength(3);
    expect(warehouse[0]).toEqual({
      track_id: 't1',
      track_name: 'Track t1',
      track_popularity: 10,
      duration_ms: 200000,
      duration_sec: 200,
      album_id: 'al1',
      album_name: 'Album al1',
      album_popularity: 30,
      release_date: '2020-01-02',
      release_year: 2020,
      label: 'Label',
      artist_id: 'ar1',
      artist_name: 'Artist ar1',
      artist_popularity: 50,
      followers: '3000000000',
      genre: 'pop',
    });
    expect(warehouse[2]).toMatchObject({ album_id: 'al2', release_date: '1999-01-01', release_year: 1999 });
    const described = await rows('DESCRIBE datawarehouse');
    expect(described.map((c) => c.column_name)).toEqual(WAREHOUSE_COLUMNS.map((c) => c.name));
    expect(await rows('SELECT count(*)::INT AS n FROM quarantine')).toEqual([{ n: 0 }]);
  });

  it('quarantines every rule with its reason and detail, first rule wins, nothing lost', async () => {
    await loadRaw(EVERY_RULE);
    const quarantined = await rows(
      'SELECT source, record, reason, detail FROM quarantine ORDER BY source, record',
    );
    expect(quarantined).toEqual([
      {
        source: 'albums',
        record: '2',
        reason: 'unknown_artist',
        detail: 'artist_id not found among accepted artists',
      },
      {
        source: 'albums',
        record: '3',
        reason: 'unknown_track',
        detail: 'track_id not found among accepted tracks',
      },
      {
        source: 'albums',
        record: '4',
        reason: 'bad_value',
        detail: expect.stringMatching(/^release_date: not a date/),
      },
      { source: 'albums', record: '5', reason: 'bad_value', detail: 'duration_ms: below 0' },
      {
        source: 'albums',
        record: '6',
        reason: 'duplicate_row',
        detail: '(track_id, album_id) already accepted at record 1',
      },
      {
        source: 'albums',
        record: '7',
        reason: 'duplicate_key',
        detail: '(track_id, album_id) already accepted at record 1',
      },
      { source: 'albums', record: '8', reason: 'bad_value', detail: 'duration_sec: missing' },
      {
        source: 'albums',
        record: '9',
        reason: 'bad_value',
        detail: 'duration_sec: not a finite number (beyond the double range)',
      },
      {
        source: 'artists',
        record: '2',
        reason: 'bad_value',
        detail: 'artist_popularity: out of range 0..100',
      },
      { source: 'artists', record: '3', reason: 'duplicate_row', detail: 'id already accepted at record 1' },
      { source: 'artists', record: '4', reason: 'duplicate_key', detail: 'id already accepted at record 1' },
      { source: 'artists', record: '5', reason: 'bad_value', detail: 'id: empty id' },
      { source: 'tracks', record: '2', reason: 'bad_value', detail: 'track_popularity: not an integer' },
      { source: 'tracks', record: '3', reason: 'malformed_row', detail: 'Expected 2 columns, found 3' },
    ]);
    expect(
      await rows('SELECT source, rows_read::INT AS r, accepted::INT AS a FROM source_counts ORDER BY source'),
    ).toEqual([
      { source: 'albums', r: 9, a: 1 },
      { source: 'artists', r: 5, a: 1 },
      { source: 'tracks', r: 3, a: 1 },
    ]);
    expect(await rows('SELECT count(*)::INT AS n FROM datawarehouse')).toEqual([{ n: 1 }]);
    const original = await rows(
      "SELECT label, album_popularity, id FROM quarantine WHERE source = 'albums' AND record = 7",
    );
    expect(original).toEqual([{ label: 'Other', album_popularity: '30', id: null }]);
  });

  it('finds the same duplicates when every key hash collides: the hash only narrows the candidates', async () => {
    const everything = 'SELECT source, record, reason, detail FROM quarantine ORDER BY source, record';
    await loadRaw(EVERY_RULE);
    const expected = {
      quarantine: await rows(everything),
      warehouse: await rows('SELECT * FROM datawarehouse'),
    };
    await connection.run('CREATE OR REPLACE TEMP MACRO hash(a) AS 0, (a, b) AS 0');
    try {
      expect(await rows("SELECT hash('x') AS one, hash('x', 'y') AS two")).toEqual([{ one: 0, two: 0 }]);
      await loadRaw(EVERY_RULE);
      expect(await rows('SELECT count(*)::INT AS n FROM dupkeys_albums')).toEqual([{ n: 1 }]);
      expect({
        quarantine: await rows(everything),
        warehouse: await rows('SELECT * FROM datawarehouse'),
      }).toEqual(expected);
    } finally {
      await connection.run('DROP MACRO hash');
    }
  });

  it('quarantines the text as read, also when a malformed row shares a parsed row record number', async () => {
    await loadRaw({ artists: [artist('ar1')], tracks: [], albums: [] });
    // The local runner numbers malformed rows by line: here line 1 and parsed record 1 meet.
    await connection.run(
      `CREATE OR REPLACE TEMP VIEW raw_tracks AS SELECT * FROM (VALUES
        (CAST(1 AS BIGINT), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), ' t1 ', ' 05 '),
        (CAST(2 AS BIGINT), NULL, NULL, ' t1 ', '5'),
        (CAST(1 AS BIGINT), 'a,b,c', 'Expected 2 columns, found 3', NULL, NULL),
        (CAST(3 AS BIGINT), NULL, NULL, 't2', 'high')
      ) t(_record, _raw_line, _parse_error, track_id, track_popularity)`,
    );
    for (const statement of etlStatements()) {
      await connection.run(`CREATE OR REPLACE TEMP TABLE ${statement.name} AS ${statement.sql}`);
    }
    expect(
      await rows(
        "SELECT record, reason, raw_line, track_id, track_popularity FROM quarantine WHERE source = 'tracks' ORDER BY record, reason",
      ),
    ).toEqual([
      { record: '1', reason: 'malformed_row', raw_line: 'a,b,c', track_id: null, track_popularity: null },
      { record: '2', reason: 'duplicate_key', raw_line: null, track_id: ' t1 ', track_popularity: '5' },
      { record: '3', reason: 'bad_value', raw_line: null, track_id: 't2', track_popularity: 'high' },
    ]);
  });

  it('rebuilds every text as read from the typed values, keeping _original only where rendering differs', async () => {
    const us = String.fromCharCode(31);
    const rs = String.fromCharCode(30);
    const albums: RawRow[] = [
      album('t1', 'al1', 'ar1'),
      album(' t1', 'al1 ', `a${us}r${rs}d`, { duration_ms: '007', album_popularity: '+5' }),
      album(`${rs}e${us}`, `${rs}${rs}d`, 'ar1', { duration_sec: '200.50', release_date: '2020-01' }),
      album('t1', 'al1', 'ar1', { release_date: ' 2020-01-02', duration_sec: '2e2', duration_ms: '-0' }),
      album('   ', '', 'ar1', {
        duration_ms: 'NaN',
        release_date: '',
        album_popularity: null,
        track_name: '',
      }),
    ];
    await loadRaw({ artists: [], tracks: [], albums });
    const fields = SOURCES.albums.fields;
    const rebuilt = await rows(
      `SELECT _original IS NULL AS canonical, ${fields.map((f) => `${originalText(SOURCES.albums, f, 'c')} AS ${f.name}`).join(', ')} FROM ${checkedView('albums')} c ORDER BY _record`,
    );
    expect(rebuilt.map((r) => r.canonical)).toEqual([true, false, false, false, false]);
    expect(rebuilt.map(({ canonical, ...texts }) => texts)).toEqual(
      albums.map((row) => Object.fromEntries(fields.map((f) => [f.name, row[f.name] || null]))),
    );
  });

  it('tells duplicate rows from duplicate keys by the text as read, not the typed value', async () => {
    await loadRaw({
      artists: [artist('ar1')],
      tracks: [track('t1')],
      albums: [
        album('t1', 'al1', 'ar1'),
        album('t1', 'al1', 'ar1', { duration_ms: '0200000' }),
        album('t1', 'al1', 'ar1'),
      ],
    });
    expect(
      await rows(
        "SELECT record, reason, duration_ms FROM quarantine WHERE source = 'albums' ORDER BY record",
      ),
    ).toEqual([
      { record: '2', reason: 'duplicate_key', duration_ms: '0200000' },
      { record: '3', reason: 'duplicate_row', duration_ms: '200000' },
    ]);
  });

  it('treats an empty field and a quoted empty field alike, whichever the reader produced', async () => {
    await loadRaw({
      artists: [artist('ar1', { genre: null }), artist('ar1', { genre: '' })],
      tracks: [track('t1')],
      albums: [album('t1', 'al1', 'ar1', { label: '' })],
    });
    expect(await rows('SELECT source, record, reason, genre FROM quarantine')).toEqual([
      { source: 'artists', record: '2', reason: 'duplicate_row', genre: null },
    ]);
    expect(await rows('SELECT label, genre FROM datawarehouse')).toEqual([{ label: null, genre: null }]);
  });

  it('keeps the first accepted row of a key even when an earlier row with that key was rejected', async () => {
    await loadRaw({
      artists: [artist('ar1', { followers: '-5' }), artist('ar1')],
      tracks: [track('t1')],
      albums: [album('t1', 'al1', 'ar1')],
    });
    expect(await rows('SELECT source, record, reason FROM quarantine')).toEqual([
      { source: 'artists', record: '1', reason: 'bad_value' },
    ]);
    expect(await rows('SELECT followers FROM datawarehouse')).toEqual([{ followers: '1000' }]);
  });
});

describe('the ETL SQL file', () => {
  it('round-trips through render and parse', () => {
    const statements = etlStatements();
    expect(parseEtlSql(renderEtlSql(statements))).toEqual(statements);
  });

  it('runs the checks, then dedup, then the joins, then writes the outputs', () => {
    expect(etlStatements().map((s) => s.name)).toEqual([
      'checked_albums',
      'checked_artists',
      'checked_tracks',
      'dupkeys_albums',
      'dupranks_albums',
      'deduped_albums',
      'dupkeys_artists',
      'dupranks_artists',
      'deduped_artists',
      'dupkeys_tracks',
      'dupranks_tracks',
      'deduped_tracks',
      'unresolved_albums',
      'resolved_albums',
      'datawarehouse',
      'quarantine',
      'source_counts',
    ]);
  });

  it('keeps the typed rows, the duplicate ranks and the unresolved fact rows; streams everything else', () => {
    const kept = etlStatements()
      .filter((s) => s.materialize)
      .map((s) => s.name);
    expect(kept).toEqual([
      'checked_albums',
      'checked_artists',
      'checked_tracks',
      'dupranks_albums',
      'dupranks_artists',
      'dupranks_tracks',
      'unresolved_albums',
    ]);
    expect(renderEtlSql()).toContain('-- statement: dupranks_albums (materialize)\n');
    expect(renderEtlSql()).toContain('-- statement: deduped_albums\n');
  });

  it('reads the materialize flag from the marker line', () => {
    expect(parseEtlSql('-- statement: a (materialize)\nSELECT 1\n-- statement: b\nSELECT 2')).toEqual([
      { name: 'a', sql: 'SELECT 1', materialize: true },
      { name: 'b', sql: 'SELECT 2', materialize: false },
    ]);
    expect(() => parseEtlSql('-- statement: a(materialize)\nSELECT 1')).toThrow(
      'bad statement name "a(materialize)"',
    );
  });

  it('stays inside the subset both engines parse alike', () => {
    for (const { sql } of etlStatements()) {
      expect(sql).not.toMatch(/[\\`";]/);
      expect(sql).not.toMatch(/\bregexp_matches\b|::/);
    }
  });

  it('rejects files without statements, with bad names or empty statements', () => {
    expect(() => parseEtlSql('-- just a comment\n')).toThrow('the ETL SQL has no statements');
    expect(() => parseEtlSql('-- statement: Bad-Name\nSELECT 1\n')).toThrow('bad statement name "Bad-Name"');
    expect(() => parseEtlSql('-- statement: a\n;\n')).toThrow('ETL SQL statement "a" is empty');
  });
});
