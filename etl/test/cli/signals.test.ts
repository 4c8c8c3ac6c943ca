import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MESSY, tempDir } from '../fixtures/helpers';
import { expectCompleteLake, hashTree, runCli, startCli } from '../lake/support';

vi.setConfig({ testTimeout: 120_000 });

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('a run stopped with %s', (signal, exitCode) => {
  it('exits cleanly: the sample and everything the run wrote are removed, the lake is as it was', async () => {
    const temp = await tempDir();
    const lake = join(await tempDir(), 'lake');
    expect((await runCli(['--input', MESSY, '--lake', lake, '--quiet'])).code).toBe(0);
    const before = await hashTree(lake);
    const pauses = await tempDir();
    const run = startCli(['--lake', lake, '--tracks', '300', '--quiet'], {
      TMPDIR: temp,
      SPOTIFY_LAKE_PAUSE_AT: `after-stage:${pauses}`,
    });
    await waitFor(async () => (await readdir(pauses)).length > 0, 'the run to stage its input');
    expect(await readdir(temp)).toHaveLength(1); // the generated sample
    run.child.kill(signal);
    await writeFile(join(pauses, 'resume'), '');
    const result = await run.done;
    expect(result.code).toBe(exitCode);
    expect(result.stderr).toContain(`${signal}: stopping; the lake is left as it was`);
    expect(await readdir(temp)).toEqual([]);
    expect(await hashTree(lake)).toEqual(before);
    await expectCompleteLake(lake);
    expect(existsSync(join(lake, '.spotify-lake', 'lock'))).toBe(false);
  });
});

describe('a run killed outright', () => {
  it('leaves its sample behind, and the next run removes it', async () => {
    const temp = await tempDir();
    const lake = join(await tempDir(), 'lake');
    const killed = await runCli(['--lake', lake, '--tracks', '300', '--quiet'], {
      TMPDIR: temp,
      SPOTIFY_LAKE_CRASH_AT: 'after-stage',
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(await readdir(temp)).toHaveLength(1);
    const next = await runCli(['--lake', lake, '--tracks', '300', '--quiet'], { TMPDIR: temp });
    expect(next.code, next.stderr).toBe(0);
    expect(await readdir(temp)).toEqual([]);
  });
});
