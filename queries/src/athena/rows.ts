import type { ColumnInfo, Datum, Row } from '@aws-sdk/client-athena';
import { PHYSICAL_TYPES } from '@spotify-lake/contract';
import type { ResultColumn } from '../define/columns';
import { ColumnDriftError, ResultValueError } from '../runner/errors';
import { type AthenaConverter, athenaConverter } from './values';

/** Turns GetQueryResults rows into typed row objects of a query, after checking the returned columns. */
export type RowDecoder = (rows: readonly Row[], firstRowNumber: number) => Record<string, unknown>[];

const describe = (name: string | undefined, type: string | undefined) => `${name ?? '?'} ${type ?? '?'}`;

export function athenaRowDecoder(
  query: string,
  declared: readonly ResultColumn[],
  returned: readonly ColumnInfo[],
): RowDecoder {
  const expected = declared.map((c) => describe(c.name, PHYSICAL_TYPES[c.type].athena));
  const actual = returned.map((c) => describe(c.Name, c.Type?.toLowerCase()));
  if (expected.length !== actual.length || expected.some((e, i) => e !== actual[i])) {
    throw new ColumnDriftError(query, expected, actual);
  }
  const names = declared.map((c) => c.name);
  const converters: AthenaConverter[] = returned.map((c) => athenaConverter(c));
  const build = rowBuilder(declared);
  const width = names.length;
  // Converting a whole page in one tight loop; a bad value is then found again, slowly, to name row and column.
  return (rows, firstRowNumber) => {
    const out: Record<string, unknown>[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const data = rows[r]!.Data;
      if (!data || data.length !== width) {
        throw new ResultValueError(
          query,
          names[0]!,
          firstRowNumber + r,
          `expected ${width} values, got ${data?.length ?? 0}`,
        );
      }
      let row: Record<string, unknown> | undefined;
      try {
        row = build(data, converters);
      } catch {
        row = undefined;
      }
      if (!row) explainBadRow(query, declared, converters, data, firstRowNumber + r);
      out[r] = row!;
    }
    return out;
  };
}

type RowBuild = (
  data: readonly Datum[],
  converters: readonly AthenaConverter[],
) => Record<string, unknown> | undefined;

/**
 * A row constructor specialised for the declared columns: one object literal (a stable shape V8 optimises) and
 * an inline NULL check per non-nullable column. Column names are checked snake_case identifiers (defineQuery),
 * so generating the literal from them is safe.
 */
function rowBuilder(declared: readonly ResultColumn[]): RowBuild {
  for (const c of declared)
    if (!/^[a-z_][a-z0-9_]*$/.test(c.name)) throw new Error(`column name "${c.name}" is not an identifier`);
  const lines = declared.map(
    (c, i) =>
      `const v${i} = converters[${i}](data[${i}].VarCharValue);${c.nullable ? '' : ` if (v${i} === null) return undefined;`}`,
  );
  const literal = declared.map((c, i) => `${c.name}: v${i}`).join(', ');
  return new Function('data', 'converters', `${lines.join('\n')}\nreturn { ${literal} };`) as RowBuild;
}

function explainBadRow(
  query: string,
  declared: readonly ResultColumn[],
  converters: readonly AthenaConverter[],
  data: readonly Datum[],
  row: number,
): never {
  for (const [c, column] of declared.entries()) {
    let value: unknown;
    try {
      value = converters[c]!(data[c]!.VarCharValue);
    } catch (error) {
      throw new ResultValueError(query, column.name, row, (error as Error).message);
    }
    if (value === null && !column.nullable)
      throw new ResultValueError(query, column.name, row, 'NULL in a column declared not null');
  }
  throw new ResultValueError(query, declared[0]!.name, row, 'unreadable row');
}
