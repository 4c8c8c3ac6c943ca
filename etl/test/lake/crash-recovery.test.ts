import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FAULT_POINTS } from '../../src/local';
import { MESSY, tempDir } from '../fixtures/helpers';
import { expectCompleteLake, expectOnlyManifestFiles, hashTree, runCli } from './support';

vi.setConfig({ testTimeout: 120_000 });

/** The points at or after which the new run is committed: the manifest is already the new one. */
const COMMITTED_FROM = FAULT_POINTS.indexOf('after-commit');

async function lakeWithOneRun(): Promise<{ lake: string; runId: string }> {
  const lake = join(await tempDir(), 'lake');
  const first = await runCli(['--input', MESSY, '--lake', lake, '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  return { lake, runId: await expectCompleteLake(lake) };
}

describe('a run killed (SIGKILL) at each write and rename of the lake protocol', () => {
  it.each(FAULT_POINTS.map((point, index) => [point, index] as const))(
    'at %s leaves one complete lake, and the next run finishes or rolls it back',
    async (point, index) => {
      const { lake, runId: before } = await lakeWithOneRun();
      const previousManifest = await readFile(join(lake, 'manifest.json'), 'utf8');

      const killed = await runCli(['--lake', lake, '--tracks', '300', '--seed', '3', '--quiet'], {
        SPOTIFY_LAKE_CRASH_AT: point,
      });
      expect(killed.signal).toBe('SIGKILL');

      const after = await expectCompleteLake(lake);
      if (index < COMMITTED_FROM) {
        expect(after, 'the previous lake').toBe(before);
        expect(await readFile(join(lake, 'manifest.json'), 'utf8')).toBe(previousManifest);
      } else {
        expect(after, 'the new lake').not.toBe(before);
      }

      const next = await runCli(['--input', MESSY, '--lake', lake, '--quiet']);
      expect(next.code, next.stderr).toBe(0);
      await expectCompleteLake(lake);
      // Nothing of the interrupted run, nor of the lakes it replaced, is left behind.
      await expectOnlyManifestFiles(lake);
    },
  );

  it('a first run killed before its commit leaves a folder the next run takes as its lake', async () => {
    const lake = join(await tempDir(), 'lake');
    const killed = await runCli(['--input', MESSY, '--lake', lake, '--quiet'], {
      SPOTIFY_LAKE_CRASH_AT: 'after-write:datawarehouse',
    });
    expect(killed.signal).toBe('SIGKILL');
    const next = await runCli(['--input', MESSY, '--lake', lake, '--quiet']);
    expect(next.code, next.stderr).toBe(0);
    await expectCompleteLake(lake);
    await expectOnlyManifestFiles(lake);
  });

  it('a failed write (injected ENOSPC) rolls back at once: one line, exit 1, the previous lake byte for byte', async () => {
    const { lake } = await lakeWithOneRun();
    const before = await hashTree(lake);
    const failed = await runCli(['--input', MESSY, '--lake', lake, '--quiet'], {
      SPOTIFY_LAKE_FAIL_AT: 'after-write:datawarehouse:ENOSPC',
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      `error: ${lake}: cannot write the lake: no space left on the device (ENOSPC)\n`,
    );
    expect(await hashTree(lake)).toEqual(before);
  });
});
