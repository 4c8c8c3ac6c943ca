import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkedView, DUCKDB_SHIMS, originalText, SOURCES } from '@spotify-lake/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { type DuckDbSession, openDuckDb } from '../../src/local/duckdb-session';
import { matchHeader } from '../../src/local/header-match';
import { readSource } from '../../src/local/read-source';
import { splitChecks } from '../../src/local/run-etl';
import { loadTransform } from '../../src/local/transform-file';
import { tempDir } from '../fixtures/helpers';

let db: DuckDbSession | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/**
 * Reads a tracks file the runner's way and returns checked_tracks in
 * record order, with each field's text as read rebuilt from the checked columns.
 */
async function rawTracks(content: string | Buffer) {
  const dir = await tempDir();
  const path = join(dir, 'tracks.csv');
  await writeFile(path, content);
  db = await openDuckDb({ threads: 2, memoryLimit: '256MB', tempDirectory: dir });
  for (const sql of DUCKDB_SHIMS) await db.run(sql);
  const checks = splitChecks(await loadTransform()).checks.tracks;
  const header = matchHeader('tracks', path, ['track_id', 'track_popularity']);
  await readSource(db, 'tracks', [{ path, header, relative: 'tracks.csv', inputPath: path }], checks);
  const fields = SOURCES.tracks.fields.map((f) => `${originalText('tracks', f, 'c')} AS ${f.name}`);
  return db.rows(
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
    expect(rows[1]).toMatchObject({ _record: 3n, track_id: null, track_popularity: null });
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
});
