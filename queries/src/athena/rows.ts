import type { ColumnInfo, Row } from '@aws-sdk/client-athena';
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
  const notNull = declared.map((c) => !c.nullable);
  const width = names.length;
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
      const row: Record<string, unknown> = {};
      for (let c = 0; c < width; c++) {
        const text = data[c]!.VarCharValue;
        let value: unknown;
        try {
          value = converters[c]!(text);
        } catch (error) {
          throw new ResultValueError(query, names[c]!, firstRowNumber + r, (error as Error).message);
        }
        if (value === null && notNull[c])
          throw new ResultValueError(
            query,
            names[c]!,
            firstRowNumber + r,
            'NULL in a column declared not null',
          );
        row[names[c]!] = value;
      }
      out[r] = row;
    }
    return out;
  };
}
