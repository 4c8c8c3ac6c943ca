import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, runEtl } from '@spotify-lake/etl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalQueryRunner, warehouseFiles } from '../../src/local';
import { lakeSummary } from '../../src/warehouse-queries';
import { buildLake } from '../helpers/fixture-lake';

let fixture: { lakeDir: string; remove: () => void };
beforeAll(async () => {
  fixture = await buildLake();
}, 60_000);
afterAll(() => fixture?.remove());

async function rowCount(lakeDir: string): Promise<bigint> {
  const runner = await LocalQueryRunner.open({ lakeDir, threads: 1 });
  try {
    const { rows } = await runner.run(lakeSummary, {});
    return rows[0]!.row_count as bigint;
  } finally {
    runner.close();
  }
}

describe('reading a local lake', () => {
  it.each(['lake[1]', 'lake*', 'lake?'])(
    'a lake at %s is read through its own manifest, never a glob that reaches its siblings',
    async (name) => {
      const parent = mkdtempSync(join(tmpdir(), 'queries-glob-'));
      try {
        // A sibling the name would match as a pattern, holding more rows than the lake itself.
        cpSync(fixture.lakeDir, join(parent, 'lake1'), { recursive: true });
        cpSync(fixture.lakeDir, join(parent, 'lakeX'), { recursive: true });
        await runEtl({ inputDir: join(fixture.lakeDir, 'staging'), lakeDir: join(parent, name), threads: 1 });
        const own = await rowCount(join(parent, name));
        expect(own).toBe(await rowCount(fixture.lakeDir));
        expect(warehouseFiles(join(parent, name)).every((f) => f.startsWith(join(parent, name)))).toBe(true);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('ignores Parquet files the manifest does not list (a run in progress writes beside the committed ones)', async () => {
    const before = await rowCount(fixture.lakeDir);
    const [committed] = warehouseFiles(fixture.lakeDir);
    const stray = join(fixture.lakeDir, 'datawarehouse', 'part-00000-not-committed.parquet');
    cpSync(committed!, stray);
    try {
      expect(await rowCount(fixture.lakeDir)).toBe(before);
    } finally {
      rmSync(stray);
    }
  });

  it('follows the lake: a runner opened before a new ETL run reads the files of that run after it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'queries-follow-'));
    const lakeDir = join(parent, 'lake');
    try {
      await runEtl({ inputDir: join(fixture.lakeDir, 'staging'), lakeDir, threads: 1 });
      const runner = await LocalQueryRunner.open({ lakeDir, threads: 1 });
      try {
        const before = (await runner.run(lakeSummary, {})).rows[0]!.row_count;
        // The next run commits other files and deletes these.
        const generated = await generateDataset({ outDir: join(parent, 'in'), tracks: 120, seed: 4 });
        const next = await runEtl({
          inputDir: generated.dir,
          lakeDir,
          threads: 1,
          dataQualityFailure: 'warn',
        });
        const after = (await runner.run(lakeSummary, {})).rows[0]!.row_count;
        expect(after).toBe(BigInt(next.warehouse.rows));
        expect(after).not.toBe(before);
      } finally {
        runner.close();
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);

  it('explains a folder whose manifest.json is not a lake manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queries-foreign-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), '{"name": "web app"}');
      await expect(LocalQueryRunner.open({ lakeDir: dir })).rejects.toThrow(
        /no local lake at .*manifest\.json was not written by spotify-lake/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
