import { physicalType } from './logical-types';
import { QUARANTINE_COLUMNS, QUARANTINE_META_COLUMNS, QUARANTINE_TABLE } from './quarantine';
import { SOURCE_NAMES, SOURCES, type SourceField, type SourceName, type SourceSpec } from './sources';
import { WAREHOUSE_COLUMNS, WAREHOUSE_TABLE, type WarehouseColumn } from './warehouse';

/**
 * The transform, generated from the contract in the common subset of Spark SQL (3.5) and DuckDB SQL,
 * so that the Glue job and the local runner execute the very same bytes.
 *
 * Engines feed it one view per source, `raw_<source>`, with these columns (see RAW_VIEW_COLUMNS):
 *   _record BIGINT      1-based position of the record in its source (malformed rows: the parser's line)
 *   _raw_line STRING    text of a malformed record, else NULL
 *   _parse_error STRING why the record is malformed, else NULL
 *   <every field>       STRING, as read (NULL when empty)
 * and run each statement, in order, as a view or table named after it.
 *
 * The subset rules the generator keeps to:
 * - no identifier quoting (Spark quotes with backticks, DuckDB with double quotes): names are plain snake_case;
 * - no backslash in string literals (Spark unescapes them, DuckDB does not): regexes use `[.]`, not `\.`;
 * - numbers are validated by regex before TRY_CAST, because the engines' casts disagree on input such
 *   as '12.5' (DuckDB rounds to 13, Spark truncates to 12);
 * - `regexp_like` is Spark's; the local runner defines it in DuckDB as a macro (ENGINE_SHIMS).
 *
 * Written for speed as well (measured on DuckDB, see etl/README.md "Measured"):
 * - the right side of every join is the smaller one, the side to build a hash table from: the local runner
 *   turns off DuckDB's build-side swap (`DUCKDB_SETTINGS`), whose estimates through views and filters
 *   picked the wide fact rows and doubled the warehouse write;
 * - wide fact rows are never joined into a second wide table: references are checked into the small
 *   `unresolved_<fact>`, and the warehouse joins the referenced rows while it is written;
 * - only `checked_<source>` reads a raw view: the text as read travels with the checked rows in one
 *   column, NULL on almost every row (`_original`), so an engine reads each source once and keeps no copy of it.
 */

export interface TransformStatement {
  /** View or table the engine registers the result as. */
  readonly name: string;
  readonly sql: string;
  /**
   * Compute the result once and keep it (a temp table on DuckDB, a cached view on Spark) rather than
   * recompute it for every reader. Set for results that several later statements read and that are
   * expensive to recompute: the typed rows (`checked_*`), the duplicate ranks (small, but each is a
   * GROUP BY over every row) and the unresolved fact rows (small, but a join over every row). Every
   * other statement streams into its reader; the wide fact rows are never copied after the typing.
   */
  readonly materialize: boolean;
}

/** Statements whose results are written to the lake, and where. */
export const TRANSFORM_OUTPUTS = { warehouse: WAREHOUSE_TABLE, quarantine: QUARANTINE_TABLE } as const;
/** Statement with rows read and accepted per source, for the run manifest. */
export const SOURCE_COUNTS_VIEW = 'source_counts';

export const RAW_VIEW_COLUMNS = ['_record', '_raw_line', '_parse_error'] as const;
export const rawView = (source: SourceName) => `raw_${source}`;
/**
 * The statement that cleans, types and checks a source: the only one that reads its raw view, so an
 * engine may stream the source through it once (the local runner does).
 */
export const checkedView = (source: SourceName) => `checked_${source}`;
const dedupedView = (source: SourceName) => `deduped_${source}`;
const resolvedView = (source: SourceName) => `resolved_${source}`;
const unresolvedView = (source: SourceName) => `unresolved_${source}`;

/** Name of a field's typed value inside the transform, as `checked_<source>` and the views after it name it. */
export const typedValueColumn = (field: string) => `v_${field}`;
const typed = typedValueColumn;
/** Name of a field's cleaned text inside the checks. */
const text = (field: string) => `s_${field}`;

const INTEGER_PATTERN = { int: '^-?[0-9]{1,10}$', bigint: '^-?[0-9]{1,19}$' } as const;
const DECIMAL_PATTERN = '^-?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]{1,3})?$';
/** Years 1000-9999 only: the engines disagree on year 0 and below. */
const DATE_PATTERNS = {
  day: "'^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2}( UTC)?)?$'",
  month: "'^[1-9][0-9]{3}-[0-9]{2}$'",
  year: "'^[1-9][0-9]{3}$'",
};

