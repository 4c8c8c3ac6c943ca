import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SOURCE_NAMES, SOURCES } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { csvRecord, csvValue, recordOf } from '../../src/generate/csv-writer';
import { album, albumRowCells, artistCells, track, trackCells } from '../../src/generate/entities';
import {
  badValueCells,
  changedCells,
  malformedRecord,
  RecentRows,
  unterminatedRecord,
} from '../../src/generate/faults';
import { Random } from '../../src/generate/random';
import { passesRule } from './contract-rules';
import { duck, readCsvSql, tempDir } from './helpers';

const rng = new Random(11);
function sampleCells(source: (typeof SOURCE_NAMES)[number], i: number): string[] {
  const t = track(42, i);
  if (source === 'tracks') return trackCells(t);
  if (source === 'artists') return artistCells(42, i, rng);
  return albumRowCells(album(42, i, t.title, false, rng), t, '0aaaaaaaaaaaaaaaaaaaaa');
}

describe('faults', () => {
  it('makes records a strict CSV reader rejects, and the unterminated one swallows only itself', async () => {
    const dir = await tempDir();
    for (const source of SOURCE_NAMES) {
      const good = Array.from({ length: 40 }, (_, i) => sampleCells(source, i));
      const malformed = Array.from({ length: 40 }, (_, i) =>
        malformedRecord(source, good[i] as string[], rng),
      );
      const body = good.flatMap((cells, i) => [recordOf(cells), malformed[i] as string]).join('');
      const path = join(dir, `${source}.csv`);
      const header = csvRecord(SOURCES[source].fields.map((f) => f.name));
      await writeFile(path, header + body + unterminatedRecord(source, () => '0bbbbbbbbbbbbbbbbbbbbb'));
      const [counts] = await duck(
        ...readCsvSql(source, path),
        `SELECT (SELECT COUNT(*) FROM ${source}) AS parsed, (SELECT COUNT(*) FROM ${source}_rejects) AS rejected`,
      );
      expect(counts, source).toEqual({ parsed: 40n, rejected: 41n });
    }
  }, 60_000);

  it('plants a bad value in exactly one checked field', () => {
    for (const source of SOURCE_NAMES) {
      for (let i = 0; i < 100; i++) {
        const cells = sampleCells(source, i);
        const bad = badValueCells(source, cells, rng);
        const failing = SOURCES[source].fields.filter((f, j) => !passesRule(f, csvValue(bad[j] as string)));
        expect(failing).toHaveLength(1);
        expect(failing[0]?.required).toBe(true);
      }
    }
  }, 60_000);

  it('changes a non-key field to another valid value', () => {
    for (const source of SOURCE_NAMES) {
      for (let i = 0; i < 100; i++) {
        const cells = sampleCells(source, i);
        const changed = changedCells(source, cells, rng);
        const differing = SOURCES[source].fields.filter((_, j) => changed[j] !== cells[j]);
        expect(differing).toHaveLength(1);
        expect(SOURCES[source].key).not.toContain(differing[0]?.name);
        for (const [j, f] of SOURCES[source].fields.entries()) {
          expect(passesRule(f, csvValue(changed[j] as string))).toBe(true);
        }
      }
    }
  }, 60_000);

  it('classifies duplicates the way the transform does: identical text is a duplicate row', () => {
    const recent = new RecentRows(1);
    const cells = sampleCells('tracks', 1);
    recent.add(cells, recordOf(cells));
    expect(recent.duplicate('tracks', rng, false)).toEqual({
      line: recordOf(cells),
      outcome: 'duplicate_row',
    });
    const first = recent.duplicate('tracks', rng, true);
    expect(first.outcome).toBe('duplicate_key');
    // Re-sending changed values until one repeats an earlier re-send: that one is a duplicate row.
    const seen = new Set([recordOf(cells), first.line]);
    for (let i = 0; i < 500; i++) {
      const next = recent.duplicate('tracks', rng, true);
      expect(next.outcome).toBe(seen.has(next.line) ? 'duplicate_row' : 'duplicate_key');
      seen.add(next.line);
    }
    expect(new RecentRows().empty).toBe(true);
  }, 60_000);
});
