import type { SortDirection, VisualLayout } from '@spotify-lake/bi';
import type { AnyQuery, QueryRow } from '@spotify-lake/queries';
import type { ParamBindings } from './controls';
import { type Field, type FieldSpec, fieldParts, type NumericField } from './fields';

/**
 * A visual of the spec: its query, how the query's parameters are bound (fixed values or controls), and the
 * model visual without its dataset (toModel assigns one). Built by the functions below, whose options are typed
 * from the query's row type: a field that is not a column of the query, or a text column where a number is
 * needed, is a compile error.
 */
export interface VisualSpec {
  readonly query: AnyQuery;
  readonly params: Readonly<Record<string, unknown>>;
  readonly visual: VisualBody;
}

type FieldParts = ReturnType<typeof fieldParts>;
/** The model visual's own fields (see VisualModel in @spotify-lake/bi), with plain field parts. */
type VisualBase = { id: string; title: string; subtitle?: string; layout: VisualLayout };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type VisualBody = VisualBase &
  (
    | {
        kind: 'bar';
        orientation: 'vertical' | 'horizontal';
        category: FieldParts;
        value: FieldParts;
        sort?: { by: 'category' | 'value'; direction: SortDirection };
        limit?: number;
      }
    | { kind: 'line'; x: FieldParts; values: FieldParts[] }
    | { kind: 'pie'; donut: boolean; category: FieldParts; value: FieldParts; limit?: number }
    | { kind: 'histogram'; binStart: FieldParts; binEnd: FieldParts; count: FieldParts }
    | { kind: 'kpi'; value: FieldParts }
    | {
        kind: 'table';
        columns: FieldParts[];
        sort?: { column: string; direction: SortDirection };
        limit?: number;
      }
  );

interface Common<Q extends AnyQuery> {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  /** Parameters of the query: fixed values, or controls that viewers change. Unset ones take their default. */
  readonly params?: ParamBindings<Q>;
  /** Grid cell: 1-36 columns by 1-21 rows. */
  readonly layout: { readonly columns: number; readonly rows: number };
}

/** A visual spec: the query, its bindings, and the model visual of `body` with the common options. */
function visualSpec<Q extends AnyQuery>(
  query: Q,
  options: Common<Q>,
  body: DistributiveOmit<VisualBody, keyof VisualBase>,
): VisualSpec {
  const base: VisualBase = {
    id: options.id,
    title: options.title,
    ...(options.subtitle === undefined ? {} : { subtitle: options.subtitle }),
    layout: { columnSpan: options.layout.columns, rowSpan: options.layout.rows },
  };
  return {
    query,
    params: (options.params ?? {}) as Record<string, unknown>,
    visual: { ...base, ...body } as VisualBody,
  };
}

export interface BarOptions<Q extends AnyQuery, R = QueryRow<Q>> extends Common<Q> {
  readonly category: FieldSpec<Field<R>>;
  readonly value: FieldSpec<NumericField<R>>;
  readonly sort?: { readonly by: 'category' | 'value'; readonly direction: SortDirection };
  readonly limit?: number;
}

function barSpec<Q extends AnyQuery>(
  query: Q,
  options: BarOptions<Q>,
  orientation: 'vertical' | 'horizontal',
): VisualSpec {
  return visualSpec(query, options, {
    kind: 'bar',
    orientation,
    category: fieldParts(options.category),
    value: fieldParts(options.value),
    ...(options.sort ? { sort: options.sort } : {}),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
}

/** Vertical bars, one per category value. */
export const barChart = <Q extends AnyQuery>(query: Q, options: BarOptions<Q>): VisualSpec =>
  barSpec(query, options, 'vertical');

/** Horizontal bars: long category labels (artist names) stay readable. */
export const horizontalBarChart = <Q extends AnyQuery>(query: Q, options: BarOptions<Q>): VisualSpec =>
  barSpec(query, options, 'horizontal');

export interface LineOptions<Q extends AnyQuery, R = QueryRow<Q>> extends Common<Q> {
  readonly x: FieldSpec<Field<R>>;
  readonly values: readonly FieldSpec<NumericField<R>>[];
}

/** One line per value over `x`, in `x` order. */
export function lineChart<Q extends AnyQuery>(query: Q, options: LineOptions<Q>): VisualSpec {
  return visualSpec(query, options, {
    kind: 'line',
    x: fieldParts(options.x),
    values: options.values.map(fieldParts),
  });
}

export interface PieOptions<Q extends AnyQuery, R = QueryRow<Q>> extends Common<Q> {
  readonly category: FieldSpec<Field<R>>;
  readonly value: FieldSpec<NumericField<R>>;
  readonly donut?: boolean;
  readonly limit?: number;
}

/** Slices, largest first; `donut: true` leaves the middle empty. */
export function pieChart<Q extends AnyQuery>(query: Q, options: PieOptions<Q>): VisualSpec {
  return visualSpec(query, options, {
    kind: 'pie',
    donut: options.donut ?? false,
    category: fieldParts(options.category),
    value: fieldParts(options.value),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
}

export interface HistogramOptions<Q extends AnyQuery, R = QueryRow<Q>> extends Common<Q> {
  readonly binStart: FieldSpec<NumericField<R>>;
  readonly binEnd: FieldSpec<NumericField<R>>;
  readonly count: FieldSpec<NumericField<R>>;
}

/** The buckets of a histogram query as adjacent bars. */
export function histogram<Q extends AnyQuery>(query: Q, options: HistogramOptions<Q>): VisualSpec {
  return visualSpec(query, options, {
    kind: 'histogram',
    binStart: fieldParts(options.binStart),
    binEnd: fieldParts(options.binEnd),
    count: fieldParts(options.count),
  });
}

export interface KpiOptions<Q extends AnyQuery, R = QueryRow<Q>> extends Common<Q> {
  readonly value: FieldSpec<NumericField<R>>;
}

/** One number: the value of the query's first row. */
export function kpi<Q extends AnyQuery>(query: Q, options: KpiOptions<Q>): VisualSpec {
  return visualSpec(query, options, { kind: 'kpi', value: fieldParts(options.value) });
}

export interface TableOptions<Q extends AnyQuery, R = QueryRow<Q>> extends Common<Q> {
  readonly columns: readonly FieldSpec<Field<R>>[];
  readonly sort?: { readonly column: Field<R>; readonly direction: SortDirection };
  readonly limit?: number;
}

/** The query's rows in columns. */
export function table<Q extends AnyQuery>(query: Q, options: TableOptions<Q>): VisualSpec {
  return visualSpec(query, options, {
    kind: 'table',
    columns: options.columns.map(fieldParts),
    ...(options.sort ? { sort: options.sort } : {}),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
}
