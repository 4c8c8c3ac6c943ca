import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseLakeManifest } from '@spotify-lake/contract';
import { expect } from 'vitest';
import { lakeTable, query } from '../fixtures/helpers';

/** The built CLI, as `pnpm start` runs it (turbo builds before testing). */
export const MAIN = resolve(__dirname, '..', '..', 'dist', 'cli', 'main.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI in a child process; `done` resolves when it exits. */
export function startCli(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<CliRun>((resolvePromise) => {
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export const runCli = (args: string[], env: Record<string, string> = {}) => startCli(args, env).done;

/** Path -> sha256 of every file under a folder, and every folder, to prove nothing in it changed. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of (await readdir(dir, { recursive: true })).map(String).sort()) {
    const path = join(dir, entry);
    const info = await stat(path);
    out[entry] = info.isDirectory()
      ? 'dir'
      : createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
  }
  return out;
}

/**
 * Proves a lake folder holds one complete lake: the tool's manifest, every file it lists present, the Parquet
 * row counts it states. Returns the manifest's run id.
 */
export async function expectCompleteLake(lake: string): Promise<string> {
  const text = await readFile(join(lake, 'manifest.json'), 'utf8');
  const core = parseLakeManifest(text);
  expect(core, "manifest.json is the tool's").toBeDefined();
  const manifest = JSON.parse(text) as {
    runId: string;
    warehouse: { rows: number };
    quarantine: { rows: number };
  };
  for (const file of [...core!.files.staging, ...core!.files.warehouse, ...core!.files.quarantine]) {
    expect((await stat(join(lake, file))).isFile(), file).toBe(true);
  }
  const [warehouse] = await query(`SELECT COUNT(*) AS n FROM ${lakeTable(lake, 'datawarehouse')}`);
  const [quarantine] = await query(`SELECT COUNT(*) AS n FROM ${lakeTable(lake, 'quarantine')}`);
  expect(Number(warehouse?.n)).toBe(manifest.warehouse.rows);
  expect(Number(quarantine?.n)).toBe(manifest.quarantine.rows);
  return manifest.runId;
}

/** Everything a lake holds after a finished run: its manifest's files and their folders, the tool's marker. */
export async function expectOnlyManifestFiles(lake: string): Promise<void> {
  const core = parseLakeManifest(await readFile(join(lake, 'manifest.json'), 'utf8'))!;
  const files = [...core.files.staging, ...core.files.warehouse, ...core.files.quarantine];
  const expected = new Set<string>([
    '.spotify-lake',
    '.spotify-lake/runs',
    '.spotify-lake/lake-format.json',
    'manifest.json',
  ]);
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i <= parts.length; i++) expected.add(parts.slice(0, i).join('/'));
  }
  const actual = (await readdir(lake, { recursive: true })).map(String).sort();
  expect(actual).toEqual([...expected].sort());
}
