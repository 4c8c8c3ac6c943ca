import type { LogicalType } from './logical-types';
import { SOURCE_NAMES, SOURCES, type SourceSpec } from './sources';

/** Why a source row did not reach the warehouse, in the order the rules are applied: the first that fails wins. */
export const QUARANTINE_REASONS = [
  'malformed_row',
  'bad_value',
  'duplicate_row',
  'duplicate_key',
  'unknown_artist',
  'unknown_track',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export const QUARANTINE_REASON_DESCRIPTIONS: { readonly [R in QuarantineReason]: string } = {
  malformed_row: 'The CSV record could not be parsed: wrong field count, broken quoting or invalid UTF-8.',
  bad_value:
    'A field failed its rule: empty id or measure, not a number, out of range, or an unparseable date.',
  duplicate_row: 'An exact copy of an earlier accepted row; the first is kept.',
  duplicate_key: 'Same key as an earlier accepted row with different values; the first is kept.',
  unknown_artist: 'The album row names an artist that is not an accepted artist row.',
  unknown_track: 'The album row names a track that is not an accepted track row.',
};

/** Name of the quarantine table in every catalog, and of its folder under the lake. */
export const QUARANTINE_TABLE = 'quarantine';

export interface QuarantineColumn {
  readonly name: string;
  readonly type: LogicalType;
  readonly description: string;
}

/** Bookkeeping columns; the original fields of every source follow them, as text exactly as read. */
export const QUARANTINE_META_COLUMNS: readonly QuarantineColumn[] = [
  { name: 'source', type: 'string', description: 'Source the row came from: albums, artists or tracks.' },
  {
    name: 'record',
    type: 'bigint',
    description:
      "1-based position of the record among all records of its source: the source's files in name order, each file's records in order, malformed records included; the header and empty lines are not records. Every engine numbers records this way.",
  },
  { name: 'reason', type: 'string', description: `One of ${QUARANTINE_REASONS.join(', ')}.` },
  {
    name: 'detail',
    type: 'string',
    description: 'The field and rule that failed, or the record this row duplicates.',
  },
  { name: 'raw_line', type: 'string', description: 'For malformed rows, the text of the record as read.' },
];

/** The original fields of all sources, each once (sources share `track_id`), in source order. */
export function quarantineFieldColumns(
  sources: readonly SourceSpec<string>[] = SOURCE_NAMES.map((s) => SOURCES[s]),
): QuarantineColumn[] {
  const seen = new Map<string, QuarantineColumn>();
  for (const spec of sources) {
    for (const field of spec.fields) {
      if (!seen.has(field.name)) {
        seen.set(field.name, {
          name: field.name,
          type: 'string',
          description: `Original ${field.name} as read.`,
        });
      }
    }
  }
  return [...seen.values()];
}

export const QUARANTINE_COLUMNS: readonly QuarantineColumn[] = [
  ...QUARANTINE_META_COLUMNS,
  ...quarantineFieldColumns(),
];
