import {
  DuckDBDateValue,
  type DuckDBPreparedStatement,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { LogicalType } from '@spotify-lake/contract';
import type { BoundValue } from '../define/bound-value';

/**
 * DuckDB result types accepted for each logical type. Trino and DuckDB type some expressions differently
 * (DuckDB's SUM of INTEGER is HUGEINT, its quantile_disc of an INTEGER stays INTEGER where Trino's is BIGINT),
 * so a wider contract integer accepts a narrower or 128-bit DuckDB integer; the value is range-checked.
 */
const ACCEPTED: { readonly [T in LogicalType]: ReadonlySet<DuckDBTypeId> } = {
  string: new Set([DuckDBTypeId.VARCHAR]),
  int: new Set([
    DuckDBTypeId.TINYINT,
    DuckDBTypeId.SMALLINT,
    DuckDBTypeId.INTEGER,
    DuckDBTypeId.UTINYINT,
    DuckDBTypeId.USMALLINT,
  ]),
  bigint: new Set([
    DuckDBTypeId.TINYINT,
    DuckDBTypeId.SMALLINT,
    DuckDBTypeId.INTEGER,
    DuckDBTypeId.BIGINT,
    DuckDBTypeId.HUGEINT,
    DuckDBTypeId.UTINYINT,
    DuckDBTypeId.USMALLINT,
    DuckDBTypeId.UINTEGER,
  ]),
  double: new Set([DuckDBTypeId.DOUBLE, DuckDBTypeId.FLOAT]),
  date: new Set([DuckDBTypeId.DATE]),
};

export function acceptsDuckDbType(type: LogicalType, typeId: DuckDBTypeId): boolean {
  return ACCEPTED[type].has(typeId);
}

const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** Converts a DuckDB value to the contract's TypeScript type, or throws a message. */
export function fromDuckDb(type: LogicalType, value: DuckDBValue): string | number | bigint | null {
  if (value === null) return null;
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'int':
    case 'double':
      if (typeof value === 'number') return value;
      break;
    case 'bigint':
      if (typeof value === 'number') return BigInt(value);
      if (typeof value === 'bigint') {
        if (value < INT64.min || value > INT64.max) throw new Error(`${value} does not fit a 64-bit bigint`);
        return value;
      }
      break;
    case 'date':
      if (value instanceof DuckDBDateValue) return value.toString();
      break;
  }
  throw new Error(`cannot read ${String(value)} as ${type}`);
}

/** Binds a checked parameter natively: no value is ever written into the SQL text. */
export function bindDuckDb(statement: DuckDBPreparedStatement, index: number, bound: BoundValue): void {
  switch (bound.type) {
    case 'integer':
      statement.bindInteger(index, bound.value);
      return;
    case 'bigint':
      statement.bindBigInt(index, bound.value);
      return;
    case 'varchar':
      statement.bindVarchar(index, bound.value);
      return;
    case 'date': {
      const [year, month, day] = bound.value.split('-').map(Number) as [number, number, number];
      statement.bindDate(index, DuckDBDateValue.fromParts({ year, month, day }));
      return;
    }
  }
}
