import { etlStatements } from './etl-statements';
import { checkedView, rawView } from './names';
import type { EtlStatement } from './statement';

const CHECKED = checkedView('');

/**
 * The file both engines read (`etl/sql/etl.sql`): a header, then each statement after a marker line
 * `-- statement: <name>`, followed by ` (materialize)` for a result to compute once and keep.
 */
const header = (inputs: readonly string[]) => [
  '-- The Spotify lake ETL SQL. GENERATED from @spotify-lake/contract: do not edit; run',
  '-- `pnpm --filter @spotify-lake/etl generate:sql` after changing the contract.',
  '-- Runs unchanged on Spark 3.5 (the Glue job) and DuckDB (the local runner): see packages/contract/src/etl-sql/.',
  `-- Inputs: views ${inputs.join(', ')}. Each statement below becomes a view named after it,`,
  '-- computed once and kept (a table, a cached view) when its marker says (materialize).',
];
const STATEMENT_MARKER = '-- statement: ';
/** Follows the name on the marker line of a statement to compute once (`EtlStatement.materialize`). */
const MATERIALIZE_FLAG = ' (materialize)';

/** The ETL SQL as one file: what the Glue job and the local runner both read. */
export function renderEtlSql(statements: readonly EtlStatement[] = etlStatements()): string {
  const body = statements.map(
    (s) => `${STATEMENT_MARKER}${s.name}${s.materialize ? MATERIALIZE_FLAG : ''}\n${s.sql}\n;\n`,
  );
  const inputs = statements.flatMap((s) =>
    s.name.startsWith(CHECKED) ? [rawView(s.name.slice(CHECKED.length))] : [],
  );
  return `${header(inputs).join('\n')}\n\n${body.join('\n')}`;
}

/**
 * Splits an ETL SQL file into its statements. The Glue job's Python parser (etl/glue-job/etl_sql.py)
 * implements the same rules; a test proves both return the same statements for the same file.
 */
export function parseEtlSql(text: string): EtlStatement[] {
  const statements: EtlStatement[] = [];
  let current: { name: string; materialize: boolean; lines: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const sql = current.lines.join('\n').trim().replace(/;$/, '').trim();
    if (sql === '') throw new Error(`ETL SQL statement "${current.name}" is empty`);
    statements.push({ name: current.name, sql, materialize: current.materialize });
  };
  for (const line of text.split('\n')) {
    if (line.startsWith(STATEMENT_MARKER)) {
      finish();
      const label = line.slice(STATEMENT_MARKER.length).trim();
      const materialize = label.endsWith(MATERIALIZE_FLAG);
      const name = materialize ? label.slice(0, -MATERIALIZE_FLAG.length) : label;
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad statement name "${name}" in the ETL SQL`);
      current = { name, materialize, lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  finish();
  if (statements.length === 0) throw new Error('the ETL SQL has no statements');
  return statements;
}
