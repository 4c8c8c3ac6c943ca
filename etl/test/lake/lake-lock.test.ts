import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { currentProcess } from '../../src/lake/process-identity';
import { MESSY, tempDir } from '../fixtures/helpers';
import { type CliRun, expectCompleteLake, expectOnlyManifestFiles, runCli, startCli } from './support';

vi.setConfig({ testTimeout: 120_000 });

const lockPath = (lake: string) => join(lake, '.spotify-lake', 'lock');

async function lake(): Promise<string> {
  const dir = join(await tempDir(), 'lake');
  const first = await runCli(['--input', MESSY, '--lake', dir, '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  return dir;
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Starts `count` runs at once, each pausing once it holds the lock; returns them and the pause folder. */
async function racingRuns(dir: string, count: number) {
  const pauses = await tempDir();
  const runs = Array.from({ length: count }, () =>
    startCli(['--input', MESSY, '--lake', dir, '--quiet'], { SPOTIFY_LAKE_PAUSE_AT: `after-lock:${pauses}` }),
  );
  return { runs, pauses };
}

const paused = async (folder: string) => (await readdir(folder)).filter((f) => f.startsWith('paused-'));

async function expectExactlyOneHolder(dir: string, count: number): Promise<void> {
  const { runs, pauses } = await racingRuns(dir, count);
  const finished: CliRun[] = [];
  for (const run of runs) run.done.then((r) => finished.push(r));
  // Every run either holds the lock (and waits) or has been refused.
  await waitFor(async () => (await paused(pauses)).length + finished.length === count, 'every run to settle');
  expect(await paused(pauses)).toHaveLength(1);
  expect(finished).toHaveLength(count - 1);
  for (const refused of finished) {
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/another ETL run (holds the lake|is taking the lake's lock)/);
  }
  await writeFile(join(pauses, 'resume'), '');
  const results = await Promise.all(runs.map((r) => r.done));
  expect(results.filter((r) => r.code === 0)).toHaveLength(1);
  await expectCompleteLake(dir);
  await expectOnlyManifestFiles(dir);
  expect(existsSync(lockPath(dir))).toBe(false);
}

describe('the lake lock', () => {
  it('keeps a second run out while one runs, naming the run that holds it', async () => {
    const dir = await lake();
    const pauses = await tempDir();
    const first = startCli(['--input', MESSY, '--lake', dir, '--quiet'], {
      SPOTIFY_LAKE_PAUSE_AT: `after-lock:${pauses}`,
    });
    await waitFor(async () => (await paused(pauses)).length === 1, 'the first run to hold the lock');
    const second = await runCli(['--input', MESSY, '--lake', dir, '--quiet']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `another ETL run holds the lake: run \\S+ \\(process ${first.child.pid} on ${hostname()}, started .*\\); wait for it to finish \\(if no run is going, the lock is stale: remove .*lock\\)$`,
        'm',
      ),
    );
    await writeFile(join(pauses, 'resume'), '');
    expect((await first.done).code).toBe(0);
    await expectOnlyManifestFiles(dir);
  });

  it('a run that lost its lock rolls back only its own files; the run that took the lake is untouched', async () => {
    const dir = await lake();
    const pauses = await tempDir();
    const loser = startCli(['--input', MESSY, '--lake', dir, '--quiet'], {
      SPOTIFY_LAKE_PAUSE_AT: `after-write:datawarehouse:${pauses}`,
    });
    await waitFor(async () => (await paused(pauses)).length === 1, 'the first run to write its outputs');
    // The lock is lost (as when a third run's takeover races it): another run takes the lake meanwhile.
    await rename(lockPath(dir), `${lockPath(dir)}.lost`);
    const winner = await runCli(['--tracks', '300', '--lake', dir, '--quiet']);
    expect(winner.code, winner.stderr).toBe(0);
    const committed = await expectCompleteLake(dir);

    await writeFile(join(pauses, 'resume'), '');
    const lost = await loser.done;
    expect(lost.code).toBe(1);
    expect(lost.stderr).toMatch(
      /^error: .*: this run no longer holds the lake's lock .*; nothing was published\n$/,
    );
    expect(await expectCompleteLake(dir)).toBe(committed);
    await rm(`${lockPath(dir)}.lost`);
    await expectOnlyManifestFiles(dir);
  });

  it('lets exactly one of several simultaneous runs in', async () => {
    await expectExactlyOneHolder(await lake(), 4);
  });

  it('lets exactly one of several simultaneous runs take over a stale lock', async () => {
    const dir = await lake();
    await writeFile(
      lockPath(dir),
      JSON.stringify({ ...currentProcess(), pid: 2 ** 22 + 7, token: 'dead', runId: 'x' }),
    );
    await expectExactlyOneHolder(dir, 4);
  });

  it('takes over a lock whose pid now belongs to an unrelated live process (it started at another time)', async () => {
    const dir = await lake();
    // This test process is alive, but it is not the process that took the lock: its start time differs.
    const impostor = { ...currentProcess(), startTicks: (currentProcess().startTicks ?? 0) + 12345 };
    await writeFile(lockPath(dir), JSON.stringify({ ...impostor, token: 'old', runId: 'x' }));
    const run = await runCli(['--input', MESSY, '--lake', dir, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('takes over a lock whose owner never wrote it, once it is old', async () => {
    const dir = await lake();
    await writeFile(lockPath(dir), '');
    const fresh = await runCli(['--input', MESSY, '--lake', dir, '--quiet']);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain("another ETL run is taking the lake's lock");
    const { utimes } = await import('node:fs/promises');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath(dir), old, old);
    expect((await runCli(['--input', MESSY, '--lake', dir, '--quiet'])).code).toBe(0);
  });

  it('refuses a lock held from another host, saying how to clear it', async () => {
    const dir = await lake();
    const remote = { ...currentProcess(), host: 'build-box-7', token: 't', runId: 'r', startedAt: 'then' };
    await writeFile(lockPath(dir), JSON.stringify(remote));
    const run = await runCli(['--input', MESSY, '--lake', dir, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`if no run is going on build-box-7, remove ${lockPath(dir)}`);
  });

  it('takes over the lock of a run killed while it held it', async () => {
    const dir = await lake();
    const killed = await runCli(['--input', MESSY, '--lake', dir, '--quiet'], {
      SPOTIFY_LAKE_CRASH_AT: 'after-lock',
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(lockPath(dir))).toBe(true);
    expect((await runCli(['--input', MESSY, '--lake', dir, '--quiet'])).code).toBe(0);
  });

  it("does not let a folder exist as a lake without its private folder marker being the tool's", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, '.spotify-lake'));
    await writeFile(join(dir, '.spotify-lake', 'lake-format.json'), '{"tool": "something-else"}');
    const run = await runCli(['--input', MESSY, '--lake', dir, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a lake folder');
  });
});
