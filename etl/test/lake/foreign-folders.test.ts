import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MESSY, tempDir } from '../fixtures/helpers';
import { expectCompleteLake, hashTree, runCli } from './support';

vi.setConfig({ testTimeout: 60_000 });

/** A folder that is not a lake but looks a little like one: a web app with a manifest.json and the old names. */
async function someoneElsesFolder(): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, 'manifest.json'), '{"name": "My Web App", "start_url": "/", "version": "1.0"}\n');
  for (const folder of ['staging', 'datawarehouse', '.run-2026-01-01', '.replaced-2026-01-01']) {
    await mkdir(join(dir, folder));
    await writeFile(join(dir, folder, 'keep.txt'), `mine: ${folder}\n`);
  }
  await writeFile(join(dir, '.lock'), '1\n');
  await writeFile(join(dir, 'index.html'), '<h1>hello</h1>\n');
  return dir;
}

describe('a --lake folder the tool did not write', () => {
  it('is refused with one line naming it, and not one of its files changes', async () => {
    const dir = await someoneElsesFolder();
    const before = await hashTree(dir);
    const { code, stderr, stdout } = await runCli(['--input', MESSY, '--lake', dir, '--quiet']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `error: ${dir}: holds a manifest.json that spotify-lake did not write, so it is not a lake folder; refusing to change anything in it: choose an empty or new folder with --lake\n`,
    );
    expect(await hashTree(dir)).toEqual(before);
  });

  it('is refused when it holds anything and no manifest, even with --force', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'mine\n');
    const before = await hashTree(dir);
    const { code, stderr } = await runCli(['--input', MESSY, '--lake', dir, '--quiet', '--force']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/is not empty \(notes\.txt\) and is not a lake folder/);
    expect(await hashTree(dir)).toEqual(before);
  });

  it('is used when it is empty', async () => {
    const dir = await tempDir();
    const { code } = await runCli(['--input', MESSY, '--lake', dir, '--quiet']);
    expect(code).toBe(0);
    await expectCompleteLake(dir);
  });
});

describe('dangerous --lake targets', () => {
  it.each([
    ['/', 'is a file-system root'],
    [homedir(), 'is your home folder'],
  ])('refuses %s', async (target, why) => {
    const { code, stderr } = await runCli(['--input', MESSY, '--lake', target, '--quiet']);
    expect(code).toBe(1);
    expect(stderr).toContain(`${why}; refusing to use it as a lake folder (pass --force if you mean it)`);
  });

  it('refuses a folder holding .git (such as this repository with --lake .), and changes nothing in it', async () => {
    const repo = await tempDir();
    await mkdir(join(repo, '.git'));
    await writeFile(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const before = await hashTree(repo);
    const { code, stderr } = await runCli(['--input', MESSY, '--lake', repo, '--quiet']);
    expect(code).toBe(1);
    expect(stderr).toContain('holds a .git (it is a repository); refusing to use it as a lake folder');
    expect(await hashTree(repo)).toEqual(before);
  });

  it('lets --force use the home folder when the user means it (an empty one here)', async () => {
    const home = await tempDir();
    const { code } = await runCli(['--input', MESSY, '--lake', home, '--quiet', '--force'], { HOME: home });
    expect(code).toBe(0);
    await expectCompleteLake(home);
    const refused = await runCli(['--input', MESSY, '--lake', home, '--quiet'], { HOME: home });
    expect(refused.code).toBe(1);
    expect(await readdir(home)).toContain('manifest.json');
  });
});
