import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  dataQualityChecks,
  QUARANTINE_COLUMNS,
  QUARANTINE_REASONS,
  SOURCE_NAMES,
  WAREHOUSE_COLUMNS,
} from '@spotify-lake/contract';
import { describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../../src/generate';
import {
  DataQualityError,
  DEFAULT_HEARTBEAT_MS,
  EtlInputError,
  type EtlManifest,
  type EtlProgress,
  LakeFolderError,
  runEtl,
} from '../../src/local';
import { ETL_SQL_PATH, readEtlSql } from '../../src/local/etl-sql-file';
import { splitChecks } from '../../src/local/run-etl';
import { copyFixture, lakeEntries, lakeTable, MESSY, query, tempDir } from '../fixtures/helpers';
import { EXPECTED_QUARANTINE } from '../fixtures/messy-expected';

async function runMessy(): Promise<{ lake: string; manifest: EtlManifest }> {
  const lake = join(await tempDir(), 'lake');
  const manifest = await runEtl({ inputDir: MESSY, lakeDir: lake });
  return { lake, manifest };
}

/** Everything a lake holds after a run: its manifest's files, their folders, the tool's marker. */
function expectedLake(manifest: EtlManifest): string[] {
  const files = [...manifest.files.staging, ...manifest.files.warehouse, ...manifest.files.quarantine];
  const folders = new Set<string>(['.spotify-lake', '.spotify-lake/runs']);
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return [...folders, ...files, 'manifest.json', '.spotify-lake/lake-format.json'].sort();
}

const sortedWarehouse = (lake: string) =>
  query(`SELECT * FROM ${lakeTable(lake, 'datawarehouse')} ORDER BY ALL`);
const sortedQuarantine = (lake: string) =>
  query(`SELECT * FROM ${lakeTable(lake, 'quarantine')} ORDER BY source, record, reason`);

// Each test runs DuckDB over real files; the 2-core machine is shared, so allow for a slow moment.
vi.setConfig({ testTimeout: 60_000 });

describe('runEtl on every kind of bad row', () => {
  it('accepts the good rows, typed, and quarantines every other record with its reason', async () => {
    const { lake } = await runMessy();
    const quarantine = await sortedQuarantine(lake);
    expect(quarantine.map((r) => [r.source, Number(r.record), r.reason])).toEqual(EXPECTED_QUARANTINE);

    const warehouse = await query(
      `SELECT track_id, album_id, track_name, album_name, CAST(release_date AS VARCHAR) AS release_date, release_year,
              label, artist_name, followers, duration_ms, duration_sec, genre, track_popularity
       FROM ${lakeTable(lake, 'datawarehouse')} ORDER BY album_id, track_id`,
    );
    expect(warehouse).toEqual([
      {
        track_id: 't1',
        album_id: 'al1',
        track_name: 'Halo, Live',
        album_name: 'Album "One"',
        release_date: '2016-11-10',
        release_year: 2016,
        label: 'Label A',
        artist_name: 'Beyoncé, Queen',
        followers: 1000000n,
        duration_ms: 200000,
        duration_sec: 200,
        genre: 'pop',
        track_popularity: 10,
      },
      {
        track_id: 't2',
        album_id: 'al1',
        track_name: 'Ünïcødé ☃',
        album_name: 'Album One',
        release_date: '2016-11-01',
        release_year: 2016,
        label: 'Label A',
        artist_name: 'Beyoncé, Queen',
        followers: 1000000n,
        duration_ms: 180000,
        duration_sec: 180,
        genre: 'pop',
        track_popularity: 20,
      },
      {
        track_id: 't3',
        album_id: 'al2',
        track_name: 'Multi\nline title',
        album_name: 'Album Two',
        release_date: '1999-01-01',
        release_year: 1999,
        label: null,
        artist_name: 'The "Band"',
        followers: 2500000000n,
        duration_ms: 1000,
        duration_sec: 1,
        genre: 'rock, indie',
        track_popularity: 30,
      },
      {
        track_id: 't6',
        album_id: 'al6',
        track_name: 'Song',
        album_name: 'Album 6',
        release_date: '2021-05-05',
        release_year: 2021,
        label: 'L',
        artist_name: 'Multi\nline name',
        followers: 7n,
        duration_ms: 100,
        duration_sec: 250,
        genre: 'jazz',
        track_popularity: 60,
      },
    ]);
  });

  it('writes the warehouse with the contract columns and types, and quarantine with the original text', async () => {
    const { lake } = await runMessy();
    const warehouseSchema = await query(`DESCRIBE SELECT * FROM ${lakeTable(lake, 'datawarehouse')}`);
    const duckdbType = {
      string: 'VARCHAR',
      int: 'INTEGER',
      bigint: 'BIGINT',
      double: 'DOUBLE',
      date: 'DATE',
    };
    expect(warehouseSchema.map((c) => [c.column_name, c.column_type])).toEqual(
      WAREHOUSE_COLUMNS.map((c) => [c.name, duckdbType[c.type]]),
    );
    const quarantineSchema = await query(`DESCRIBE SELECT * FROM ${lakeTable(lake, 'quarantine')}`);
    expect(quarantineSchema.map((c) => c.column_name)).toEqual(QUARANTINE_COLUMNS.map((c) => c.name));

    const rows = await sortedQuarantine(lake);
    const outOfRange = rows.find((r) => r.source === 'artists' && r.record === 6n);
    expect(outOfRange).toMatchObject({
      reason: 'bad_value',
      detail: 'artist_popularity: out of range 0..100',
      id: 'ar4',
      name: 'Bad Pop',
      artist_popularity: '101',
      followers: '5',
      raw_line: null,
    });
    const tooMany = rows.find((r) => r.source === 'albums' && r.record === 12n);
    expect(tooMany?.raw_line).toBe('al5,t6,a,b,c,d,e,f,g,h,i,j');
    expect(tooMany?.detail).toBe(
      'albums.csv line 13: TOO MANY COLUMNS: Expected Number of Columns: 11 Found: 12',
    );
    const missing = rows.find((r) => r.source === 'tracks' && r.reason === 'malformed_row');
    expect(missing).toMatchObject({ raw_line: '50', detail: expect.stringContaining('MISSING COLUMNS') });
    const encoding = rows.find((r) => r.source === 'albums' && r.record === 15n);
    expect(encoding?.detail).toContain('INVALID ENCODING');
    const unterminated = rows.find((r) => r.source === 'albums' && r.record === 16n);
    expect(unterminated?.detail).toContain('unterminated quote');
    expect(unterminated?.raw_line).toContain('al8,t6,"unterminated');
    // DuckDB accepts a record with extra empty fields; the runner quarantines it, with its text.
    const trailing = rows.find((r) => r.source === 'artists' && r.record === 10n);
    expect(trailing).toMatchObject({
      reason: 'malformed_row',
      raw_line: 'ar9,Trailing Comma,5,5,pop,',
      detail:
        'artists.csv line 11: TOO MANY COLUMNS: Expected Number of Columns: 5 Found: 6 (the extra fields are empty)',
      id: null,
    });
    expect(rows.find((r) => r.source === 'tracks' && r.record === 10n)?.raw_line).toBe('70,t7,');
    const duplicate = rows.find((r) => r.source === 'albums' && r.reason === 'duplicate_row');
    expect(duplicate).toMatchObject({
      detail: '(track_id, album_id) already accepted at record 3',
      track_name: 'Multi\nline title',
    });
  });

  it('writes a manifest whose counts add up, with every reason, ignored columns, files and timings', async () => {
    const { lake, manifest } = await runMessy();
    const saved = JSON.parse(await readFile(join(lake, 'manifest.json'), 'utf8'));
    expect(saved).toEqual(JSON.parse(JSON.stringify(manifest)));

    expect(manifest.sources.albums).toMatchObject({
      rows: 16,
      accepted: 4,
      quarantined: 12,
      ignoredColumns: ['extra_note'],
    });
    expect(manifest.sources.artists).toMatchObject({
      rows: 11,
      accepted: 4,
      quarantined: 7,
      ignoredColumns: [],
    });
    expect(manifest.sources.tracks).toMatchObject({
      rows: 10,
      accepted: 5,
      quarantined: 5,
      ignoredColumns: [],
    });
    for (const source of SOURCE_NAMES) {
      const s = manifest.sources[source];
      expect(s.rows).toBe(s.accepted + s.quarantined);
      expect(Object.keys(s.byReason)).toEqual([...QUARANTINE_REASONS]);
      expect(s.inputFiles).toEqual([join(MESSY, `${source}.csv`)]);
      expect(s.stagedFiles).toEqual([`staging/${source}/${manifest.runId}/${source}.csv`]);
    }
    expect(manifest.sources.albums.byReason).toEqual({
      malformed_row: 3,
      bad_value: 3,
      duplicate_row: 1,
      duplicate_key: 1,
      unknown_artist: 2,
      unknown_track: 2,
    });
    expect(manifest.warehouse).toMatchObject({
      rows: 4,
      files: [`datawarehouse/part-00000-${manifest.runId}.parquet`],
    });
    expect(manifest.warehouse.bytes).toBeGreaterThan(0);
    expect(manifest.quarantine).toMatchObject({
      rows: 24,
      files: [`quarantine/part-00000-${manifest.runId}.parquet`],
      bySource: { albums: 12, artists: 7, tracks: 5 },
      byReason: {
        malformed_row: 7,
        bad_value: 7,
        duplicate_row: 3,
        duplicate_key: 3,
        unknown_artist: 2,
        unknown_track: 2,
      },
    });
    expect(manifest.settings).toEqual({ threads: 2, memoryLimit: '1.25GB' });
    expect(manifest.etlSql).toEqual({
      file: ETL_SQL_PATH,
      sha256: createHash('sha256')
        .update(await readFile(ETL_SQL_PATH))
        .digest('hex'),
      statements: (await readEtlSql()).statements.length,
    });
    expect(manifest.runId).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const steps = manifest.timings.steps.map((s) => s.step);
    expect(steps).toEqual(
      expect.arrayContaining(['stage', 'read:albums', 'sql:resolved_albums', 'write:datawarehouse']),
    );
    expect(manifest.timings.totalMs).toBeGreaterThanOrEqual(
      Math.max(...manifest.timings.steps.map((s) => s.ms)),
    );
  });

  it('stages byte-identical copies of the inputs and nothing else in the lake', async () => {
    const { lake, manifest } = await runMessy();
    expect(await lakeEntries(lake)).toEqual(expectedLake(manifest));
    for (const source of SOURCE_NAMES) {
      const staged = await readFile(join(lake, 'staging', source, manifest.runId, `${source}.csv`));
      expect(staged.equals(await readFile(join(MESSY, `${source}.csv`)))).toBe(true);
    }
  });

  it('gives the same warehouse and quarantine rows when rerun over the same input', async () => {
    const { lake, manifest: first } = await runMessy();
    const warehouse = await sortedWarehouse(lake);
    const quarantine = await sortedQuarantine(lake);
    const second = await runEtl({ inputDir: MESSY, lakeDir: lake });
    expect(second.runId).not.toBe(first.runId);
    // The first run's files are gone: the lake holds exactly the second run's.
    expect(await lakeEntries(lake)).toEqual(expectedLake(second));
    expect(await sortedWarehouse(lake)).toEqual(warehouse);
    expect(await sortedQuarantine(lake)).toEqual(quarantine);
    const withoutStaging = (m: EtlManifest) =>
      Object.fromEntries(Object.entries(m.sources).map(([k, v]) => [k, { ...v, stagedFiles: [] }]));
    expect(withoutStaging(second)).toEqual(withoutStaging(first));
  });

  it('reports progress for staging, reading, every ETL SQL statement, writing and publishing', async () => {
    const events: EtlProgress[] = [];
    // No heartbeats here: this test pins down the step events.
    const lakeDir = join(await tempDir(), 'lake');
    await runEtl({ inputDir: MESSY, lakeDir, heartbeatMs: 3_600_000, onProgress: (e) => events.push(e) });
    const statements = events.filter((e) => e.step === 'sql');
    // The checks statements run while the sources are read; every other statement is a step of its own.
    const { rest } = splitChecks((await readEtlSql()).statements);
    expect(rest.length).toBeGreaterThan(0);
    expect(statements.map((e) => (e.step === 'sql' ? `${e.statement} ${e.index}/${e.of}` : ''))).toEqual(
      rest.map((statement, i) => `${statement.name} ${i + 1}/${rest.length}`),
    );
    expect(events.map((e) => e.step)).toEqual([
      'stage',
      'stage',
      'stage',
      'read',
      'read',
      'read',
      ...statements.map(() => 'sql'),
      'write',
      'write',
      'publish',
      'done',
    ]);
    for (const event of events) expect(event.message).toMatch(/\S/);
  });
});

describe('splitChecks', () => {
  it("takes each source's checks statement out of the ETL SQL, keeping the others in order", async () => {
    const statements = (await readEtlSql()).statements;
    const { checks, rest } = splitChecks(statements);
    expect(Object.values(checks).map((s) => s.name)).toEqual([
      'checked_albums',
      'checked_artists',
      'checked_tracks',
    ]);
    expect(rest).toEqual(statements.filter((s) => !s.name.startsWith('checked_')));
  });

  it('refuses ETL SQL in which a later statement reads a raw view, or a source has no checks', async () => {
    const statements = (await readEtlSql()).statements;
    const rereads = [...statements, { name: 'again', sql: 'SELECT * FROM raw_tracks', materialize: false }];
    expect(() => splitChecks(rereads)).toThrow(
      'ETL SQL statement again reads raw_tracks: only the checks statements may read a raw view',
    );
    expect(() => splitChecks(statements.filter((s) => s.name !== 'checked_artists'))).toThrow(
      'the ETL SQL has no checked_artists statement',
    );
  });
});

describe('runEtl heartbeats', () => {
  it('reports every 5 s by default, and as often as asked, that a long step is still running', async () => {
    expect(DEFAULT_HEARTBEAT_MS).toBe(5_000);
    const input = await tempDir();
    await generateDataset({ outDir: input, tracks: 20_000, seed: 5 });
    const events: EtlProgress[] = [];
    await runEtl({
      inputDir: input,
      lakeDir: join(await tempDir(), 'lake'),
      heartbeatMs: 10,
      onProgress: (e) => events.push(e),
    });
    const working = events.filter((e) => e.step === 'working');
    expect(working.length).toBeGreaterThan(0);
    for (const event of working) {
      expect(event).toMatchObject({
        step: 'working',
        on: expect.stringMatching(/^(stage|read|sql|write|count|data-quality)/),
      });
      expect(event.message).toMatch(/^still running \S+ \(\d+ s/);
    }
  });

  it('refuses a heartbeat below 10 ms', async () => {
    await expect(
      runEtl({ inputDir: MESSY, lakeDir: join(await tempDir(), 'lake'), heartbeatMs: 1 }),
    ).rejects.toThrow(/heartbeatMs must be an integer of at least 10/);
  });
});

describe('runEtl input layouts', () => {
  it('reads the staging layout <input>/<source>/*.csv, numbering records across files in name order', async () => {
    const input = await tempDir();
    const tracks = (await readFile(join(MESSY, 'tracks.csv'), 'utf8')).split('\n');
    for (const source of ['albums', 'artists'] as const) {
      await mkdir(join(input, source));
      await writeFile(join(input, source, 'part-0.csv'), await readFile(join(MESSY, `${source}.csv`)));
    }
    await mkdir(join(input, 'tracks'));
    // The same records split over two files, the second with its own header in the other column order.
    await writeFile(join(input, 'tracks', 'part-1.csv'), `${tracks.slice(0, 6).join('\n')}\n`);
    const rest = tracks
      .slice(6)
      .filter((l) => l !== '')
      .map((l) => l.split(',').reverse().join(','));
    await writeFile(join(input, 'tracks', 'part-2.csv'), `track_id,track_popularity\n${rest.join('\n')}\n`);

    const lake = join(await tempDir(), 'lake');
    const manifest = await runEtl({ inputDir: input, lakeDir: lake });
    expect(manifest.sources.tracks).toMatchObject({
      rows: 10,
      accepted: 5,
      quarantined: 5,
      stagedFiles: [
        `staging/tracks/${manifest.runId}/part-1.csv`,
        `staging/tracks/${manifest.runId}/part-2.csv`,
      ],
    });
    const tracksQuarantine = await query(
      `SELECT record, reason, detail FROM ${lakeTable(lake, 'quarantine')} WHERE source = 'tracks' ORDER BY record, reason`,
    );
    // part-1.csv holds records 1-5, part-2.csv 6-10: malformed ones are numbered where they are.
    expect(tracksQuarantine.map((r) => [Number(r.record), r.reason])).toEqual([
      [4, 'bad_value'],
      [6, 'duplicate_row'],
      [7, 'duplicate_key'],
      [8, 'malformed_row'],
      [10, 'malformed_row'],
    ]);
    expect(tracksQuarantine[3]?.detail).toMatch(/^part-2\.csv line 4: MISSING COLUMNS/);
  });

  it('reruns from its own staging zone, or from the lake folder itself: the files its manifest lists', async () => {
    const { lake, manifest } = await runMessy();
    const warehouse = await sortedWarehouse(lake);
    for (const inputDir of [join(lake, 'staging'), lake]) {
      const again = await runEtl({ inputDir, lakeDir: lake });
      expect(again.sources.albums).toMatchObject({ rows: 16, accepted: 4 });
      expect(again.quarantine.byReason).toEqual(manifest.quarantine.byReason);
      expect(await sortedWarehouse(lake)).toEqual(warehouse);
      expect(await lakeEntries(lake)).toEqual(expectedLake(again));
    }
  });

  it('accepts a header-only file as a source without rows, when an empty warehouse may be published', async () => {
    const input = await copyFixture(MESSY);
    await writeFile(join(input, 'tracks.csv'), 'track_id,track_popularity\n');
    const manifest = await runEtl({
      inputDir: input,
      lakeDir: join(await tempDir(), 'lake'),
      dataQualityFailure: 'warn',
    });
    expect(manifest.sources.tracks).toMatchObject({ rows: 0, accepted: 0, quarantined: 0 });
    expect(manifest.warehouse.rows).toBe(0);
    expect(manifest.sources.albums.byReason.unknown_track).toBe(6);
    expect(manifest.dataQuality).toMatchObject({ failed: ['row_count'], verdict: 'warn' });
  });

  it('reads CRLF line ends and a UTF-8 byte order mark', async () => {
    const input = await copyFixture(MESSY);
    const artists = await readFile(join(input, 'artists.csv'), 'utf8');
    await writeFile(join(input, 'artists.csv'), `\uFEFF${artists.replaceAll('\n', '\r\n')}`);
    const lake = join(await tempDir(), 'lake');
    const manifest = await runEtl({ inputDir: input, lakeDir: lake });
    expect(manifest.sources.artists).toMatchObject({ rows: 11, accepted: 4, quarantined: 7 });
    const [band] = await query(
      `SELECT artist_name, genre FROM ${lakeTable(lake, 'datawarehouse')} WHERE artist_id = 'ar2'`,
    );
    expect(band).toEqual({ artist_name: 'The "Band"', genre: 'rock, indie' });
  });
});

describe('runEtl data quality', () => {
  it("records every contract rule's outcome and observed value in the manifest", async () => {
    const { manifest } = await runMessy();
    const { results, verdict, failureMode } = manifest.dataQuality;
    expect({ verdict, failureMode }).toEqual({ verdict: 'pass', failureMode: 'fail' });
    expect(results.map((r) => r.rule)).toEqual(dataQualityChecks().rules.map((r) => r.name));
    expect(results.find((r) => r.rule === 'row_count')).toMatchObject({ outcome: 'passed', observed: 4 });
    expect(results.every((r) => r.outcome === 'passed')).toBe(true);
    expect(manifest.timings.steps.map((s) => s.step)).toContain('data-quality');
  });

  it('fails by default when a rule fails, publishing nothing and naming the rule', async () => {
    const { lake } = await runMessy();
    const before = await readFile(join(lake, 'manifest.json'), 'utf8');
    const input = await copyFixture(MESSY);
    await writeFile(join(input, 'tracks.csv'), 'track_id,track_popularity\n');
    const error = await runEtl({ inputDir: input, lakeDir: lake }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataQualityError);
    expect((error as DataQualityError).message).toBe(
      'the warehouse fails 1 of ' +
        `${dataQualityChecks().rules.length} data-quality rules, so nothing was published: RowCount > 0 (rows: 0)` +
        ' (run with --data-quality warn to publish anyway)',
    );
    expect(await readFile(join(lake, 'manifest.json'), 'utf8')).toBe(before);
  });

  it('refuses an unknown failure mode, naming the option', async () => {
    await expect(
      runEtl({
        inputDir: MESSY,
        lakeDir: join(await tempDir(), 'lake'),
        dataQualityFailure: 'never' as never,
      }),
    ).rejects.toThrow('runEtl: dataQualityFailure must be fail or warn, got "never"');
  });
});

describe('runEtl failures', () => {
  const expectInputError = async (promise: Promise<unknown>, file: string, column?: string) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EtlInputError);
    expect((error as EtlInputError).file).toBe(file);
    expect((error as EtlInputError).column).toBe(column);
    return error as EtlInputError;
  };

  it('names the file and column when a required column is missing, and leaves the previous lake untouched', async () => {
    const { lake, manifest } = await runMessy();
    const before = await readFile(join(lake, 'manifest.json'), 'utf8');
    const input = await copyFixture(MESSY);
    const albums = await readFile(join(input, 'albums.csv'), 'utf8');
    await writeFile(join(input, 'albums.csv'), albums.replace('release_date,', 'released,'));

    const error = await expectInputError(
      runEtl({ inputDir: input, lakeDir: lake }),
      join(input, 'albums.csv'),
      'release_date',
    );
    expect(error.message).toContain('albums.csv, line 1, column release_date: required column is missing');
    expect(await readFile(join(lake, 'manifest.json'), 'utf8')).toBe(before);
    expect(await lakeEntries(lake)).toEqual(expectedLake(manifest));
    expect(await sortedWarehouse(lake)).toHaveLength(manifest.warehouse.rows);
  });

  it('leaves the previous lake untouched and no run folder when the run fails after it started writing', async () => {
    const { lake, manifest } = await runMessy();
    const before = await readFile(join(lake, 'manifest.json'), 'utf8');
    const events: string[] = [];
    // Too little memory for DuckDB's read buffers: the run fails after it staged the inputs.
    await expect(
      runEtl({
        inputDir: MESSY,
        lakeDir: lake,
        memoryLimit: '100KB',
        onProgress: (e) => events.push(e.step),
      }),
    ).rejects.toThrow(/ran out of memory reading .*albums\.csv; raise memoryLimit/);
    expect(events).toContain('read');
    expect(await readFile(join(lake, 'manifest.json'), 'utf8')).toBe(before);
    expect(await lakeEntries(lake)).toEqual(expectedLake(manifest));
  });

  it('names a source file that is a folder', async () => {
    const input = await copyFixture(MESSY);
    await rm(join(input, 'tracks.csv'));
    await mkdir(join(input, 'tracks.csv'));
    const error = await expectInputError(
      runEtl({ inputDir: input, lakeDir: join(await tempDir(), 'lake') }),
      join(input, 'tracks.csv'),
    );
    expect(error.message).toContain('is a folder, not a CSV file');
  });

  it('names a file whose header is not UTF-8 text', async () => {
    const input = await copyFixture(MESSY);
    await writeFile(join(input, 'tracks.csv'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x2c, 0x0a, 0x31, 0x0a]));
    const error = await expectInputError(
      runEtl({ inputDir: input, lakeDir: join(await tempDir(), 'lake') }),
      join(input, 'tracks.csv'),
    );
    expect(error.row).toBe(1);
    expect(error.message).toContain('header is not UTF-8 text');
  });

  it('writes nothing, not even the lake folder, when a first run fails', async () => {
    const parent = await tempDir();
    const input = await copyFixture(MESSY);
    await rm(join(input, 'artists.csv'));
    const error = await expectInputError(
      runEtl({ inputDir: input, lakeDir: join(parent, 'lake') }),
      join(input, 'artists.csv'),
    );
    expect(error.message).toMatch(
      /artists\.csv: is missing: source artists needs artists\.csv or a artists\/ folder/,
    );
    expect(await readdir(parent)).toEqual([]);
  });

  it('names an empty file', async () => {
    const input = await copyFixture(MESSY);
    await writeFile(join(input, 'tracks.csv'), '');
    const error = await expectInputError(
      runEtl({ inputDir: input, lakeDir: join(await tempDir(), 'lake') }),
      join(input, 'tracks.csv'),
    );
    expect(error.message).toContain('is empty');
  });

  it('names an input folder that does not exist', async () => {
    const missing = join(await tempDir(), 'nope');
    await expectInputError(runEtl({ inputDir: missing, lakeDir: join(await tempDir(), 'lake') }), missing);
  });

  it('refuses a lake folder that holds zone folders but no manifest', async () => {
    const lake = await tempDir();
    await mkdir(join(lake, 'staging'));
    const error = await runEtl({ inputDir: MESSY, lakeDir: lake }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakeFolderError);
    expect((error as LakeFolderError).message).toContain('is not a lake folder');
    expect(await readdir(lake)).toEqual(['staging']);
  });

  it('validates its options, naming the option', async () => {
    const lakeDir = join(await tempDir(), 'lake');
    await expect(runEtl({ inputDir: MESSY, lakeDir, threads: 0 })).rejects.toThrow(
      /threads must be an integer/,
    );
    await expect(runEtl({ inputDir: MESSY, lakeDir, threads: 1.5 })).rejects.toThrow(/threads/);
    await expect(runEtl({ inputDir: MESSY, lakeDir, memoryLimit: 'lots' })).rejects.toThrow(
      /memoryLimit must look like/,
    );
    await expect(runEtl({ inputDir: '', lakeDir })).rejects.toThrow(/inputDir/);
    await expect(runEtl({ inputDir: MESSY, lakeDir: ' ' })).rejects.toThrow(/lakeDir/);
  });

  it('passes threads and memoryLimit to DuckDB and records them', async () => {
    const manifest = await runEtl({
      inputDir: MESSY,
      lakeDir: join(await tempDir(), 'lake'),
      threads: 1,
      memoryLimit: '256MB',
    });
    expect(manifest.settings).toEqual({ threads: 1, memoryLimit: '256MB' });
  });
});
