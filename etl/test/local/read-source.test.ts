import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkedView, DUCKDB_SHIMS, originalText, SOURCES } from '@spotify-lake/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { type DuckDbSession, openDuckDb } from '../../src/local/duckdb-session';
import { readEtlSql } from '../../src/local/etl-sql-file';
import { matchHeader } from '../../src/local/header-match';
import { CSV_READ_BUFFER_BYTES } from '../../src/local/raw-source';
import { readSource } from '../../src/local/read-source';
import { splitChecks } from '../../src/local/run-etl';
import { tempDir } from '../fixtures/helpers';

let db: DuckDbSession | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/** Reads a tracks file the runner's way into checked_tracks; returns how many records it holds. */
async function loadTracks(content: string | Buffer): Promise<number> {
  const dir = await tempDir();
  const path = join(dir, 'tracks.csv');
  await writeFile(path, content);
  db = await openDuckDb({ threads: 2, memoryLimit: '256MB', tempDirectory: dir });
  for (const sql of DUCKDB_SHIMS) await db.run(sql);
  const checks = splitChecks((await readEtlSql()).statements).checks.tracks;
  const header = matchHeader('tracks', path, ['track_id', 'track_popularity']);
  return readSource(db, 'tracks', [{ path, header, relative: 'tracks.csv', inputPath: path }], checks);
}

/**
 * Reads a tracks file the runner's way and returns checked_tracks in
 * record order, with each field's text as read rebuilt from the checked columns.
 */
async function rawTracks(content: string | Buffer) {
  await loadTracks(content);
  const fields = SOURCES.tracks.fields.map((f) => `${originalText(SOURCES.tracks, f, 'c')} AS ${f.name}`);
  return db!.rows(
    `SELECT _record, _raw_line, _parse_error, ${fields.join(', ')} FROM ${checkedView('tracks')} c ORDER BY _parse_error NULLS FIRST, _record`,
  );
}

