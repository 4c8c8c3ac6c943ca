#!/usr/bin/env node
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The Python environment the Glue job runs in on this machine: a virtual environment made from the pinned
 * `glue-job/requirements-dev.txt` (pyspark 3.5.4 as on Glue 5.0, its awsglue library, boto3, moto, pytest, ruff,
 * mypy), at `.venv` in the repository root unless SPOTIFY_LAKE_VENV names another folder. It is made when missing
 * and reused while the requirements and the Python it was made with are unchanged; `pnpm test`,
 * `pnpm start --engine spark` and `.ci/run` call `ensurePythonEnv`.
 */

/** The etl package folder (this file is `src/spark/` or `dist/spark/` in it). */
export const ETL_PACKAGE_DIR = resolve(__dirname, '..', '..');
export const GLUE_JOB_DIR = join(ETL_PACKAGE_DIR, 'glue-job');
export const REQUIREMENTS_FILE = join(GLUE_JOB_DIR, 'requirements-dev.txt');
/** Written into the folder first: a folder without it is not ours to replace. */
const OWNER_FILE = '.spotify-lake-venv';
/** Written last, the hash of what the folder was made from: present and equal, the folder is reused. */
const STAMP_FILE = '.spotify-lake-requirements.sha256';
/** Glue 5.0 runs Python 3.11; pyspark 3.5 runs on 3.10 to 3.12. */
const PYTHON_CANDIDATES = ['python3.11', 'python3.12', 'python3.10', 'python3'];
const PYTHON_VERSIONS = ['3.10', '3.11', '3.12'];
/** Glue 5.0 runs Java 17; Spark 3.5 runs on 11 and 17. */
const JAVA_VERSIONS = [11, 17];

export const INSTALL_HINT =
  'install Java 17 (e.g. apt-get install openjdk-17-jre-headless) and Python 3.11 with venv and pip (e.g. apt-get install python3.11-venv)';

/** Spark cannot run on this machine: the message says what is missing and what to install. */
export class SparkUnavailableError extends Error {
  constructor(problem: string) {
    super(`${problem}: ${INSTALL_HINT}`);
    this.name = 'SparkUnavailableError';
  }
}

export interface PythonEnv {
  /** The virtual environment's folder. */
  readonly venvDir: string;
  /** Its python executable. */
  readonly python: string;
  /** The java the job's Spark starts (JAVA_HOME's, else the one on PATH). */
  readonly java: string;
}

export const defaultVenvDir = (): string =>
  resolve(process.env.SPOTIFY_LAKE_VENV ?? join(ETL_PACKAGE_DIR, '..', '.venv'));

const venvPython = (venvDir: string) =>
  process.platform === 'win32' ? join(venvDir, 'Scripts', 'python.exe') : join(venvDir, 'bin', 'python');

function versionOf(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`;
}

/** The Python to make the environment with: SPOTIFY_LAKE_PYTHON, else the first supported one on PATH. */
function findBasePython(): { command: string; version: string } {
  const candidates = process.env.SPOTIFY_LAKE_PYTHON ? [process.env.SPOTIFY_LAKE_PYTHON] : PYTHON_CANDIDATES;
  const found: string[] = [];
  for (const command of candidates) {
    const out = versionOf(command, ['-c', 'import sys, venv; print("%d.%d" % sys.version_info[:2])']);
    const version = out?.trim();
    if (version === undefined) continue;
    if (PYTHON_VERSIONS.includes(version)) return { command, version };
    found.push(`${command} is ${version}`);
  }
  throw new SparkUnavailableError(
    `no Python ${PYTHON_VERSIONS.join(', ')} with venv found${found.length > 0 ? ` (${found.join(', ')})` : ''}`,
  );
}

/** The java Spark will start, checked for a supported version. */
export function findJava(): string {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const out = versionOf(java, ['-version']);
  if (out === undefined) throw new SparkUnavailableError(`no Java found (tried ${java})`);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(out);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : Number.NaN;
  if (!JAVA_VERSIONS.includes(major)) {
    throw new SparkUnavailableError(
      `${java} is Java ${Number.isNaN(major) ? 'of an unknown version' : major}; Spark 3.5 needs ${JAVA_VERSIONS.join(' or ')}`,
    );
  }
  return java;
}

function stampOf(pythonVersion: string): string {
  return createHash('sha256')
    .update(readFileSync(REQUIREMENTS_FILE))
    .update(`\npython ${pythonVersion}\n`)
    .digest('hex');
}

/** The environment if it is there and made from the current requirements, without making anything. */
export function readyPythonEnv(venvDir = defaultVenvDir()): PythonEnv | undefined {
  const stamp = join(venvDir, STAMP_FILE);
  if (!existsSync(stamp) || !existsSync(venvPython(venvDir))) return undefined;
  const [hash, version] = readFileSync(stamp, 'utf8').trim().split(' ');
  if (version === undefined || hash !== stampOf(version)) return undefined;
  try {
    return { venvDir, python: venvPython(venvDir), java: findJava() };
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    // Output goes to stderr: callers print results on stdout.
    const child = spawn(command, args, { stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** One maker at a time: a second waits for the first (or takes over when its process is gone). */
async function withBuildLock<T>(venvDir: string, work: () => Promise<T>): Promise<T> {
  const lock = `${venvDir}.lock`;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(lock, 'utf8').catch(() => ''));
      let alive = false;
      try {
        alive = Number.isInteger(owner) && owner > 0 && process.kill(owner, 0);
      } catch {
        alive = false;
      }
      if (!alive) await rm(lock, { force: true });
      else await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/**
 * Makes (or reuses) the environment and returns it. Throws SparkUnavailableError, naming what to install, on a
 * machine without a supported Java or Python, and an Error when the install itself fails (e.g. no network).
 */
export async function ensurePythonEnv(
  options: { venvDir?: string; log?: (line: string) => void } = {},
): Promise<PythonEnv> {
  const venvDir = options.venvDir ?? defaultVenvDir();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const java = findJava();
  const ready = readyPythonEnv(venvDir);
  if (ready) return ready;
  const base = findBasePython();
  return withBuildLock(venvDir, async () => {
    const again = readyPythonEnv(venvDir);
    if (again) return again;
    if (existsSync(venvDir)) {
      if (!existsSync(join(venvDir, OWNER_FILE))) {
        throw new Error(
          `${venvDir} exists but was not made by spotify-lake; remove it, or set SPOTIFY_LAKE_VENV to another folder`,
        );
      }
      await rm(venvDir, { recursive: true, force: true });
    }
    log(
      `python env: making ${venvDir} with ${base.command} (${base.version}) from ${REQUIREMENTS_FILE}; takes 1-2 minutes once`,
    );
    await run(base.command, ['-m', 'venv', venvDir]);
    await writeFile(join(venvDir, OWNER_FILE), 'made by @spotify-lake/etl (src/spark/python-env.ts)\n');
    await run(venvPython(venvDir), [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--no-input',
      '--quiet',
      '-r',
      REQUIREMENTS_FILE,
    ]);
    await writeFile(join(venvDir, STAMP_FILE), `${stampOf(base.version)} ${base.version}\n`);
    return { venvDir, python: venvPython(venvDir), java };
  });
}

// `node dist/spark/python-env.js`: makes the environment and prints its python (exit 3: Spark cannot run here).
if (require.main === module) {
  ensurePythonEnv().then(
    (env) => process.stdout.write(`${env.python}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = error instanceof SparkUnavailableError ? 3 : 1;
    },
  );
}
