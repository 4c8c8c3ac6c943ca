import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SOURCE_NAMES } from '@spotify-lake/contract';
import { describe, expect, it, vi } from 'vitest';
import { EtlInputError, type EtlManifest, type EtlProgress, runEtl } from '../../src/local';
import { copyFixture, lakeEntries, lakeTable, MESSY, query, tempDir } from '../fixtures/helpers';
import { EXPECTED_QUARANTINE } from '../fixtures/messy-expected';
import { expectCompleteLake, expectOnlyManifestFiles, hashTree, runCli, startCli } from '../lake/support';
import { SKIP_SPARK } from './spark-env';

// Each test starts Spark in a child process (a JVM): allow for a slow, shared machine.
vi.setConfig({ testTimeout: 300_000 });

const quarantineOf = (lake: string) =>
  query(
    `SELECT source, record, reason FROM ${lakeTable(lake, 'quarantine')} ORDER BY source, record, reason`,
  );

/** The run's processes still alive: the job's python and its JVM carry the run id in their command lines. */
function processesOf(runId: string): string[] {
  const found = spawnSync('pgrep', ['-f', runId], { encoding: 'utf8' });
  return found.stdout.split('\n').filter((pid) => pid.trim() !== '');
}

async function waitForExit(runId: string): Promise<string[]> {
  for (let i = 0; i < 100 && processesOf(runId).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return processesOf(runId);
}

describe.skipIf(SKIP_SPARK)('runEtl with the spark engine (the Glue job on a local Spark)', () => {
  it('writes the lake the DuckDB engine writes, through the same protocol, with engine spark', async () => {
    const lake = join(await tempDir(), 'lake');
    const events: EtlProgress[] = [];
    const manifest = await runEtl({
      engine: 'spark',
      inputDir: MESSY,
      lakeDir: lake,
      onProgress: (e) => events.push(e),
    });
    expect(manifest.engine).toBe('spark');
    expect((await quarantineOf(lake)).map((r) => [r.source, Number(r.record), r.reason])).toEqual(
      EXPECTED_QUARANTINE,
    );
    expect(manifest.sources.albums).toMatchObject({ rows: 16, accepted: 4, quarantined: 12 });
    expect(manifest.warehouse.rows).toBe(4);
    expect(manifest.files.warehouse).toEqual(
      manifest.files.warehouse.map(
        (_, i) => `datawarehouse/part-${String(i).padStart(5, '0')}-${manifest.runId}.parquet`,
      ),
    );
    for (const source of SOURCE_NAMES) {
      expect(manifest.sources[source].stagedFiles).toEqual([
        `staging/${source}/${manifest.runId}/${source}.csv`,
      ]);
    }
    // Nothing else in the lake: no scratch, no journal, no Spark leftovers.
    const expected = [
      '.spotify-lake',
      '.spotify-lake/lake-format.json',
      '.spotify-lake/runs',
      'datawarehouse',
      'manifest.json',
      'quarantine',
      'staging',
      ...SOURCE_NAMES.flatMap((s) => [`staging/${s}`, `staging/${s}/${manifest.runId}`]),
      ...manifest.files.staging,
      ...manifest.files.warehouse,
      ...manifest.files.quarantine,
    ].sort();
    expect(await lakeEntries(lake)).toEqual(expected);
    expect(JSON.parse(await readFile(join(lake, 'manifest.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(manifest)),
    );
    const steps = events.map((e) => e.step);
    expect(steps).toEqual(expect.arrayContaining(['stage', 'read', 'sql', 'write', 'publish', 'done']));
    expect(manifest.timings.steps.map((s) => s.step)).toEqual(
      expect.arrayContaining(['stage', 'spark', 'spark:read:albums', 'spark:write:datawarehouse', 'count']),
    );
  });

  it('reports bad input as the DuckDB engine does, naming the input file, and leaves the lake as it was', async () => {
    const lake = join(await tempDir(), 'lake');
    const first: EtlManifest = await runEtl({ inputDir: MESSY, lakeDir: lake });
    const before = await hashTree(lake);
    const input = await copyFixture(MESSY);
    // The header is fine, but one record ends with CRLF in an LF file: no engine reads that file the same.
    const tracks = await readFile(join(input, 'tracks.csv'), 'utf8');
    await writeFile(join(input, 'tracks.csv'), tracks.replace('20,t2\n', '20,t2\r\n'));
    const error = await runEtl({ engine: 'spark', inputDir: input, lakeDir: lake }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtlInputError);
    expect((error as EtlInputError).file).toBe(join(input, 'tracks.csv'));
    expect((error as EtlInputError).row).toBe(3);
    expect((error as Error).message).toContain('but the header ends its line with LF');
    expect(await hashTree(lake)).toEqual(before);
    expect(first.engine).toBe('duckdb');
  });

  it('killed (SIGKILL) after the job published its files: the job dies too, and the next run removes them', async () => {
    const lake = join(await tempDir(), 'lake');
    expect((await runCli(['--input', MESSY, '--lake', lake, '--quiet'])).code).toBe(0);
    const before = await expectCompleteLake(lake);
    const previous = await readFile(join(lake, 'manifest.json'), 'utf8');
    const killed = await runCli(['--engine', 'spark', '--input', MESSY, '--lake', lake, '--quiet'], {
      SPOTIFY_LAKE_CRASH_AT: 'after-write:datawarehouse',
    });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    // The committed lake is the previous one; the killed run's part files are beside it, named by its run.
    expect(await expectCompleteLake(lake)).toBe(before);
    expect(await readFile(join(lake, 'manifest.json'), 'utf8')).toBe(previous);
    // Only the table folders: the killed run's Spark may still be removing its scratch under `.spotify-lake/`.
    const leftovers = (
      await Promise.all(
        ['datawarehouse', 'quarantine'].map(async (zone) =>
          (await readdir(join(lake, zone))).map((f) => `${zone}/${f}`),
        ),
      )
    )
      .flat()
      .filter((f) => /^(datawarehouse|quarantine)\/part-/.test(f));
    const killedRun = leftovers
      .find((f) => !f.includes(before))
      ?.replace(/^.*part-\d{5}-(.*)\.parquet$/, '$1');
    expect(killedRun).toBeDefined();
    expect(await waitForExit(killedRun!)).toEqual([]);

    const next = await runCli(['--input', MESSY, '--lake', lake, '--quiet']);
    expect(next.code, next.stderr).toBe(0);
    await expectCompleteLake(lake);
    await expectOnlyManifestFiles(lake);
  });

  it('stopped with SIGINT while Spark runs: exit 130, the job stopped, the lake as it was', async () => {
    const lake = join(await tempDir(), 'lake');
    expect((await runCli(['--input', MESSY, '--lake', lake, '--quiet'])).code).toBe(0);
    const before = await hashTree(lake);
    const run = startCli(['--engine', 'spark', '--input', MESSY, '--lake', lake]);
    let stderr = '';
    await new Promise<void>((resolve) => {
      run.child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk;
        if (/sql \d+\/\d+/.test(stderr)) resolve();
      });
    });
    const runId = /staging\/albums\/([^/]+)\//.exec(stderr)?.[1] ?? /runs\/([^/]+)\//.exec(stderr)?.[1];
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(130);
    expect(await hashTree(lake)).toEqual(before);
    if (runId) expect(await waitForExit(runId)).toEqual([]);
  });
});
