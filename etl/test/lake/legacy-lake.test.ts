import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MESSY, tempDir } from '../fixtures/helpers';
import { expectCompleteLake, runCli } from './support';

vi.setConfig({ testTimeout: 60_000 });

const V1_RUN = '2026-11-24T01-35-00-123Z-a1b2c3';

/** A lake as the first version wrote it: fixed file names, a manifest without the format marker. */
async function formatOneLake(): Promise<string> {
  const lake = join(await tempDir(), 'lake');
  const files = {
    'staging/albums/albums.csv': await readFile(join(MESSY, 'albums.csv')),
    'staging/artists/artists.csv': await readFile(join(MESSY, 'artists.csv')),
    'staging/tracks/tracks.csv': await readFile(join(MESSY, 'tracks.csv')),
    'datawarehouse/part-00000.parquet': Buffer.from('PAR1 old'),
    'quarantine/part-00000.parquet': Buffer.from('PAR1 old'),
    [`.run-${V1_RUN}/staging/albums/albums.csv`]: Buffer.from('left by a killed run'),
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(lake, path, '..'), { recursive: true });
    await writeFile(join(lake, path), content);
  }
  await writeFile(
    join(lake, 'manifest.json'),
    JSON.stringify({
      runId: V1_RUN,
      lakeDir: lake,
      transform: { file: '/x/sql/transform.sql', sha256: 'a'.repeat(64), statements: 17 },
      sources: Object.fromEntries(
        ['albums', 'artists', 'tracks'].map((s) => [s, { stagedFiles: [`staging/${s}/${s}.csv`] }]),
      ),
      warehouse: { rows: 4, files: ['datawarehouse/part-00000.parquet'] },
      quarantine: { rows: 24, files: ['quarantine/part-00000.parquet'] },
    }),
  );
  await writeFile(join(lake, 'notes.txt'), 'the user wrote this\n');
  return lake;
}

describe('a lake written by the first version (format 1)', () => {
  it('is recognised, replaced by the new run, its leftovers removed, and nothing else touched', async () => {
    const lake = await formatOneLake();
    const run = await runCli(['--input', MESSY, '--lake', lake, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    await expectCompleteLake(lake);
    for (const old of [
      'datawarehouse/part-00000.parquet',
      'quarantine/part-00000.parquet',
      'staging/albums/albums.csv',
      `.run-${V1_RUN}`,
    ]) {
      expect(existsSync(join(lake, old)), old).toBe(false);
    }
    expect(await readFile(join(lake, 'notes.txt'), 'utf8')).toBe('the user wrote this\n');
  });

  it("is not recognised when its manifest names another folder (a copy, or someone else's)", async () => {
    const lake = await formatOneLake();
    const manifest = JSON.parse(await readFile(join(lake, 'manifest.json'), 'utf8'));
    await writeFile(join(lake, 'manifest.json'), JSON.stringify({ ...manifest, lakeDir: '/elsewhere' }));
    const run = await runCli(['--input', MESSY, '--lake', lake, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('holds a manifest.json that spotify-lake did not write');
    expect(existsSync(join(lake, 'datawarehouse/part-00000.parquet'))).toBe(true);
  });
});