/**
 * SQL expression for a field's text as the checks see it: NULL when empty, and for ids and typed fields
 * without surrounding spaces. Spaces only: DuckDB's one-argument TRIM also strips tabs and line breaks,
 * Spark's does not, so `TRIM(BOTH ' ' FROM ...)` keeps the engines in agreement. The LIKE guard skips
 * the copy that TRIM makes of every value: on DuckDB that copy was most of the cost of checking a row
 * (3 ids: 250 ms for 438k rows with TRIM, 16 ms guarded). Free text is kept exactly as written.
 */
export function cleanedText(field: SourceField, column: string): string {
  if (field.type === 'string' && !field.required) return `NULLIF(${column}, '')`;
  return `NULLIF(CASE WHEN ${column} LIKE ' %' OR ${column} LIKE '% ' THEN TRIM(BOTH ' ' FROM ${column}) ELSE ${column} END, '')`;
}

/** SQL expression typing a field's cleaned text (`cleanedText`), NULL when it is not a valid value of its type. */
export function typedExpression(field: SourceField, text: string): string {
  switch (field.type) {
    case 'string':
      return text;
    case 'int':
    case 'bigint':
      return `CASE WHEN regexp_like(${text}, '${INTEGER_PATTERN[field.type]}') THEN TRY_CAST(${text} AS ${physicalType(field.type).spark}) END`;
    case 'double':
      return `CASE WHEN regexp_like(${text}, '${DECIMAL_PATTERN}') THEN TRY_CAST(${text} AS DOUBLE) END`;
    case 'date':
      return [
        'CASE',
        `WHEN regexp_like(${text}, ${DATE_PATTERNS.day}) THEN TRY_CAST(substring(${text}, 1, 10) AS DATE)`,
        `WHEN regexp_like(${text}, ${DATE_PATTERNS.month}) THEN TRY_CAST(${text} || '-01' AS DATE)`,
        `WHEN regexp_like(${text}, ${DATE_PATTERNS.year}) THEN TRY_CAST(${text} || '-01-01' AS DATE)`,
        'END',
      ].join(' ');
  }
}

const TYPE_PROBLEM: Record<SourceField['type'], string> = {
  string: 'empty id',
  int: 'not an integer',
  bigint: 'not an integer',
  double: 'not a number',
  date: 'not a date (expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS UTC, YYYY-MM or YYYY)',
};

function rangeText(field: SourceField): string {
  if (field.min !== undefined && field.max !== undefined) return `out of range ${field.min}..${field.max}`;
  if (field.min !== undefined) return `below ${field.min}`;
  return `above ${field.max}`;
}

/** CASE branches naming the first failing field of a row, e.g. `album_popularity: out of range 0..100`. */
function badValueBranches(spec: SourceSpec): string[] {
  const branches: string[] = [];
  for (const field of spec.fields) {
    if (!field.required) continue;
    const value = typed(field.name);
    if (field.type !== 'string') {
      branches.push(`WHEN ${text(field.name)} IS NULL THEN '${field.name}: missing'`);
    }
    branches.push(`WHEN ${value} IS NULL THEN '${field.name}: ${TYPE_PROBLEM[field.type]}'`);
    const bounds: string[] = [];
    if (field.min !== undefined) bounds.push(`${value} < ${field.min}`);
    if (field.max !== undefined) bounds.push(`${value} > ${field.max}`);
    if (bounds.length > 0)
      branches.push(`WHEN ${bounds.join(' OR ')} THEN '${field.name}: ${rangeText(field)}'`);
  }
  return branches;
}

const indent = (lines: string[], by = '  ') => lines.map((line) => by + line);
const list = (items: string[], by = '  ') =>
  items.map((item, i) => `${by}${item}${i < items.length - 1 ? ',' : ''}`);

/** Name of a field's text as read (NULL when empty) inside the checks; not kept after them. */
const asRead = (field: string) => `o_${field}`;
/** Ids: text that cleaning may change, but that is carried forward as its own typed value. */
const isId = (field: SourceField) => field.type === 'string' && field.required;
/** Fields whose text as read may differ from their typed value: typed fields and ids (free text never does). */
const rebuiltFields = (spec: SourceSpec) => spec.fields.filter((f) => f.type !== 'string' || isId(f));

