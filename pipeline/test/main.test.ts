import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dashboardLine } from '../src/main';

const MAIN = resolve(__dirname, '..', 'dist', 'main.js');
const MESSY = resolve(__dirname, '..', '..', 'etl', 'test', 'fixtures', 'messy');
const root = mkdtempSync(join(tmpdir(), 'pipeline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (args: string[]) =>
  spawnSync(process.execPath, [MAIN, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('pnpm start (the local pipeline)', () => {
  it('runs the ETL, then writes the dashboard into the lake and names it in the summary', () => {
    const result = run(['--input', MESSY, '--lake', 'lake', '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Warehouse:  4 rows');
    expect(result.stdout).toMatch(/\nDashboard: {2}lake\/dashboard\.html \(open it in a browser/);
    const page = readFileSync(join(root, 'lake', 'dashboard.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).toContain('Top artists by followers');
  }, 120_000);

  it('keeps stdout pure JSON with --json: the dashboard line goes to stderr', () => {
    const result = run(['--input', MESSY, '--lake', 'lake', '--quiet', '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).warehouse.rows).toBe(4);
    expect(result.stderr).toMatch(/^Dashboard: {2}lake\/dashboard\.html/m);
  }, 120_000);

  it('writes no dashboard when the run fails, and exits as the ETL does', () => {
    const result = run(['--input', join(root, 'missing'), '--lake', 'other', '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: .*missing: input folder does not exist/);
    expect(result.stdout).toBe('');
  }, 120_000);

  it('shows the page path relative to the working folder when it is inside it', () => {
    expect(dashboardLine('/w/lake/dashboard.html', '/w')).toMatch(/^Dashboard: {2}lake\/dashboard\.html /);
    expect(dashboardLine('/elsewhere/dashboard.html', '/w')).toMatch(
      /^Dashboard: {2}\/elsewhere\/dashboard\.html /,
    );
  });
});
