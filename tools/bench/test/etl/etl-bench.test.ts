import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The built benchmark, as `pnpm bench:etl` runs it (turbo builds before testing). */
const BENCH = resolve(__dirname, '..', '..', 'dist', 'etl', 'etl-bench.js');
const bench = (args: string[]) =>
  spawnSync(process.execPath, [BENCH, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('pnpm bench:etl', () => {
  it('documents its options and targets', () => {
    const { status, stdout } = bench(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: pnpm bench:etl [options]');
    expect(stdout).toContain('--scales LIST        comma-separated scales (default: 1,10)');
    expect(stdout).toContain('never on a missed target');
    expect(stdout).toContain('--repeat N           rounds per scale (default: 3)');
    expect(stdout).toContain(
      '--engine NAME        duckdb (the measurements above) or spark (default: duckdb)',
    );
    expect(stdout).toContain(
      '--worker-type TYPE   Glue worker type for the cost, G.025X, G.1X, G.2X, G.4X, G.8X',
    );
  });

  it('exits non-zero naming a bad option, before generating anything', () => {
    const { status, stderr } = bench(['--scales', '1,x']);
    expect(status).toBe(1);
    expect(stderr).toBe('bench:etl failed: --scales must be a whole number >= 1, got "x"\n');
    expect(bench(['--memory-limit', 'big']).stderr).toContain('--memory-limit must look like 512MB or 2GB');
    expect(bench(['--repeat', '0']).stderr).toBe(
      'bench:etl failed: --repeat must be a whole number >= 1, got "0"\n',
    );
  }, 30_000);

  it('names a bad engine or Glue cost option, before generating anything', () => {
    expect(bench(['--engine', 'athena']).stderr).toContain('--engine must be duckdb or spark, got "athena"');
    expect(bench(['--engine', 'spark', '--worker-type', 'G.3X']).stderr).toContain(
      '--worker-type must be one of',
    );
    expect(bench(['--engine', 'spark', '--workers', '1']).stderr).toContain(
      '--workers must be a whole number >= 2',
    );
    expect(bench(['--engine', 'spark', '--dpu-price', 'free']).stderr).toContain(
      '--dpu-price must be a positive',
    );
  }, 30_000);
});
