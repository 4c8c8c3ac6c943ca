import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLUE_JOB_ENTRYPOINT, glueJobAssets } from '../../src/glue-job-assets';
import { ETL_DIR, GLUE_DIR } from './python';

describe('glueJobAssets', () => {
  it('lists the entry script, every other module of glue-job/ and the ETL SQL, by absolute path', () => {
    const assets = glueJobAssets();
    expect(assets.script).toBe(join(GLUE_DIR, GLUE_JOB_ENTRYPOINT));
    const python = readdirSync(GLUE_DIR).filter((f) => f.endsWith('.py'));
    expect([assets.script, ...assets.pythonModules].map((p) => basename(p)).sort()).toEqual(python.sort());
    expect(assets.pythonModules.map((p) => basename(p))).not.toContain(GLUE_JOB_ENTRYPOINT);
    expect(assets.files).toEqual([join(ETL_DIR, 'sql', 'etl.sql')]);
    for (const path of [assets.script, ...assets.pythonModules, ...assets.files]) {
      expect(isAbsolute(path), path).toBe(true);
      expect(readFileSync(path, 'utf8').length, path).toBeGreaterThan(0);
    }
  });

  it('is what the package exports under @spotify-lake/etl/glue-job, loading no DuckDB', () => {
    const manifest = JSON.parse(readFileSync(join(ETL_DIR, 'package.json'), 'utf8'));
    expect(manifest.exports['./glue-job']).toEqual({
      types: './dist/glue-job-assets.d.ts',
      default: './dist/glue-job-assets.js',
    });
    // The built entry, as a Pulumi program loads it (turbo builds before testing).
    const loaded = spawnSync(
      process.execPath,
      [
        '-e',
        "const a = require('@spotify-lake/etl/glue-job').glueJobAssets(); " +
          "console.log(JSON.stringify({ script: a.script, duckdb: Object.keys(require.cache).some((k) => k.includes('@duckdb')) }))",
      ],
      { cwd: ETL_DIR, encoding: 'utf8' },
    );
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(JSON.parse(loaded.stdout)).toEqual({ script: glueJobAssets().script, duckdb: false });
  });
});
