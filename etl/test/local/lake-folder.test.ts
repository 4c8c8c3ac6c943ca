import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_ZONES, newRunId, startRun } from '../../src/local/lake-folder';
import { tempDir } from '../fixtures/helpers';

async function fill(root: string, tag: string): Promise<void> {
  for (const zone of LOCAL_ZONES) {
    await mkdir(join(root, zone), { recursive: true });
    await writeFile(join(root, zone, 'part.txt'), tag);
  }
  await writeFile(join(root, 'manifest.json'), tag);
}

describe('startRun', () => {
  it('builds in a run folder and swaps it in, keeping files it does not own', async () => {
    const lake = await tempDir();
    await fill(lake, 'old');
    await writeFile(join(lake, 'notes.md'), 'mine');
    const run = await startRun(lake, newRunId());
    expect(run.root.startsWith(join(lake, '.run-'))).toBe(true);
    expect((await readdir(run.root)).sort()).toEqual(['.spill', ...LOCAL_ZONES].sort());
    await fill(run.root, 'new');
    await run.publish();
    expect((await readdir(lake)).sort()).toEqual([
      'datawarehouse',
      'manifest.json',
      'notes.md',
      'quarantine',
      'staging',
    ]);
    expect(await readFile(join(lake, 'staging', 'part.txt'), 'utf8')).toBe('new');
    expect(await readFile(join(lake, 'manifest.json'), 'utf8')).toBe('new');
  });

  it('puts the previous lake back when the swap fails halfway', async () => {
    const lake = await tempDir();
    await fill(lake, 'old');
    const run = await startRun(lake, newRunId());
    await fill(run.root, 'new');
    // The last zone is missing from the run folder: its rename fails after the others moved.
    await rm(join(run.root, 'quarantine'), { recursive: true });
    await expect(run.publish()).rejects.toThrow();
    await run.discard();
    expect((await readdir(lake)).sort()).toEqual(['datawarehouse', 'manifest.json', 'quarantine', 'staging']);
    for (const zone of LOCAL_ZONES) expect(await readFile(join(lake, zone, 'part.txt'), 'utf8')).toBe('old');
    expect(await readFile(join(lake, 'manifest.json'), 'utf8')).toBe('old');
  });

  it('discards the run folder and lock, and a lake folder it created', async () => {
    const parent = await tempDir();
    const run = await startRun(join(parent, 'a', 'lake'), newRunId());
    await run.discard();
    await run.discard();
    expect(await readdir(parent)).toEqual([]);
  });

  it('keeps an existing lake folder when discarding', async () => {
    const lake = await tempDir();
    const run = await startRun(lake, newRunId());
    await run.discard();
    expect(await readdir(lake)).toEqual([]);
  });

  it('names a lake folder that cannot be created', async () => {
    const parent = await tempDir();
    await writeFile(join(parent, 'file'), '');
    await expect(startRun(join(parent, 'file', 'lake'), newRunId())).rejects.toThrow(
      /lake folder cannot be created/,
    );
  });

  it('makes sortable, unique run ids', () => {
    const a = newRunId(new Date('2026-01-02T03:04:05.678Z'));
    expect(a).toMatch(/^2026-01-02T03-04-05-678Z-[0-9a-f]{6}$/);
    expect(newRunId()).not.toBe(newRunId());
  });

  it('refuses a second run while the lock is held', async () => {
    const lake = await tempDir();
    const first = await startRun(lake, newRunId());
    await writeFile(join(lake, '.lock'), String(process.ppid));
    await expect(startRun(lake, newRunId())).rejects.toThrow(/another ETL run/);
    await first.discard();
  });
});
