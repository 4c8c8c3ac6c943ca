import { ETL_OUTPUTS, RAW_VIEW_COLUMNS, rawView, SOURCE_COUNTS_VIEW } from './etl-sql';
import { LAKE_ZONES, stagingPrefix } from './lake-layout';
import { QUARANTINE_REASONS } from './quarantine';
import { SOURCE_NAMES, SOURCES } from './sources';

/**
 * The part of the contract the Glue job needs (source files and fields, view and output names), as
 * plain data. The Python job cannot import the TypeScript contract, so it gets this generated copy;
 * a test keeps the checked-in module equal to it.
 */
export function glueJobContract() {
  return {
    sources: Object.fromEntries(
      SOURCE_NAMES.map((s) => [
        s,
        {
          file: SOURCES[s].file,
          stagingPrefix: stagingPrefix(s),
          rawView: rawView(s),
          fields: SOURCES[s].fields.map((f) => f.name),
        },
      ]),
    ),
    rawViewColumns: [...RAW_VIEW_COLUMNS],
    outputs: { ...ETL_OUTPUTS },
    sourceCountsView: SOURCE_COUNTS_VIEW,
    quarantineReasons: [...QUARANTINE_REASONS],
    lakeZones: { ...LAKE_ZONES },
  };
}

/** The Python module holding glueJobContract(), byte for byte what `etl/glue-job/spotify_contract.py` must contain. */
export function renderGlueJobContractModule(): string {
  const json = JSON.stringify(glueJobContract(), null, 2);
  if (json.includes("'''") || json.includes('\\'))
    throw new Error('contract JSON cannot be embedded as a raw string');
  return [
    '"""The data contract as the Glue job sees it.',
    '',
    'GENERATED from @spotify-lake/contract by renderGlueJobContractModule (packages/contract/src/glue-job-contract.ts):',
    'do not edit. Regenerate with:',
    '  pnpm --filter @spotify-lake/etl generate:glue-contract',
    '"""',
    '',
    'import json',
    '',
    `CONTRACT = json.loads(r'''${json}''')`,
    '',
  ].join('\n');
}
