import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  glueJobContract,
  QUARANTINE_REASONS,
  RAW_VIEW_COLUMNS,
  renderGlueJobContractModule,
  SOURCE_NAMES,
  SOURCES,
} from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { ETL_DIR, python } from './python';

/** The Glue job's copy of the contract, relative to the etl package. */
const GLUE_CONTRACT_MODULE = 'glue-job/spotify_contract.py';

describe('the Glue job contract module', () => {
  it('carries the contract the job needs', () => {
    const contract = glueJobContract();
    expect(Object.keys(contract.sources)).toEqual([...SOURCE_NAMES]);
    expect(contract.sources.albums).toEqual({
      file: 'albums.csv',
      stagingPrefix: 'staging/albums/',
      rawView: 'raw_albums',
      fields: SOURCES.albums.fields.map((f) => f.name),
    });
    expect(contract.rawViewColumns).toEqual([...RAW_VIEW_COLUMNS]);
    expect(contract.quarantineReasons).toEqual([...QUARANTINE_REASONS]);
    expect(contract.outputs).toEqual({ warehouse: 'datawarehouse', quarantine: 'quarantine' });
  }, 60_000);

  it('is checked in up to date, and Python reads the same data from it', () => {
    const checkedIn = readFileSync(join(ETL_DIR, GLUE_CONTRACT_MODULE), 'utf8');
    expect(
      checkedIn === renderGlueJobContractModule(),
      `${GLUE_CONTRACT_MODULE} is stale: regenerate it with the command in its docstring`,
    ).toBe(true);
    const result = python(
      ['-c', 'import json, spotify_contract; print(json.dumps(spotify_contract.CONTRACT))'],
      {
        cwd: join(ETL_DIR, 'glue-job'),
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(glueJobContract());
  }, 60_000);
});
