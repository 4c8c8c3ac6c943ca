import type { SourceSpec } from '../../sources';
import { checkedView, dedupedView, dupKeysView, dupRanksView, typedValueColumn as typed } from '../names';
import { originalText } from '../original-text';
import { list } from '../sql-layout';
import type { EtlStatement } from '../statement';
import { carriedColumns, checkReason } from './carried-columns';

/**
 * Deduplication in three statements. Window functions over every row (wide rows, one tiny partition
 * per key) are what made the ETL slow and spill at scale; here they run only over the rows of keys
 * that occur more than once among valid rows (about 1% of rows), found by a GROUP BY. That GROUP BY first
 * runs over a hash of the key, a number, and only the rows whose hash repeats are grouped by the key itself:
 * grouping 4.4M string keys took 2.5 s, the hash 0.85 s. Both engines have a `hash` (DuckDB 64-bit, Spark
 * Murmur3 32-bit); a collision only adds candidates, which the exact GROUP BY drops, so the result is the
 * same on both. The reasons: the first valid row of a key is accepted; a later one is duplicate_row when an earlier valid
 * row of the key is identical (identical rows always share the key), else duplicate_key.
 */
export function dedupedStatements(spec: SourceSpec<string>): EtlStatement[] {
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
        `ROW_NUMBER() OVER (PARTITION BY ${spec.fields.map((f) => originalText(spec, f, 'c')).join(', ')} ORDER BY c._record) AS row_rank`,
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
