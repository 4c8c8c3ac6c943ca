import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUARANTINE_REASONS, RAW_VIEW_COLUMNS, SOURCE_NAMES, SOURCES } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { GLUE_CONTRACT_MODULE, glueContract, renderGlueContractModule } from '../../src/glue/glue-contract';
import { ETL_DIR, python } from './python';

describe('the Glue job contract module', () => {
  it('carries the contract the job needs', () => {
    const contract = glueContract();
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
      checkedIn === renderGlueContractModule(),
      `${GLUE_CONTRACT_MODULE} is stale: regenerate it with the command in its docstring`,
    ).toBe(true);
    const result = python(
      ['-c', 'import json, spotify_contract; print(json.dumps(spotify_contract.CONTRACT))'],
      {
        cwd: join(ETL_DIR, 'glue'),
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(glueContract());
  }, 60_000);
});
