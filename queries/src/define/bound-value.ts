import { dateLiteral, integerLiteral, stringLiteral } from '../sql/literal';

/**
 * A checked parameter value, typed for the engines: Athena receives it as a literal in ExecutionParameters,
 * DuckDB binds it natively. Only values of these shapes ever reach an engine.
 */
export type BoundValue =
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'bigint'; readonly value: bigint }
  | { readonly type: 'varchar'; readonly value: string }
  | { readonly type: 'date'; readonly value: string };

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

export function athenaLiteral(bound: BoundValue): string {
  switch (bound.type) {
    case 'integer':
      if (bound.value < INT32.min || bound.value > INT32.max)
        throw new RangeError(`${bound.value} is not a 32-bit integer`);
      return integerLiteral(bound.value);
    case 'bigint':
      // Trino types an integer literal beyond 32 bits as BIGINT and coerces smaller ones where a BIGINT is compared.
      return integerLiteral(bound.value);
    case 'varchar':
      return stringLiteral(bound.value);
    case 'date':
      return dateLiteral(bound.value);
  }
}
