import { QUARANTINE_TABLE } from '../quarantine';
import { WAREHOUSE_TABLE } from '../warehouse';

/**
 * Names inside the ETL SQL: the views engines register and the columns they carry. Engines feed the SQL one
 * view per source, `raw_<source>`, and run each statement as a view or table named after it.
 */

/** Statements whose results are written to the lake, and where (the Spotify contract's tables). */
export const ETL_OUTPUTS = { warehouse: WAREHOUSE_TABLE, quarantine: QUARANTINE_TABLE } as const;
/** Statement with rows read and accepted per source, for the run manifest. */
export const SOURCE_COUNTS_VIEW = 'source_counts';

/**
 * The columns of a raw view before the source's fields:
 *   _record BIGINT      1-based position of the record among all records of its source, files in name order,
 *                       malformed records included (QUARANTINE_META_COLUMNS `record`)
 *   _raw_line STRING    text of a malformed record, else NULL
 *   _parse_error STRING why the record is malformed, else NULL
 * then every field as STRING, as read (NULL when empty).
 */
export const RAW_VIEW_COLUMNS = ['_record', '_raw_line', '_parse_error'] as const;
export const rawView = (source: string) => `raw_${source}`;
/**
 * The statement that cleans, types and checks a source: the only one that reads its raw view, so an
 * engine may stream the source through it once (the local runner does).
 */
export const checkedView = (source: string) => `checked_${source}`;
export const dupKeysView = (source: string) => `dupkeys_${source}`;
export const dupRanksView = (source: string) => `dupranks_${source}`;
export const dedupedView = (source: string) => `deduped_${source}`;
export const resolvedView = (source: string) => `resolved_${source}`;
export const unresolvedView = (source: string) => `unresolved_${source}`;

/** Name of a field's typed value inside the SQL, as `checked_<source>` and the views after it name it. */
export const typedValueColumn = (field: string) => `v_${field}`;
/** Name of a field's cleaned text inside the checks. */
export const cleanedTextColumn = (field: string) => `s_${field}`;
/** Name of a field's text as read (NULL when empty) inside the checks; not kept after them. */
export const asReadColumn = (field: string) => `o_${field}`;