/**
 * The one column that keeps the text as read of the rows whose text cannot be rebuilt from their typed
 * values (`renderedText`): NULL on almost every row. Keeping every field as read on every row doubled
 * the width of the typed rows, and an engine's typed rows cost it per column, NULL or not (on DuckDB,
 * in memory, 16 bytes and ~100 ns for each value stored). So no statement after the checks reads a raw
 * view, and the checked rows carry one column for all of it.
 */
const ORIGINAL = '_original';
/**
 * `_original` packs the texts of `rebuiltFields` in field order, separated by chr(31); chr(30) escapes
 * itself (chr(30) e) and the separator (chr(30) d), so any text survives. Empty and NULL are the same
 * here, as everywhere in the contract. split_part, replace, concat_ws and chr exist in both engines.
 */
const SEPARATOR = 'chr(31)';
const ESCAPE = 'chr(30)';
const packedText = (texts: string[]) =>
  `concat_ws(${SEPARATOR}, ${texts.map((t) => `replace(replace(COALESCE(${t}, ''), ${ESCAPE}, ${ESCAPE} || 'e'), ${SEPARATOR}, ${ESCAPE} || 'd')`).join(', ')})`;
const unpackedText = (packed: string, position: number) =>
  `NULLIF(replace(replace(split_part(${packed}, ${SEPARATOR}, ${position}), ${ESCAPE} || 'd', ${SEPARATOR}), ${ESCAPE} || 'e', ${ESCAPE}), '')`;

/**
 * What a typed value renders as: the text as read on almost every row. The dataset writes dates as
 * `2016-11-10 00:00:00 UTC`, so that is the rendering of a date. Each engine renders with its own casts,
 * and compares with the same ones, so what it rebuilds is exactly what it read.
 */
function renderedText(field: SourceField, value: string): string {
  switch (field.type) {
    case 'string':
      return value;
    case 'date':
      return `CAST(${value} AS STRING) || ' 00:00:00 UTC'`;
    default:
      return `CAST(${value} AS STRING)`;
  }
}

/**
 * `_original` over the rows aliased `alias`, which carry the typed values and the texts as read
 * (`o_<field>`): NULL when every text as read is what its typed value renders as.
 */
function originalExpression(spec: SourceSpec, alias: string): string {
  const fields = rebuiltFields(spec);
  const rebuilt = fields
    .map(
      (f) =>
        `${alias}.${asRead(f.name)} IS NOT DISTINCT FROM ${renderedText(f, `${alias}.${typed(f.name)}`)}`,
    )
    .join(' AND ');
  return `CASE WHEN ${rebuilt} THEN NULL ELSE ${packedText(fields.map((f) => `${alias}.${asRead(f.name)}`))} END AS ${ORIGINAL}`;
}

/**
 * Columns every per-source view carries forward: the record's identity, the typed values and what
 * rebuilds the text as read (`_original`).
 */
function carriedColumns(spec: SourceSpec, alias: string): string[] {
  return [
    ...RAW_VIEW_COLUMNS.map((c) => `${alias}.${c}`),
    ...spec.fields.map((f) => `${alias}.${typed(f.name)}`),
    `${alias}.${ORIGINAL}`,
  ];
}

/**
 * A field's text as read (NULL when empty) of the rows aliased `alias`: its typed value rendered, or,
 * on the rows that keep it, its part of `_original`. Readers disagree on a quoted empty field ("" is ''
 * in DuckDB, NULL in Spark); both are NULL here, so exact-duplicate detection and the quarantined
 * originals are the same on both engines. A malformed record's fields are all NULL.
 */
export function originalText(source: SourceName, field: SourceField, alias: string): string {
  if (!SOURCES[source].fields.includes(field)) throw new Error(`${field.name} is not a field of ${source}`);
  const position = rebuiltFields(SOURCES[source]).indexOf(field) + 1;
  const value = `${alias}.${typed(field.name)}`;
  if (position === 0) return value;
  return `CASE WHEN ${alias}.${ORIGINAL} IS NULL THEN ${renderedText(field, value)} ELSE ${unpackedText(`${alias}.${ORIGINAL}`, position)} END`;
}

/**
 * The checks' verdict is one column, `_detail`: NULL for a valid row, else what is wrong (the parser's
 * problem for a malformed record). The reason follows from it, so the checked rows do not carry it.
 */
