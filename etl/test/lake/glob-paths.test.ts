import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runEtl } from '../../src/local';
import { lakeTable, MESSY, query, tempDir } from '../fixtures/helpers';
import { hashTree, runCli } from './support';

vi.setConfig({ testTimeout: 120_000 });

describe('lake and input paths with glob characters', () => {
  it('refuses, in one line naming it, a lake path DuckDB cannot read literally (a backslash and a glob character)', async () => {
    const lake = join(await tempDir(), 'bs\\x?');
    const run = await runCli(['--input', MESSY, '--lake', lake, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: .*: DuckDB cannot read a path that holds both a backslash and one of \[ \] \* \? literally; rename the folder\n$/,
    );
  });

  it.each(['lake[1]', 'lake*', 'lake?'])(
    'a lake at %s reads and writes only its own files, not its siblings',
    async (name) => {
      const parent = await tempDir();
      // Siblings the pattern would match, each a lake of another dataset.
      for (const sibling of ['lake1', 'lakeX']) {
        const run = await runCli([
          '--lake',
          join(parent, sibling),
          '--tracks',
          '200',
          '--seed',
          '9',
          '--quiet',
        ]);
        expect(run.code, run.stderr).toBe(0);
      }
      const siblings = {
        lake1: await hashTree(join(parent, 'lake1')),
        lakeX: await hashTree(join(parent, 'lakeX')),
      };

      // The input too sits under a name with glob characters.
      const input = join(parent, `in-${name}`);
      await mkdir(input);
      await cp(MESSY, input, { recursive: true });
      const manifest = await runEtl({ inputDir: input, lakeDir: join(parent, name) });
      // The messy fixture's own counts, every malformed record found (trailing empty fields included).
      expect(manifest.sources.albums).toMatchObject({ rows: 16, accepted: 4, quarantined: 12 });
      expect(manifest.quarantine.byReason.malformed_row).toBe(7);
      const [rows] = await query(
        `SELECT COUNT(*) AS n FROM ${lakeTable(join(parent, name), 'datawarehouse')}`,
      );
      expect(Number(rows?.n)).toBe(4);
      expect({
        lake1: await hashTree(join(parent, 'lake1')),
        lakeX: await hashTree(join(parent, 'lakeX')),
      }).toEqual(siblings);
    },
  );
});
