import { execFileSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../../src/generate';
import { MESSY, tempDir } from '../fixtures/helpers';
import { expectCompleteLake, hashTree, runCli } from './support';

vi.setConfig({ testTimeout: 120_000 });

const isRoot = process.getuid?.() === 0;
const mounted: string[] = [];
/** Unmounts what a test mounted before its temporary folders are removed. */
function unmountAll(): void {
  for (const dir of mounted.splice(0).reverse()) {
    try {
      execFileSync('umount', [dir]);
    } catch {
      // already gone
    }
  }
}
afterAll(unmountAll);

/** Mounts a tmpfs of `size` at `dir` (root only); false when this machine does not allow it. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounted.push(dir);
    return true;
  } catch {
    return false;
  }
}

describe('file-system errors that are the user to fix', () => {
  it('a full disk: one line naming the folder and the cause, exit 1, the previous lake as it was', async (ctx) => {
    const dir = await tempDir();
    if (!isRoot || !mountTmpfs(dir, '3m')) {
      ctx.skip('a small tmpfs needs root (mount -t tmpfs); the injected ENOSPC test covers the same path');
      return;
    }
    try {
      await fullDisk(dir);
    } finally {
      unmountAll();
    }
  });

  async function fullDisk(dir: string): Promise<void> {
    const lake = join(dir, 'lake');
    expect((await runCli(['--input', MESSY, '--lake', lake, '--quiet'])).code).toBe(0);
    const before = await hashTree(lake);
    // A dataset bigger than what is left on the 3 MB file system.
    const big = await generateDataset({ outDir: await tempDir(), tracks: 20_000, seed: 1 });
    const run = await runCli(['--input', big.dir, '--lake', lake, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^error: ${lake}: cannot .*: no space left on the device \\(ENOSPC\\)\\n$`),
    );
    expect(run.stderr).not.toContain('internal error');
    expect(await hashTree(lake)).toEqual(before);
    await expectCompleteLake(lake);
  }

  it('a read-only lake folder: one line naming it and the cause, exit 1, nothing changed', async () => {
    const dir = await tempDir();
    const lake = join(dir, 'lake');
    expect((await runCli(['--input', MESSY, '--lake', lake, '--quiet'])).code).toBe(0);
    const before = await hashTree(lake);
    let expected: RegExp;
    if (isRoot) {
      // Root ignores permission bits: make the folder a read-only mount of itself.
      execFileSync('mount', ['--bind', lake, lake]);
      mounted.push(lake);
      execFileSync('mount', ['-o', 'remount,ro,bind', lake]);
      expected = /the file system is read-only \(EROFS\)/;
    } else {
      await chmod(lake, 0o555);
      expected = /permission denied \(EACCES\)/;
    }
    try {
      const run = await runCli(['--input', MESSY, '--lake', lake, '--quiet']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^error: ${lake}: cannot [^\\n]*: ${expected.source}\\n$`));
      expect(await hashTree(lake)).toEqual(before);
    } finally {
      unmountAll();
      if (!isRoot) await chmod(lake, 0o755);
    }
  });

  it('a lake folder that cannot be created (its parent is a file): one line naming it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file'), 'x');
    const run = await runCli(['--input', MESSY, '--lake', join(dir, 'file', 'lake'), '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*file\/lake: /);
    expect(run.stderr).not.toContain('internal error');
  });
});