const checkReason = (alias: string) =>
  `CASE WHEN ${alias}._parse_error IS NOT NULL THEN 'malformed_row' ELSE 'bad_value' END`;

/** Fields whose cleaned text the bad-value checks read (to tell `missing` from `not an integer`). */
const checkedTexts = (spec: SourceSpec) =>
  spec.fields.filter((f) => f.required && f.type !== 'string').map((f) => `t.${text(f.name)}`);

/**
 * Cleans, types and checks every record, in four nested levels so that each expression is computed
 * once per row: cleaned text, typed values, the first failing check, the reason.
 */
function checkedStatement(spec: SourceSpec): TransformStatement {
  const sql = [
    'SELECT',
    ...list([...carriedColumns(spec, 'c'), 'COALESCE(c._parse_error, c._detail) AS _detail']),
    'FROM (',
    '  SELECT',
    ...list(
      [
        ...RAW_VIEW_COLUMNS.map((c) => `t.${c}`),
        ...spec.fields.map((f) => `t.${typed(f.name)}`),
        originalExpression(spec, 't'),
        ['CASE', ...indent(badValueBranches(spec), '      '), '    END AS _detail'].join('\n'),
      ],
      '    ',
    ),
    '  FROM (',
    '    SELECT',
    ...list(
      [
        ...RAW_VIEW_COLUMNS.map((c) => `t.${c}`),
        ...checkedTexts(spec),
        ...rebuiltFields(spec).map((f) => `t.${asRead(f.name)}`),
        ...spec.fields.map((f) => `${typedExpression(f, `t.${text(f.name)}`)} AS ${typed(f.name)}`),
      ],
      '      ',
    ),
    '    FROM (',
    '      SELECT',
    ...list(
      [
        ...RAW_VIEW_COLUMNS.map((c) => `r.${c}`),
        ...spec.fields.map((f) => `${cleanedText(f, `r.${f.name}`)} AS ${text(f.name)}`),
        ...rebuiltFields(spec).map((f) => `NULLIF(r.${f.name}, '') AS ${asRead(f.name)}`),
      ],
      '        ',
    ),
    `      FROM ${rawView(spec.name)} r`,
    '    ) t',
    '  ) t',
    ') c',
  ].join('\n');
  return { name: checkedView(spec.name), sql, materialize: true };
}

const dupKeysView = (source: SourceName) => `dupkeys_${source}`;
const dupRanksView = (source: SourceName) => `dupranks_${source}`;

/**
 * Deduplication in three statements. Window functions over every row (wide rows, one tiny partition
 * per key) are what made the transform slow and spill at scale; here they run only over the rows of keys
 * that occur more than once among valid rows (about 1% of rows), found by a GROUP BY. That GROUP BY first
 * runs over a hash of the key, a number, and only the rows whose hash repeats are grouped by the key itself:
 * grouping 4.4M string keys took 2.5 s, the hash 0.85 s. Both engines have a `hash` (DuckDB 64-bit, Spark
 * Murmur3 32-bit); a collision only adds candidates, which the exact GROUP BY drops, so the result is the
 * same on both. The reasons: the first valid row of a key is accepted; a later one is duplicate_row when an earlier valid
 * row of the key is identical (identical rows always share the key), else duplicate_key.
 */
