import {
  LAKE_ZONES,
  QUARANTINE_REASONS,
  RAW_VIEW_COLUMNS,
  rawView,
  SOURCE_COUNTS_VIEW,
  SOURCE_NAMES,
  SOURCES,
  stagingPrefix,
  TRANSFORM_OUTPUTS,
} from '@spotify-lake/contract';

/** Where the Glue job's copy of the contract lives, relative to the etl package. */
export const GLUE_CONTRACT_MODULE = 'glue/spotify_contract.py';

/**
 * The part of the contract the Glue job needs (source files and fields, view and output names), as
 * plain data. The Python job cannot import the TypeScript contract, so it gets this generated copy;
 * a test keeps the checked-in module equal to it.
 */
export function glueContract() {
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
    outputs: { ...TRANSFORM_OUTPUTS },
    sourceCountsView: SOURCE_COUNTS_VIEW,
    quarantineReasons: [...QUARANTINE_REASONS],
    lakeZones: { ...LAKE_ZONES },
  };
}

/** The Python module holding glueContract(), byte for byte what GLUE_CONTRACT_MODULE must contain. */
export function renderGlueContractModule(): string {
  const json = JSON.stringify(glueContract(), null, 2);
  if (json.includes("'''") || json.includes('\\'))
    throw new Error('contract JSON cannot be embedded as a raw string');
  return [
    '"""The data contract as the Glue job sees it.',
    '',
    'GENERATED from @spotify-lake/contract by renderGlueContractModule (etl/src/glue/glue-contract.ts):',
    'do not edit. Regenerate with:',
    `  pnpm --filter @spotify-lake/etl build && (cd etl && node -e "require('fs').writeFileSync('${GLUE_CONTRACT_MODULE}', require('./dist/generate').renderGlueContractModule())")`,
    '"""',
    '',
    'import json',
    '',
    `CONTRACT = json.loads(r'''${json}''')`,
    '',
  ].join('\n');
}
