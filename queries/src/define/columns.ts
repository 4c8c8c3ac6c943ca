import type { LogicalType, TsTypeOf, WAREHOUSE_COLUMNS, WarehouseColumnName } from '@spotify-lake/contract';
import { warehouseColumn } from '@spotify-lake/contract';

/**
 * A result column: a warehouse column reused by name (its type and nullability come from the contract), or an
 * aggregate declared with a logical type of the contract.
 */
export interface ResultColumn {
  readonly name: string;
  readonly type: LogicalType;
  readonly nullable: boolean;
  readonly description: string;
}

type ContractColumn<N extends WarehouseColumnName> = Extract<(typeof WAREHOUSE_COLUMNS)[number], { name: N }>;
type NotNull<C> = Omit<C, 'nullable'> & { readonly nullable: false };

/**
 * The warehouse column `name`, as the contract declares it. `{ notNull: true }` narrows a nullable column when
 * the query filters its NULLs out; the runners then refuse a NULL in it instead of passing it on.
 */
export function column<N extends WarehouseColumnName>(name: N): ContractColumn<N>;
export function column<N extends WarehouseColumnName>(
  name: N,
  options: { notNull: true },
): NotNull<ContractColumn<N>>;
export function column<N extends WarehouseColumnName>(name: N, options?: { notNull: true }): ResultColumn {
  const contract = warehouseColumn(name);
  return options?.notNull ? { ...contract, nullable: false } : contract;
}

/** A computed column of logical type `type`, never NULL. */
export function aggregate<const N extends string, const T extends LogicalType>(
  name: N,
  type: T,
  description: string,
): { readonly name: N; readonly type: T; readonly nullable: false; readonly description: string } {
  return { name, type, nullable: false, description };
}

/** A computed column that may be NULL (an average over no rows, a MIN of NULLs). */
export function nullableAggregate<const N extends string, const T extends LogicalType>(
  name: N,
  type: T,
  description: string,
): { readonly name: N; readonly type: T; readonly nullable: true; readonly description: string } {
  return { name, type, nullable: true, description };
}

type Simplify<T> = { [K in keyof T]: T[K] };
type ValueOf<C extends ResultColumn> = C['nullable'] extends false
  ? TsTypeOf<C['type']>
  : TsTypeOf<C['type']> | null;

/** The row type of a list of result columns. */
export type RowOf<C extends readonly ResultColumn[]> = Simplify<{
  -readonly [K in C[number] as K['name']]: ValueOf<K>;
}>;