function dedupedStatements(spec: SourceSpec): TransformStatement[] {
  const keys = spec.key.map(typed);
  const keyText = spec.key.length > 1 ? `(${spec.key.join(', ')})` : spec.key[0];
  const dupKeys = {
    name: dupKeysView(spec.name),
    materialize: false,
    sql: [
      'SELECT',
      ...list([...keys, 'MIN(_record) AS first_record']),
      `FROM ${checkedView(spec.name)}`,
      'WHERE _detail IS NULL',
      `  AND hash(${keys.join(', ')}) IN (`,
      '    SELECT key_hash',
      `    FROM (SELECT hash(${keys.join(', ')}) AS key_hash FROM ${checkedView(spec.name)} WHERE _detail IS NULL) h`,
      '    GROUP BY key_hash',
      '    HAVING COUNT(*) > 1',
      '  )',
      `GROUP BY ${keys.join(', ')}`,
      'HAVING COUNT(*) > 1',
    ].join('\n'),
  };
  const dupRanks = {
    name: dupRanksView(spec.name),
    materialize: true,
    sql: [
      'SELECT',
      ...list([
        'c._record',
        `ROW_NUMBER() OVER (PARTITION BY ${keys.map((k) => `c.${k}`).join(', ')} ORDER BY c._record) AS key_rank`,
        `ROW_NUMBER() OVER (PARTITION BY ${spec.fields.map((f) => originalText(spec.name, f, 'c')).join(', ')} ORDER BY c._record) AS row_rank`,
        'k.first_record',
      ]),
      `FROM ${checkedView(spec.name)} c`,
      `JOIN ${dupKeysView(spec.name)} k ON ${keys.map((k) => `k.${k} = c.${k}`).join(' AND ')}`,
      'WHERE c._detail IS NULL',
    ].join('\n'),
  };
  // Valid rows are parsed records, whose _record is unique among parsed records; a malformed row may
  // share a valid row's _record, and its own reason wins in the CASE.
  const deduped = {
    name: dedupedView(spec.name),
    materialize: false,
    sql: [
      'SELECT',
      ...list([
        ...carriedColumns(spec, 'c'),
        [
          'CASE',
          `    WHEN c._detail IS NOT NULL THEN ${checkReason('c')}`,
          '    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL',
          "    WHEN d.row_rank > 1 THEN 'duplicate_row'",
          "    ELSE 'duplicate_key'",
          '  END AS _reason',
        ].join('\n'),
        [
          'CASE',
          '    WHEN c._detail IS NOT NULL THEN c._detail',
          '    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL',
          `    ELSE '${keyText} already accepted at record ' || CAST(d.first_record AS STRING)`,
          '  END AS _detail',
        ].join('\n'),
      ]),
      `FROM ${checkedView(spec.name)} c`,
      `LEFT JOIN ${dupRanksView(spec.name)} d ON d._record = c._record`,
    ].join('\n'),
  };
  return [dupKeys, dupRanks, deduped];
}

/** The source the warehouse is a row of (its grain): the one no other source references. */
function factSource(): SourceSpec {
  const referenced = new Set(
    SOURCE_NAMES.flatMap((s) => SOURCES[s].foreignKeys.map((fk) => fk.references.source)),
  );
  const facts = SOURCE_NAMES.filter((s) => !referenced.has(s));
  if (facts.length !== 1)
    throw new Error(`the contract must have exactly one fact source, found: ${facts.join(', ')}`);
  return SOURCES[facts[0]!];
}

/** The view holding a source's rows with their final reason. */
function finalView(source: SourceName): string {
  return SOURCES[source].foreignKeys.length > 0 ? resolvedView(source) : dedupedView(source);
}

/** Fields of a referenced source that the warehouse needs, taken from it by the join. */
function dimensionFields(source: SourceName): string[] {
  return WAREHOUSE_COLUMNS.filter((c: WarehouseColumn) => c.from.source === source).map((c) => c.from.field);
}

/** The accepted rows of a referenced source, with the typed fields named. */
function acceptedRows(source: SourceName, fields: readonly string[]): string {
  return `(SELECT ${[...new Set(fields)].map(typed).join(', ')} FROM ${dedupedView(source)} WHERE _reason IS NULL)`;
}

/**
 * The fact rows that passed the checks and deduplication but whose references find no accepted row,
 * with the first missing reference as the reason. Only these few rows are kept: carrying every fact row
 * through the joins into one wide table was the most expensive step of a run (it spilled at 10x scale);
 * the warehouse joins the dimensions itself, streaming into its write, and the quarantine and counts
 * take the reasons from here.
 */
function unresolvedStatement(spec: SourceSpec): TransformStatement {
  const missing = (fk: SourceSpec['foreignKeys'][number]) =>
    `${fk.references.source}.${typed(fk.references.field)} IS NULL`;
  const joins = spec.foreignKeys.flatMap((fk) => [
    `LEFT JOIN ${acceptedRows(fk.references.source, [fk.references.field])} ${fk.references.source}`,
    `  ON ${fk.references.source}.${typed(fk.references.field)} = f.${typed(fk.field)}`,
  ]);
  const sql = [
    'SELECT',
    ...list([
      'f._record',
      [
        'CASE',
        ...spec.foreignKeys.map((fk) => `    WHEN ${missing(fk)} THEN '${fk.reason}'`),
        '  END AS _reason',
      ].join('\n'),
      [
        'CASE',
        ...spec.foreignKeys.map(
          (fk) =>
            `    WHEN ${missing(fk)} THEN '${fk.field} not found among accepted ${fk.references.source}'`,
        ),
        '  END AS _detail',
      ].join('\n'),
    ]),
    `FROM ${dedupedView(spec.name)} f`,
    ...joins,
    `WHERE f._reason IS NULL AND (${spec.foreignKeys.map(missing).join(' OR ')})`,
  ].join('\n');
  return { name: unresolvedView(spec.name), sql, materialize: true };
}

