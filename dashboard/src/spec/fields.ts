import type { FieldFormat } from '@spotify-lake/bi';

/** A column of a query's row type. */
export type Field<Row> = Extract<keyof Row, string>;

/** A column whose values are numbers (int, bigint, double): what a measure or an axis of numbers needs. */
export type NumericField<Row> = {
  [K in keyof Row]-?: NonNullable<Row[K]> extends number | bigint ? K : never;
}[keyof Row] &
  string;

/** A column whose values are text (strings and ISO dates). */
export type StringField<Row> = {
  [K in keyof Row]-?: NonNullable<Row[K]> extends string ? K : never;
}[keyof Row] &
  string;

/** A column, or a column with the label and format it is shown with. */
export type FieldSpec<F extends string> =
  | F
  | { readonly field: F; readonly label?: string; readonly format?: FieldFormat };

/** The column, label and format of a field spec. */
export function fieldParts(spec: FieldSpec<string>): {
  column: string;
  label?: string;
  format?: FieldFormat;
} {
  if (typeof spec === 'string') return { column: spec };
  return {
    column: spec.field,
    ...(spec.label === undefined ? {} : { label: spec.label }),
    ...(spec.format === undefined ? {} : { format: spec.format }),
  };
}

/** Number formats, named for what they show. */
export const formats = {
  /** 1,234,567 */
  integer: { kind: 'number', decimals: 0, thousands: true },
  /** 1.2M */
  compact: { kind: 'number', compact: true },
  /** 61.3 */
  oneDecimal: { kind: 'number', decimals: 1, thousands: true },
  /** 2023 */
  year: { kind: 'number', decimals: 0, thousands: false },
} as const satisfies Record<string, FieldFormat>;
