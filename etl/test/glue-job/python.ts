import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ETL_DIR = join(__dirname, '..', '..');
export const GLUE_DIR = join(ETL_DIR, 'glue-job');

/** Bytecode goes to a throwaway folder, never next to the sources. */
const pycache = mkdtempSync(join(tmpdir(), 'etl-pycache-'));

export interface PythonResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs python3 (the Glue 5.0 runtime is Python 3.11) and returns its exit status and output. */
export function python(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
) {
  const result = spawnSync('python3', args, {
    cwd: options.cwd ?? ETL_DIR,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, PYTHONPYCACHEPREFIX: pycache, PYTHONDONTWRITEBYTECODE: '1', ...options.env },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr } satisfies PythonResult;
}
