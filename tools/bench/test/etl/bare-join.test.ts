import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WAREHOUSE_COLUMNS } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { runBareJoin } from '../../src/etl/bare-join';
import { query, tempDir } from '../helpers';

/**
 * Three small CSVs as a user might drop them: columns reordered, a header in another case, an extra column,
 * a quoted comma, an artist row repeated, a duration that is not a number, a record with too many fields.
 */
const INPUT = {
  albums: [
    'album_id,Track_ID,track_name,duration_ms,album_name,release_date,label,album_popularity,artist_id,duration_sec,extra_note',
    'al1,t1,"Halo, Live",200000,Album One,2016-11-10,Label A,50,ar1,200.0,x',
    'al1,t2,Two,not-a-number,Album One,2016-11,Label A,50,ar1,180.0,y',
    'al2,t3,Three,1000,Album Two,1999,,70,ar2,1.0,',
    'al2,t4,Four,2000,Album Two,1999,,70,ar2,2.0,,too many',
  ],
  artists: [
    'id,name,artist_popularity,followers,genre',
    'ar1,"Beyoncé, Queen",90,1000000,pop',
    'ar1,"Beyoncé, Queen",90,1000000,pop',
    'ar2,Band,50,2500000000,rock',
  ],
  tracks: ['track_popularity,track_id', '10,t1', '20,t2', '30,t3', '40,t4'],
};

async function inputFiles(): Promise<Record<keyof typeof INPUT, string>> {
  const dir = await tempDir();
  const files = {} as Record<keyof typeof INPUT, string>;
  for (const [source, lines] of Object.entries(INPUT) as [keyof typeof INPUT, string[]][]) {
    files[source] = join(dir, `${source}.csv`);
    await writeFile(files[source], `${lines.join('\n')}\n`);
  }
  return files;
}

describe('runBareJoin', () => {
  it('inner-joins the three CSVs, unvalidated, into Parquet with the warehouse columns', async () => {
    const outDir = await tempDir();
    const files = await inputFiles();
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
    const files = await inputFiles();
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
