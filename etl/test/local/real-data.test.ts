import { join } from 'node:path';
import { type LogicalType, WAREHOUSE_COLUMNS } from '@spotify-lake/contract';
import { describe, expect, it, vi } from 'vitest';
import { runEtl } from '../../src/local';
import { lakeTable, query, tempDir } from '../fixtures/helpers';
import { findRealSample } from '../fixtures/shared-data';

const sample = findRealSample();
const GLUE_ROWS = 24_393;
if (sample.dir === undefined) {
  console.warn(
    `real-data test skipped: no Spotify sample at ${sample.looked} (set SPOTIFY_SHARED_DATA to the shared/ folder)`,
  );
}

/**
 * The Glue job wrote every column as text, empty text as ''. Typed the contract's way (empty text is NULL,
 * dates are the first 10 characters of `YYYY-MM-DD HH:MM:SS UTC`), its rows must equal ours.
 */
function glueTyped(column: (typeof WAREHOUSE_COLUMNS)[number]): string {
  // Glue kept each source's field name; the artist's `name` became the warehouse's artist_name.
  const text = column.from.field;
  const date = `CAST(substr(${text}, 1, 10) AS DATE)`;
  const cast: Record<LogicalType, string> = {
    string: `NULLIF(${text}, '')`,
    int: `CAST(${text} AS INTEGER)`,
    bigint: `CAST(${text} AS BIGINT)`,
    double: `CAST(${text} AS DOUBLE)`,
    date,
  };
  const value = 'derived' in column.from ? `CAST(year(${date}) AS INTEGER)` : cast[column.type];
  return `${value} AS ${column.name}`;
}

// Each test runs DuckDB over real files; the 2-core machine is shared, so allow for a slow moment.
vi.setConfig({ testTimeout: 60_000 });

describe('the real Spotify 2023 sample', () => {
  it.skipIf(sample.dir === undefined)(
    `yields the Glue job's 24,393 warehouse rows as typed values, none quarantined${sample.dir ? '' : ` (SKIPPED: no sample at ${sample.looked}; set SPOTIFY_SHARED_DATA)`}`,
    async () => {
      const dir = sample.dir!;
      const lake = join(await tempDir(), 'lake');
      const manifest = await runEtl({ inputDir: dir, lakeDir: lake });
      expect(manifest.quarantine.rows).toBe(0);
      expect(manifest.sources.albums).toMatchObject({ rows: GLUE_ROWS, accepted: GLUE_ROWS, quarantined: 0 });
      expect(manifest.sources.artists).toMatchObject({ rows: 37_012, accepted: 37_012 });
      expect(manifest.sources.tracks).toMatchObject({ rows: 24_392, accepted: 24_392 });
      expect(manifest.warehouse.rows).toBe(GLUE_ROWS);

      const glue = `SELECT ${WAREHOUSE_COLUMNS.map(glueTyped).join(', ')} FROM '${join(dir, 'glue-output', '*.parquet')}'`;
      const ours = `SELECT ${WAREHOUSE_COLUMNS.map((c) => c.name).join(', ')} FROM ${lakeTable(lake, 'datawarehouse')}`;
      const [counts] = await query(
        `SELECT (SELECT COUNT(*) FROM (${glue})) AS glue,
                (SELECT COUNT(*) FROM (${glue} EXCEPT ALL ${ours})) AS only_glue,
                (SELECT COUNT(*) FROM (${ours} EXCEPT ALL ${glue})) AS only_ours`,
      );
      expect(counts).toEqual({ glue: BigInt(GLUE_ROWS), only_glue: 0n, only_ours: 0n });
    },
  );
});