describe('sources streamed through their checks with DuckDB', () => {
  it('numbers parsed records in file order and keeps values as text, empty as NULL', async () => {
    const rows = await rawTracks('track_id,track_popularity\nb,2\na, 1\n"c,d",\n"e""f","7"\n');
    expect(rows).toEqual([
      { _record: 1n, _raw_line: null, _parse_error: null, track_id: 'b', track_popularity: '2' },
      { _record: 2n, _raw_line: null, _parse_error: null, track_id: 'a', track_popularity: ' 1' },
      { _record: 3n, _raw_line: null, _parse_error: null, track_id: 'c,d', track_popularity: null },
      { _record: 4n, _raw_line: null, _parse_error: null, track_id: 'e"f', track_popularity: '7' },
    ]);
  });

  it('rebuilds the text as read of ids and numbers that cleaning trimmed, and keeps the cleaned values', async () => {
    const rows = await rawTracks('track_id,track_popularity\n x ,5 \n  ,\n');
    expect(rows).toEqual([
      { _record: 1n, _raw_line: null, _parse_error: null, track_id: ' x ', track_popularity: '5 ' },
      { _record: 2n, _raw_line: null, _parse_error: null, track_id: '  ', track_popularity: null },
    ]);
    const [cleaned] = await db!.rows(
      `SELECT v_track_id, v_track_popularity, _detail FROM ${checkedView('tracks')} WHERE _record = 1`,
    );
    expect(cleaned).toEqual({ v_track_id: 'x', v_track_popularity: 5, _detail: null });
  });

  it.each([
    ['too many fields', 'x,1,extra\n', 'TOO MANY COLUMNS'],
    ['a missing field', 'x\n', 'MISSING COLUMNS'],
    ['invalid UTF-8', Buffer.from('x\xff,1\n', 'latin1'), 'INVALID ENCODING'],
    ['text after a closing quote', '"x"y,1\n', 'UNQUOTED VALUE'],
    ['an unterminated quote', '"x,1\n', 'unterminated quote'],
    ['a whitespace-only line', '   \n', 'MISSING COLUMNS'],
  ])('makes one malformed row, with its line and text, of %s', async (_, bad, problem) => {
    const content = Buffer.concat([Buffer.from('track_id,track_popularity\ngood,1\n'), Buffer.from(bad)]);
    const rows = await rawTracks(content);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ _record: 1n, track_id: 'good' });
    // Its record: its position among the records (2); its line, DuckDB's count from the header (3).
    expect(rows[1]).toMatchObject({ _record: 2n, track_id: null, track_popularity: null });
    expect(rows[1]?._parse_error).toContain('tracks.csv line 3: ');
    expect(rows[1]?._parse_error).toContain(problem);
    expect(String(rows[1]?._raw_line).length).toBeGreaterThan(0);
  });

  it('reads multi-line quoted fields as one record and skips empty lines', async () => {
    const rows = await rawTracks('track_id,track_popularity\n"multi\nline",1\n\nnext,2\n');
    expect(rows.map((r) => [r._record, r.track_id])).toEqual([
      [1n, 'multi\nline'],
      [2n, 'next'],
    ]);
  });

  it('drops the empty lines DuckDB puts before a malformed record from its text', async () => {
    const rows = await rawTracks('track_id,track_popularity\nok,1\n\n\nbad\n');
    expect(rows[1]).toMatchObject({ _raw_line: 'bad' });
  });

  it('numbers every record by its position, malformed ones included; empty lines are not records', async () => {
    const rows = await rawTracks('track_id,track_popularity\na,1\nbad\n\nb,2\n\n\nbad,3,x\nc,3\nbad\n');
    const byRecord = rows.sort((a, b) => Number(a._record) - Number(b._record));
    expect(byRecord.map((r) => [r._record, r.track_id ?? r._raw_line])).toEqual([
      [1n, 'a'],
      [2n, 'bad'],
      [3n, 'b'],
      [4n, 'bad,3,x'],
      [5n, 'c'],
      [6n, 'bad'],
    ]);
    // The problem names DuckDB's line: records and empty lines from the header as line 1.
    expect(byRecord.filter((r) => r._parse_error).map((r) => String(r._parse_error).split(':')[0])).toEqual([
      'tracks.csv line 3',
      'tracks.csv line 8',
      'tracks.csv line 10',
    ]);
  });

  it('reads a file of several read buffers whole: records across buffer ends, bad ones where they are', async () => {
    // Every good record spans two lines (a quoted line break) and holds a comma and escaped quotes, so the
    // reader's buffer ends (CSV_READ_BUFFER_BYTES) fall inside quoted fields. One bad record sits at
    // each of the first three buffer ends. Good record k: `t<k>`, a line break, `,"<k>"`; popularity k % 101.
    const bufferBytes = CSV_READ_BUFFER_BYTES;
    const badRecords = ['bad,1,extra', 'bad', 'bad,1,'];
    const bad: { line: number; text: string }[] = [];
    const parts = ['track_id,track_popularity\n'];
    let bytes = parts[0]!.length;
    let records = 0;
    while (bytes < 3.5 * bufferBytes) {
      records += 1;
      const text =
        bad.length < badRecords.length && bytes > (bad.length + 1) * bufferBytes - 30
          ? badRecords[bad.length]!
          : `"t${records}\n,""${records}""",${records % 101}`;
      // DuckDB's line numbers count a record once, the header being line 1; the record is its position.
      if (text.startsWith('bad')) bad.push({ line: records + 1, text });
      parts.push(`${text}\n`);
      bytes += Buffer.byteLength(text) + 1;
    }
    expect(bad).toHaveLength(3);

    expect(await loadTracks(parts.join(''))).toBe(records);
    const key = `CAST(regexp_extract(v_track_id, '^t([0-9]+)', 1) AS BIGINT)`;
    const [good] = await db!.rows(
      `SELECT COUNT(*) AS n,
         COUNT(*) FILTER (WHERE v_track_id <> 't' || k || chr(10) || ',"' || k || '"' OR v_track_popularity <> k % 101) AS wrong,
         COUNT(*) FILTER (WHERE k <= previous) AS out_of_order,
         COUNT(*) FILTER (WHERE _record <> k) AS misnumbered
       FROM (SELECT *, lag(k) OVER (ORDER BY _record) AS previous
             FROM (SELECT *, ${key} AS k FROM ${checkedView('tracks')} WHERE _parse_error IS NULL))`,
    );
    expect(good).toEqual({ n: BigInt(records - bad.length), wrong: 0n, out_of_order: 0n, misnumbered: 0n });
    const malformed = await db!.rows(
      `SELECT _record, _raw_line, _parse_error FROM ${checkedView('tracks')} WHERE _parse_error IS NOT NULL ORDER BY _record`,
    );
    expect(malformed.map((r) => [r._record, r._raw_line])).toEqual(
      bad.map((b) => [BigInt(b.line - 1), b.text]),
    );
    for (const [index, row] of malformed.entries()) {
      expect(row._parse_error).toContain(`tracks.csv line ${bad[index]!.line}: `);
    }
  });
});
