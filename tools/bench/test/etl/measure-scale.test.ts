import { join } from 'node:path';
import { generateDataset } from '@spotify-lake/etl';
import { describe, expect, it, vi } from 'vitest';
import { assertExpectedCounts, measureScale } from '../../src/etl/measure-scale';
import { tempDir } from '../helpers';

vi.setConfig({ testTimeout: 60_000 });

describe('measureScale', () => {
  it('runs the ETL and the bare join on a generated dataset and checks the counts', async () => {
    const workDir = await tempDir();
    const dataset = await generateDataset({ outDir: join(workDir, 'input'), tracks: 2_000, seed: 3 });
    const lines: string[] = [];
    const result = await measureScale({ scale: 1, dataset, workDir, threads: 1, memoryLimit: '512MB' }, (l) =>
      lines.push(l),
    );
    expect(result).toMatchObject({
      scale: 1,
      albumRows: 2_000,
      warehouseRows: dataset.expected.warehouseRows,
    });
    expect(result.etlMs).toBeGreaterThan(0);
    expect(result.bareJoinMs).toBeGreaterThan(0);
    expect(result.orderedJoinMs).toBeGreaterThan(0);
    expect(result.checkedJoinMs).toBeGreaterThan(0);
    expect(result.peakRssBytes).toBeGreaterThan(10_000_000);
    expect(result.steps.map((s) => s.step)).toContain('sql:resolved_albums');
    expect(lines.some((l) => l.includes('1x bare join'))).toBe(true);
    expect(lines.some((l) => l.includes('1x bare join over the sources kept in file order'))).toBe(true);
    expect(lines.some((l) => l.includes('1x checked join'))).toBe(true);
  });

  it('refuses counts that differ from what the generator expects', async () => {
    const dataset = await generateDataset({ outDir: await tempDir(), tracks: 300, seed: 1 });
    const manifest = {
      sources: Object.fromEntries(
        (['albums', 'artists', 'tracks'] as const).map((s) => [
          s,
          {
            rows: dataset.rows[s],
            accepted: dataset.expected.accepted[s],
            byReason: dataset.expected.quarantined[s],
          },
        ]),
      ),
      warehouse: { rows: dataset.expected.warehouseRows },
    } as unknown as Parameters<typeof assertExpectedCounts>[0];
    expect(() => assertExpectedCounts(manifest, dataset)).not.toThrow();
    const off = { ...manifest, warehouse: { ...manifest.warehouse, rows: manifest.warehouse.rows + 1 } };
    expect(() => assertExpectedCounts(off, dataset)).toThrow(/warehouse: \d+ rows, expected \d+/);
  });
});
