import { join } from 'node:path';
import { WAREHOUSE_COLUMNS } from '@spotify-lake/contract';
import { generateDataset, runEtl } from '@spotify-lake/etl';
import { describe, expect, it, vi } from 'vitest';
import { runCheckedJoin } from '../../src/etl/checked-join';
import { query, tempDir } from '../helpers';

vi.setConfig({ testTimeout: 60_000 });

const settings = { threads: 1, memoryLimit: '256MB' };

async function etlAndCheckedJoin(badRowShare: number) {
  const dataset = await generateDataset({ outDir: await tempDir(), tracks: 3_000, seed: 5, badRowShare });
  const lakeDir = await tempDir();
  const manifest = await runEtl({ inputDir: dataset.dir, lakeDir, ...settings });
  const outDir = await tempDir();
  const result = await runCheckedJoin({ files: dataset.files, outDir, ...settings });
  return {
    manifest,
    result,
    warehouse: `'${join(lakeDir, manifest.warehouse.files[0]!)}'`,
    checked: `'${join(outDir, 'part-00000.parquet')}'`,
  };
}

describe('runCheckedJoin', () => {
  it('writes exactly the ETL warehouse rows when the input has no bad rows', async () => {
    const { manifest, result, warehouse, checked } = await etlAndCheckedJoin(0);
    expect(manifest.quarantine.rows).toBe(0);
    expect(result.rows).toBe(manifest.warehouse.rows);
    const columns = await query(`DESCRIBE SELECT * FROM ${checked}`);
    expect(columns.map((c) => c.column_name)).toEqual(WAREHOUSE_COLUMNS.map((c) => c.name));
    const differing = await query(
      `(SELECT * FROM ${warehouse} EXCEPT ALL SELECT * FROM ${checked})
       UNION ALL (SELECT * FROM ${checked} EXCEPT ALL SELECT * FROM ${warehouse})`,
    );
    expect(differing).toEqual([]);
  });

  it('drops bad values and duplicate keys as the checks say, keeping one row of each key', async () => {
    const { manifest, result, warehouse, checked } = await etlAndCheckedJoin(0.05);
    const byReason = manifest.sources.albums.byReason;
    expect(byReason.bad_value).toBeGreaterThan(0);
    expect(byReason.duplicate_key).toBeGreaterThan(0);
    const [stats] = await query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT (track_id, album_id)) AS keys,
         COUNT(*) FILTER (WHERE album_popularity NOT BETWEEN 0 AND 100 OR duration_ms < 0 OR release_date IS NULL) AS bad
       FROM ${checked}`,
    );
    expect(Number(stats?.n)).toBe(result.rows);
    expect(Number(stats?.keys)).toBe(result.rows);
    expect(Number(stats?.bad)).toBe(0);
    // Only which row of a repeated key is kept may differ from the ETL's (the first), and with it whether
    // its artist and track are known.
    const [onlyInOne] = await query(
      `SELECT COUNT(*) AS n FROM (
         (SELECT track_id, album_id FROM ${warehouse} EXCEPT SELECT track_id, album_id FROM ${checked})
         UNION ALL (SELECT track_id, album_id FROM ${checked} EXCEPT SELECT track_id, album_id FROM ${warehouse}))`,
    );
    expect(Number(onlyInOne?.n)).toBeLessThanOrEqual(byReason.duplicate_key + byReason.duplicate_row);
  });
});
