import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEtlSql, renderEtlSql } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { python } from '../glue-job/python';

const ETL_SQL_FILE = join(__dirname, '..', '..', 'sql', 'etl.sql');

/** What the TypeScript parser (the local runner's) makes of a text: statements or the error. */
function typescriptParse(text: string) {
  try {
    return {
      statements: parseEtlSql(text).map((s) => ({
        name: s.name,
        sql: s.sql,
        materialize: s.materialize,
      })),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The same through the Glue job's parser (etl/glue-job/etl_sql.py). */
function pythonParse(texts: string[]) {
  const result = python([join(__dirname, 'parse_etl_sql.py')], { input: JSON.stringify(texts) });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ReturnType<typeof typescriptParse>[];
}

const TRICKY = [
  '-- statement: a\nSELECT 1\n;\n',
  '-- statement: a\r\nSELECT 1\r\n;\r\n-- statement: b\r\nSELECT 2;\r\n',
  '-- preamble\n-- statement:  spaced_name  \nSELECT 1;;\n',
  "-- statement: a\nSELECT '-- statement: not_a_marker' AS x\n;",
  '-- statement: a\n  -- statement: indented lines are not markers\nSELECT 1\n',
  '\ufeff-- statement: bom_first\nSELECT 1\n',
  '-- statement: a\n\u00a0SELECT 1\u00a0\n;\u3000\n',
  '-- statement: a\n\u001fSELECT 1\u001f\n',
  '-- statement: a\nSELECT 1\n;\n-- statement: b\n\n;\n',
  '-- statement: Upper\nSELECT 1',
  '-- statement: 9lives\nSELECT 1',
  '-- statement: a\nSELECT 1\n-- statement: \nSELECT 2',
  'SELECT 1;',
  '',
  '-- statement: naïve\nSELECT 1',
  '-- statement: a\nSELECT 1 -- trailing ;\n',
  '-- statement: a\nSELECT 1\n;\n-- statement: a\nSELECT 2\n;\n',
  '-- statement: a (materialize)\nSELECT 1\n;\n-- statement: b  (materialize) \nSELECT 2\n',
  '-- statement: a (materialize) (materialize)\nSELECT 1',
  '-- statement: (materialize)\nSELECT 1',
  '-- statement: a(materialize)\nSELECT 1',
];

describe('etl/sql/etl.sql', () => {
  it('is the ETL SQL generated from the contract', () => {
    const current = readFileSync(ETL_SQL_FILE, 'utf8');
    expect(
      current === renderEtlSql(),
      'etl/sql/etl.sql is stale: run `pnpm --filter @spotify-lake/etl generate:sql` after changing the contract',
    ).toBe(true);
  }, 60_000);

  it('splits into the same statements in the Glue job (Python) and the local runner (TypeScript)', () => {
    const text = readFileSync(ETL_SQL_FILE, 'utf8');
    const [fromPython] = pythonParse([text]);
    const fromTypescript = typescriptParse(text);
    expect(fromTypescript.statements?.length).toBeGreaterThan(5);
    expect(fromPython).toEqual(fromTypescript);
  }, 60_000);

  it('gives the same statements or the same error for tricky inputs in both parsers', () => {
    const fromPython = pythonParse(TRICKY);
    TRICKY.forEach((text, i) => {
      expect(fromPython[i], JSON.stringify(text)).toEqual(typescriptParse(text));
    });
    // The inputs cover both outcomes.
    expect(fromPython.filter((r) => r.error).length).toBeGreaterThan(3);
    expect(fromPython.filter((r) => r.statements).length).toBeGreaterThan(6);
  }, 60_000);
});
