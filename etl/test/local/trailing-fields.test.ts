import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkedView, DUCKDB_SHIMS, originalText, SOURCES } from '@spotify-lake/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { scanCsvRecords } from '../../src/local/csv-record-scan';
import { type DuckDbSession, openDuckDb } from '../../src/local/duckdb-session';
import { matchHeader } from '../../src/local/header-match';
import {
  appendCheckedRowsSql,
  checkedViewSql,
  createCheckedRowsTableSql,
  createTrailingFieldsTableSql,
  malformedRawViewSql,
  parsedRawViewSql,
  type SourceFile,
} from '../../src/local/raw-source';
import { splitChecks } from '../../src/local/run-etl';
import { flagTrailingFieldRecords } from '../../src/local/trailing-fields';
import { loadTransform } from '../../src/local/transform-file';
import { tempDir } from '../fixtures/helpers';

let db: DuckDbSession | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/** Opens a session with the tracks checks ready to stream files through; returns the checks' SQL. */
async function openTracks(dir: string): Promise<string> {
  db = await openDuckDb({ threads: 2, memoryLimit: '256MB', tempDirectory: dir });
  for (const sql of DUCKDB_SHIMS) await db.run(sql);
  const checks = splitChecks(await loadTransform()).checks.tracks.sql;
  await db.run(createTrailingFieldsTableSql('tracks'));
  for (const sql of createCheckedRowsTableSql('tracks', checks)) await db.run(sql);
  return checks;
}

/** Streams one file through the checks, as the runner does; returns how many rows were inserted. */
async function append(checks: string, file: SourceFile): Promise<number> {
  await db!.run(parsedRawViewSql('tracks', file));
  const [result] = await db!.rows(appendCheckedRowsSql('tracks', checks));
  return Number(result?.Count);
}

async function load(files: string[]) {
  const dir = await tempDir();
  const checks = await openTracks(dir);
  let firstRowId = 0;
  let moved = 0;
  for (const [i, content] of files.entries()) {
    const path = join(dir, `part-${i}.csv`);
    await writeFile(path, content);
    const header = matchHeader('tracks', path, ['track_id', 'track_popularity', 'note']);
    const inserted = await append(checks, { path, header });
    const scan = await scanCsvRecords(path, 3);
    moved += await flagTrailingFieldRecords(db!, 'tracks', {
      file: { path, header },
      firstRowId,
      inserted,
      scan,
    });
    firstRowId += inserted;
  }
  await db!.run(malformedRawViewSql('tracks', moved > 0));
  await db!.run(appendCheckedRowsSql('tracks', checks));
  await db!.run(checkedViewSql('tracks', moved > 0));
  const fields = SOURCES.tracks.fields.map((f) => `${originalText(f, 'c')} AS ${f.name}`);
  return {
    moved,
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
    expect(rows.map((r) => [Number(r._record), r.track_id, r._raw_line, r._parse_error])).toEqual([
      [1, 'a', null, null],
      [2, null, 'e,4,n,,""', expect.stringContaining('part-1.csv line 2: TOO MANY COLUMNS')],
      [3, 'c\nd', null, null],
      [3, null, 'bad', expect.stringContaining('part-0.csv line 3: MISSING COLUMNS')],
      [
        4,
        null,
        'b,2,n,',
        'part-0.csv line 4: TOO MANY COLUMNS: Expected Number of Columns: 3 Found: 4 (the extra fields are empty)',
      ],
      [5, 'f', null, null],
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
    await append(checks, { path, header });
    const scan = await scanCsvRecords(path, 2);
    await expect(
      flagTrailingFieldRecords(db!, 'tracks', { file: { path, header }, firstRowId: 0, inserted: 5, scan }),
    ).rejects.toThrow('the CSV readers disagree on x.csv (2 records scanned, 5 parsed + 0 rejected)');
    await expect(
      flagTrailingFieldRecords(db!, 'tracks', { file: { path, header }, firstRowId: 1, inserted: 2, scan }),
    ).rejects.toThrow('the CSV readers disagree on x.csv (line 3 is not parsed row 3)');
  });
});
