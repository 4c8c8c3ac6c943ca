import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUARANTINE_REASONS, SOURCE_NAMES } from '@spotify-lake/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/generate';
import { runEtl } from '../../src/local/run-etl';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * The generator knows, row by row, what a correct ETL must do with what it wrote; the local runner
 * must report exactly that: per source, per reason, and in the warehouse.
 */
async function generateAndRun(tracks: number, badRowShare: number, seed: number) {
  const dir = await mkdtemp(join(tmpdir(), 'etl-e2e-'));
  dirs.push(dir);
  const dataset = await generateDataset({ outDir: join(dir, 'input'), tracks, badRowShare, seed });
  const manifest = await runEtl({ inputDir: dataset.dir, lakeDir: join(dir, 'lake') });
  return { dataset, manifest };
}

describe('generated data through the local ETL', () => {
  it.each([
    { tracks: 20_000, badRowShare: 0.05, seed: 42 },
    { tracks: 4_000, badRowShare: 0.3, seed: 2024 },
  ])(
    'reports exactly what the generator expects ($tracks rows, $badRowShare bad)',
    async (options) => {
      const { dataset, manifest } = await generateAndRun(options.tracks, options.badRowShare, options.seed);
      const { expected } = dataset;
      for (const source of SOURCE_NAMES) {
        const summary = manifest.sources[source];
        const quarantined = QUARANTINE_REASONS.reduce((n, r) => n + expected.quarantined[source][r], 0);
        expect(
          {
            rows: summary.rows,
            accepted: summary.accepted,
            quarantined: summary.quarantined,
            byReason: summary.byReason,
          },
          source,
        ).toEqual({
          rows: dataset.rows[source],
          accepted: expected.accepted[source],
          quarantined,
          byReason: expected.quarantined[source],
        });
        expect(manifest.quarantine.bySource[source]).toBe(quarantined);
      }
      expect(manifest.warehouse.rows).toBe(expected.warehouseRows);
      for (const reason of QUARANTINE_REASONS) {
        expect(manifest.quarantine.byReason[reason], reason).toBe(
          SOURCE_NAMES.reduce((n, s) => n + expected.quarantined[s][reason], 0),
        );
        expect(manifest.quarantine.byReason[reason], reason).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