/**
 * Every fact row with its final reason, for the quarantine and the counts: its own (checks, duplicates)
 * or else a missing reference. A malformed row may share a parsed row's _record (the local runner
 * numbers it by line); its own reason is never NULL, so it never takes the parsed row's.
 */
function resolvedStatement(spec: SourceSpec): TransformStatement {
  const sql = [
    'SELECT',
    ...list([
      ...carriedColumns(spec, 'f'),
      'CASE WHEN f._reason IS NOT NULL THEN f._reason ELSE u._reason END AS _reason',
      'CASE WHEN f._reason IS NOT NULL THEN f._detail ELSE u._detail END AS _detail',
    ]),
    `FROM ${dedupedView(spec.name)} f`,
    `LEFT JOIN ${unresolvedView(spec.name)} u ON u._record = f._record`,
  ].join('\n');
  return { name: resolvedView(spec.name), sql, materialize: false };
}

/**
 * Accepted fact rows joined to the accepted rows they reference: the inner joins drop exactly the rows of
 * `unresolved_<fact>`. The referenced rows are on the right, the side DuckDB builds from (`DUCKDB_SETTINGS`).
 */
function warehouseStatement(fact: SourceSpec): TransformStatement {
  const columns = WAREHOUSE_COLUMNS.map((c: WarehouseColumn) => {
    const value = `${c.from.source === fact.name ? 'w' : c.from.source}.${typed(c.from.field)}`;
    const expression = 'derived' in c.from ? `year(${value})` : value;
    return `CAST(${expression} AS ${physicalType(c.type).spark}) AS ${c.name}`;
  });
  const joins = fact.foreignKeys.flatMap((fk) => {
    const dim = fk.references.source;
    return [
      `JOIN ${acceptedRows(dim, [fk.references.field, ...dimensionFields(dim)])} ${dim}`,
      `  ON ${dim}.${typed(fk.references.field)} = w.${typed(fk.field)}`,
    ];
  });
  const sql = [
    'SELECT',
    ...list(columns),
    `FROM ${dedupedView(fact.name)} w`,
    ...joins,
    'WHERE w._reason IS NULL',
  ].join('\n');
  return { name: TRANSFORM_OUTPUTS.warehouse, sql, materialize: false };
}

function quarantineStatement(): TransformStatement {
  const metaSource: Record<string, (s: SourceName) => string> = {
    source: (s) => `'${s}'`,
    record: () => 'q._record',
    reason: () => 'q._reason',
    detail: () => 'q._detail',
    raw_line: () => 'q._raw_line',
  };
  const selects = SOURCE_NAMES.map((source) => {
    const fields = new Map(SOURCES[source].fields.map((f) => [f.name, f]));
    const columns = QUARANTINE_COLUMNS.map((c) => {
      const meta = metaSource[c.name];
      const field = fields.get(c.name);
      const expression = meta ? meta(source) : field ? originalText(source, field, 'q') : 'NULL';
      return `CAST(${expression} AS ${physicalType(c.type).spark}) AS ${c.name}`;
    });
    return ['SELECT', ...list(columns), `FROM ${finalView(source)} q`, 'WHERE q._reason IS NOT NULL'].join(
      '\n',
    );
  });
  if (QUARANTINE_META_COLUMNS.some((c) => !metaSource[c.name])) throw new Error('unmapped quarantine column');
  return { name: TRANSFORM_OUTPUTS.quarantine, sql: selects.join('\nUNION ALL\n'), materialize: false };
}

function sourceCountsStatement(): TransformStatement {
  const selects = SOURCE_NAMES.map(
    (source) =>
      `SELECT '${source}' AS source, COUNT(*) AS rows_read, COUNT(CASE WHEN _reason IS NULL THEN 1 END) AS accepted FROM ${finalView(source)}`,
  );
  return { name: SOURCE_COUNTS_VIEW, sql: selects.join('\nUNION ALL\n'), materialize: false };
}

