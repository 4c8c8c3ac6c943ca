import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkedView, DUCKDB_SHIMS, originalText, SOURCES } from '@spotify-lake/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { scanCsvRecords } from '../../src/local/csv-record-scan';
import { type DuckDbSession, openDuckDb } from '../../src/local/duckdb-session';
import { readEtlSql } from '../../src/local/etl-sql-file';
import { matchHeader } from '../../src/local/header-match';
import { trailingFieldsTable } from '../../src/local/raw-source';
import { readSource, type StagedFile } from '../../src/local/read-source';
import { numberFileRecords } from '../../src/local/record-numbers';
import { splitChecks } from '../../src/local/run-etl';
import { flagTrailingFieldRecords } from '../../src/local/trailing-fields';
import { tempDir } from '../fixtures/helpers';

let db: DuckDbSession | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/** Opens a session ready to read tracks files; returns the tracks checks statement. */
async function openTracks(dir: string) {
  db = await openDuckDb({ threads: 2, memoryLimit: '256MB', tempDirectory: dir });
  for (const sql of DUCKDB_SHIMS) await db.run(sql);
  return splitChecks((await readEtlSql()).statements).checks.tracks;
}

/** Writes the files and reads them as one source, the runner's way; returns how many rows were moved. */
async function load(files: string[]) {
  const dir = await tempDir();
  const checks = await openTracks(dir);
  const staged: StagedFile[] = [];
  for (const [i, content] of files.entries()) {
    const path = join(dir, `part-${i}.csv`);
    await writeFile(path, content);
    const header = matchHeader('tracks', path, ['track_id', 'track_popularity', 'note']);
    staged.push({ path, header, relative: `part-${i}.csv`, inputPath: path });
  }
  await readSource(db!, 'tracks', staged, checks);
  const [moved] = await db!.rows(`SELECT COUNT(*) AS n FROM ${trailingFieldsTable('tracks')}`);
  const fields = SOURCES.tracks.fields.map((f) => `${originalText(SOURCES.tracks, f, 'c')} AS ${f.name}`);
  return {
    moved: Number(moved?.n),
    rows: await db!.rows(
      `SELECT _record, _raw_line, _parse_error, ${fields.join(', ')} FROM ${checkedView('tracks')} c ORDER BY _record, _parse_error NULLS FIRST`,
    ),
  };
}

describe('flagTrailingFieldRecords', () => {
  it('turns records with extra empty fields into malformed rows, across files, after rejected ones', async () => {
    const { moved, rows } = await load([
      'track_id,track_popularity,note\na,1,n\nbad\nb,2,n,\n"c\nd",3,\n',
      'track_id,track_popularity,note\ne,4,n,,""\nf,5,n\n',
    ]);
    expect(moved).toBe(2);
    // Records are numbered across the files in name order, malformed ones included.
    expect(rows.map((r) => [Number(r._record), r.track_id, r._raw_line, r._parse_error])).toEqual([
      [1, 'a', null, null],
      [2, null, 'bad', expect.stringContaining('part-0.csv line 3: MISSING COLUMNS')],
      [
        3,
        null,
        'b,2,n,',
        'part-0.csv line 4: TOO MANY COLUMNS: Expected Number of Columns: 3 Found: 4 (the extra fields are empty)',
      ],
      [4, 'c\nd', null, null],
      [5, null, 'e,4,n,,""', expect.stringContaining('part-1.csv line 2: TOO MANY COLUMNS')],
      [6, 'f', null, null],
    ]);
  });

  it('does nothing when there are no such records', async () => {
    const { moved, rows } = await load(['track_id,track_popularity,note\na,1,\nb,2,x\n']);
    expect(moved).toBe(0);
    expect(rows).toHaveLength(2);
  });

  it('stops rather than guess when the two readers disagree', async () => {
    const dir = await tempDir();
    const checks = await openTracks(dir);
    const path = join(dir, 'x.csv');
    await writeFile(path, 'track_id,track_popularity\na,1\nb,2,\n');
    const header = matchHeader('tracks', path, ['track_id', 'track_popularity']);
    await readSource(db!, 'tracks', [{ path, header, relative: 'x.csv', inputPath: path }], checks);
    const scan = await scanCsvRecords(path, 2);
    const load = { file: { path, header }, firstRowId: 0, inserted: 5, scan, recordsBefore: 0 };
    await expect(numberFileRecords(db!, 'tracks', load, [])).rejects.toThrow(
      'the CSV readers disagree on x.csv (2 records scanned, 5 parsed + 0 rejected)',
    );
    await expect(numberFileRecords(db!, 'tracks', { ...load, inserted: 1 }, [7])).rejects.toThrow(
      'the CSV readers disagree on x.csv (rejected line 7 is not a record of the file)',
    );
    await expect(
      flagTrailingFieldRecords(db!, 'tracks', { ...load, firstRowId: 1, inserted: 2 }, []),
    ).rejects.toThrow('the CSV readers disagree on x.csv (line 3 is not parsed row 3)');
  });
});
