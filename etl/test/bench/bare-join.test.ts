import { join } from 'node:path';
import { WAREHOUSE_COLUMNS } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { runBareJoin } from '../../src/bench/bare-join';
import { MESSY, query, tempDir } from '../fixtures/helpers';

describe('runBareJoin', () => {
  it('inner-joins the three CSVs, unvalidated, into Parquet with the warehouse columns', async () => {
    const outDir = await tempDir();
    const files = {
      albums: join(MESSY, 'albums.csv'),
      artists: join(MESSY, 'artists.csv'),
      tracks: join(MESSY, 'tracks.csv'),
    };
    const result = await runBareJoin({ files, outDir, threads: 1, memoryLimit: '256MB' });
    const columns = await query(`DESCRIBE SELECT * FROM '${join(outDir, 'part-00000.parquet')}'`);
    expect(columns.map((c) => c.column_name)).toEqual(WAREHOUSE_COLUMNS.map((c) => c.name));
    // No dedup, no validation: duplicated artists and tracks multiply rows, bad values become NULL.
    const [counts] = await query(
      `SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE duration_ms IS NULL) AS bad FROM '${join(outDir, 'part-00000.parquet')}'`,
    );
    expect(Number(counts?.n)).toBe(result.rows);
    expect(result.rows).toBeGreaterThan(4);
    expect(Number(counts?.bad)).toBeGreaterThan(0);
    expect(result.ms).toBeGreaterThan(0);
    expect(result.bytes).toBeGreaterThan(0);
  });

  it('writes the same rows when it first keeps each source in file order', async () => {
    const files = {
      albums: join(MESSY, 'albums.csv'),
      artists: join(MESSY, 'artists.csv'),
      tracks: join(MESSY, 'tracks.csv'),
    };
    const [bare, kept] = [await tempDir(), await tempDir()];
    await runBareJoin({ files, outDir: bare, threads: 1, memoryLimit: '256MB' });
    const result = await runBareJoin({
      files,
      outDir: kept,
      threads: 1,
      memoryLimit: '256MB',
      keepInOrder: true,
    });
    const differing = await query(
      `(SELECT * FROM '${join(bare, 'part-00000.parquet')}' EXCEPT ALL SELECT * FROM '${join(kept, 'part-00000.parquet')}')
       UNION ALL
       (SELECT * FROM '${join(kept, 'part-00000.parquet')}' EXCEPT ALL SELECT * FROM '${join(bare, 'part-00000.parquet')}')`,
    );
    expect(differing).toEqual([]);
    expect(result.rows).toBeGreaterThan(4);
  });
});
