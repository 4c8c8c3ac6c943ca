import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = resolve(__dirname, '..', 'dist', 'main.js');
const MESSY = resolve(__dirname, '..', '..', 'etl', 'test', 'fixtures', 'messy');
const root = mkdtempSync(join(tmpdir(), 'pipeline-safety-'));
const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) execFileSync('umount', [dir]);
  rmSync(root, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [MAIN, ...args, '--quiet'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });

const manifestRun = (lake: string) =>
  JSON.parse(readFileSync(join(lake, 'manifest.json'), 'utf8')).runId as string;
const everything = (lake: string) => readdirSync(lake, { recursive: true }).map(String).sort();

describe('the dashboard page, written once the lake is committed', () => {
  it('a run killed while writing it leaves the new lake and no temporary page; the next run writes the page', () => {
    const lake = join(root, 'killed');
    expect(run(['--input', MESSY, '--lake', lake]).status).toBe(0);
    const killed = run(['--tracks', '300', '--lake', lake], {
      SPOTIFY_LAKE_CRASH_AT: 'after-derived-file-temp',
    });
    expect(killed.signal).toBe('SIGKILL');
    const committed = manifestRun(lake);
    expect(everything(lake).some((f) => f.endsWith('.tmp'))).toBe(true);
    const stalePage = readFileSync(join(lake, 'dashboard.html'), 'utf8');

    const next = run(['--tracks', '300', '--lake', lake]);
    expect(next.status, next.stderr).toBe(0);
    expect(manifestRun(lake)).not.toBe(committed);
    expect(everything(lake).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The page of the killed run's lake was never put in place; the next run's is.
    expect(readFileSync(join(lake, 'dashboard.html'), 'utf8')).not.toBe(stalePage);
  }, 240_000);

  it('a full disk while writing it: one line saying the lake was published, exit 1', (ctx) => {
    const dir = join(root, 'small');
    execFileSync('mkdir', ['-p', dir]);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=700k', 'tmpfs', dir], { stdio: 'ignore' });
      mounted.push(dir);
    } catch {
      ctx.skip('a small tmpfs needs root (mount -t tmpfs)');
      return;
    }
    const lake = join(dir, 'lake');
    const result = run(['--input', MESSY, '--lake', lake]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .*lake: the lake was published, but cannot (write|finish) [^\n]*: no space left on the device \(ENOSPC\)\n$/,
    );
    expect(existsSync(join(lake, 'manifest.json'))).toBe(true);
    expect(everything(lake).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
