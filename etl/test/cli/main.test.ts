import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../../src/generate';
import { copyFixture, MESSY, tempDir } from '../fixtures/helpers';

/** The built CLI, as `pnpm start` runs it (turbo builds before testing). */
const MAIN = resolve(__dirname, '..', '..', 'dist', 'cli', 'main.js');

function cli(args: string[], cwd?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    cwd,
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test runs DuckDB over real files; the 2-core machine is shared, so allow for a slow moment.
vi.setConfig({ testTimeout: 60_000 });

describe('the spotify-lake ETL command', () => {
  it('is built', () => {
    expect(existsSync(MAIN)).toBe(true);
  });

  it('prints its usage with --help', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: pnpm start [options]');
  });

  it('exits 2 with a one-line error naming a bad option', () => {
    for (const [args, message] of [
      [['--nope'], 'error: unknown option --nope'],
      [['--threads', 'two'], 'error: --threads must be a whole number, got "two"'],
    ] as const) {
      const { code, stderr, stdout } = cli([...args]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`${message}\nRun with --help for the options.\n`);
    }
  });

  it('runs on an input folder: summary on stdout, progress on stderr, lake written', async () => {
    const lake = join(await tempDir(), 'lake');
    const { code, stdout, stderr } = cli(['--input', MESSY, '--lake', lake]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/albums\s+16\s+4\s+12/);
    expect(stdout).toContain('Quarantined by reason: malformed_row 7, bad_value 7');
    expect(stdout).toContain('Ignored columns (not in the contract): albums: extra_note');
    expect(stdout).toContain(`Manifest:   ${join(lake, 'manifest.json')}`);
    expect(stderr).toMatch(/^\[\d+\.\ds\] stage /m);
    expect(stderr).toMatch(/sql (\d+)\/\1: source_counts/);
    const manifest = JSON.parse(await readFile(join(lake, 'manifest.json'), 'utf8'));
    expect(manifest.sources.albums).toMatchObject({ rows: 16, accepted: 4, quarantined: 12 });
  });

  it('defaults the lake to ./.lake and prints the manifest with --json, nothing on stderr with --quiet', async () => {
    const cwd = await tempDir();
    const { code, stdout, stderr } = cli(['--input', MESSY, '--json', '--quiet'], cwd);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const manifest = JSON.parse(stdout);
    expect(manifest.lakeDir).toBe(join(cwd, '.lake'));
    expect(existsSync(join(cwd, '.lake', 'manifest.json'))).toBe(true);
  });

  it('exits 1 with a one-line error, no stack and no output, when a column is missing', async () => {
    const input = await copyFixture(MESSY);
    const tracks = await readFile(join(input, 'tracks.csv'), 'utf8');
    await writeFile(join(input, 'tracks.csv'), tracks.replace('track_popularity,', 'popularity,'));
    const parent = await tempDir();
    const { code, stdout, stderr } = cli(['--input', input, '--lake', join(parent, 'lake'), '--quiet']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `error: ${join(input, 'tracks.csv')}, line 1, column track_popularity: required column is missing from the header (found: "popularity", "track_id")\n`,
    );
    expect(await readdir(parent)).toEqual([]);
  });

  it('exits 1 naming a missing input folder', () => {
    const { code, stderr } = cli(['--input', '/no/such/folder', '--quiet']);
    expect(code).toBe(1);
    expect(stderr).toBe('error: /no/such/folder: input folder does not exist\n');
  });

  it('without --input, generates a sample, runs on it, and removes the generated files', async () => {
    const lake = join(await tempDir(), 'lake');
    // A temp folder of its own: other tests' samples come and go in the shared one.
    const temp = await tempDir();
    const { code, stdout, stderr } = cli(['--lake', lake, '--tracks', '400', '--seed', '7'], undefined, {
      TMPDIR: temp,
    });
    expect(code).toBe(0);
    expect(stderr).toContain('generate a sample of 400 album-track rows (seed 7)');
    expect(stdout).toContain(
      'Input: generated sample of 400 album-track rows (seed 7, 1% bad rows), kept in staging/',
    );

    const expected = await generateDataset({ outDir: await tempDir(), tracks: 400, seed: 7 });
    const manifest = JSON.parse(await readFile(join(lake, 'manifest.json'), 'utf8'));
    for (const source of ['albums', 'artists', 'tracks'] as const) {
      expect(manifest.sources[source].rows).toBe(expected.rows[source]);
      expect(manifest.sources[source].accepted).toBe(expected.expected.accepted[source]);
      expect(manifest.sources[source].byReason).toEqual(expected.expected.quarantined[source]);
    }
    expect(manifest.warehouse.rows).toBe(expected.expected.warehouseRows);
    expect(await readdir(join(lake, 'staging', 'albums', manifest.runId))).toEqual(['albums.csv']);
    expect(await readdir(temp)).toEqual([]);
  });
});