/** Every statement of the transform, in the order they must run. */
export function transformStatements(): TransformStatement[] {
  const fact = factSource();
  const statements = [
    ...SOURCE_NAMES.map((s) => checkedStatement(SOURCES[s])),
    ...SOURCE_NAMES.flatMap((s) => dedupedStatements(SOURCES[s])),
    ...SOURCE_NAMES.filter((s) => SOURCES[s].foreignKeys.length > 0).flatMap((s) => [
      unresolvedStatement(SOURCES[s]),
      resolvedStatement(SOURCES[s]),
    ]),
    warehouseStatement(fact),
    quarantineStatement(),
    sourceCountsStatement(),
  ];
  for (const statement of statements) assertPortable(statement);
  return statements;
}

/** Guards the subset rules that a typo in the generator could break. */
function assertPortable(statement: TransformStatement): void {
  const problems: string[] = [];
  if (statement.sql.includes('\\'))
    problems.push('a backslash (Spark unescapes string literals, DuckDB does not)');
  if (/[`"]/.test(statement.sql)) problems.push('a quoted identifier (the engines quote differently)');
  if (statement.sql.includes(';')) problems.push('a semicolon (statements are split by the file format)');
  if (problems.length > 0)
    throw new Error(`transform statement "${statement.name}" contains ${problems.join(' and ')}`);
}

const HEADER = [
  '-- The Spotify lake transform. GENERATED from @spotify-lake/contract: do not edit; run',
  '-- `pnpm --filter @spotify-lake/etl generate:sql` after changing the contract.',
  '-- Runs unchanged on Spark 3.5 (the Glue job) and DuckDB (the local runner): see packages/contract/src/transform-sql.ts.',
  '-- Inputs: views raw_albums, raw_artists, raw_tracks. Each statement below becomes a view named after it,',
  '-- computed once and kept (a table, a cached view) when its marker says (materialize).',
];
const STATEMENT_MARKER = '-- statement: ';
/** Follows the name on the marker line of a statement to compute once (`TransformStatement.materialize`). */
const MATERIALIZE_FLAG = ' (materialize)';

/** The transform as one file: what the Glue job and the local runner both read. */
export function renderTransformSql(
  statements: readonly TransformStatement[] = transformStatements(),
): string {
  const body = statements.map(
    (s) => `${STATEMENT_MARKER}${s.name}${s.materialize ? MATERIALIZE_FLAG : ''}\n${s.sql}\n;\n`,
  );
  return `${HEADER.join('\n')}\n\n${body.join('\n')}`;
}

/**
 * Splits a transform file into its statements. The Glue job's Python parser (etl/glue/transform_sql.py)
 * implements the same rules; a test proves both return the same statements for the same file.
 */
export function parseTransformSql(text: string): TransformStatement[] {
  const statements: TransformStatement[] = [];
  let current: { name: string; materialize: boolean; lines: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const sql = current.lines.join('\n').trim().replace(/;$/, '').trim();
    if (sql === '') throw new Error(`transform statement "${current.name}" is empty`);
    statements.push({ name: current.name, sql, materialize: current.materialize });
  };
  for (const line of text.split('\n')) {
    if (line.startsWith(STATEMENT_MARKER)) {
      finish();
      const label = line.slice(STATEMENT_MARKER.length).trim();
      const materialize = label.endsWith(MATERIALIZE_FLAG);
      const name = materialize ? label.slice(0, -MATERIALIZE_FLAG.length) : label;
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad statement name "${name}" in transform SQL`);
      current = { name, materialize, lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  finish();
  if (statements.length === 0) throw new Error('transform SQL has no statements');
  return statements;
}

/**
 * Spark functions the transform uses that DuckDB names differently, defined in DuckDB as macros.
 * This is the one place where the two dialects are reconciled.
 */
export const DUCKDB_SHIMS: readonly string[] = [
  'CREATE OR REPLACE MACRO regexp_like(s, pattern) AS regexp_matches(s, pattern)',
];

/**
 * DuckDB session settings the transform is written for: hash tables are built from the right side of a
 * join, as written (see the rules at the top of this file), not from the side DuckDB estimates smaller.
 */
export const DUCKDB_SETTINGS: readonly string[] = ["SET disabled_optimizers = 'build_side_probe_side'"];
