import type { LogicalType } from '@spotify-lake/contract';

/**
 * The dashboard model: plain data that says what a dashboard shows, independent of QuickSight's definition
 * format and of any query library. The compiler turns it into a QuickSight definition; a local renderer can draw
 * the same visuals from it. Every name here is checked by `validateDashboardModel` with a message naming it.
 */

/** A result column of a dataset, typed with the data contract's logical types. */
export interface ModelColumn {
  readonly name: string;
  readonly type: LogicalType;
}

/** Types a dashboard parameter can have: the value types of the two control kinds (slider, drop-down). */
export type ParameterValueType = 'integer' | 'string';

/**
 * A parameter of a dataset's SQL, written `<<$name>>` in `sql` (QuickSight's dataset parameter syntax). It takes
 * the value of the control `control`; `defaultValue` is what the SQL sees before anyone touches the control.
 */
export interface DatasetParameterModel {
  /** Letters and digits only (QuickSight's rule for parameter names). */
  readonly name: string;
  readonly type: ParameterValueType;
  readonly defaultValue: number | string;
  /** Id of the control whose value this parameter follows. */
  readonly control: string;
}

/** One dataset: Athena SQL (Trino) and its typed result columns. */
export interface DatasetModel {
  /** Unique in the dashboard; `^[\w-]+$`. The deployed dataset id is `<dashboard id>-<id>`. */
  readonly id: string;
  /** Display name in QuickSight (1-128 characters). */
  readonly name: string;
  /** One SELECT statement, parameters written `<<$name>>`, no `?` placeholders. */
  readonly sql: string;
  readonly columns: readonly ModelColumn[];
  readonly parameters: readonly DatasetParameterModel[];
}

/** A control of the dashboard: a parameter that viewers change, shown as a slider or a drop-down. */
export type ControlModel = SliderControlModel | DropdownControlModel;

interface ControlCommon {
  /** Unique in the dashboard; `^[\w-]+$`. */
  readonly id: string;
  /** QuickSight parameter name: letters and digits only. */
  readonly parameter: string;
  readonly title: string;
}

export interface SliderControlModel extends ControlCommon {
  readonly kind: 'slider';
  readonly type: 'integer';
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export interface DropdownControlModel extends ControlCommon {
  readonly kind: 'dropdown';
  readonly type: 'string';
  readonly defaultValue: string;
  /** Where the choices come from: a column of a dataset of the dashboard. */
  readonly valuesFrom: { readonly dataset: string; readonly column: string };
  /** Label of the default value in the local page's drop-down (QuickSight shows its own "select all"). */
  readonly defaultLabel: string;
}

/** Number formats, the subset both QuickSight and the local page can show identically. */
export interface NumberFormat {
  readonly kind: 'number';
  /** Digits after the decimal point. */
  readonly decimals?: number;
  /** Thousands separators. */
  readonly thousands?: boolean;
  /** Short scale suffixes (1.2M) instead of every digit. */
  readonly compact?: boolean;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** Date formats; dates travel as `YYYY-MM-DD`. */
export interface DateFormat {
  readonly kind: 'date';
  readonly pattern: DatePattern;
}
export const DATE_PATTERNS = ['YYYY', 'YYYY-MM', 'YYYY-MM-DD', 'MMM YYYY'] as const;
export type DatePattern = (typeof DATE_PATTERNS)[number];

export type FieldFormat = NumberFormat | DateFormat;

/** A column of the visual's dataset, with the label and format it is shown with. */
export interface FieldModel {
  readonly column: string;
  /** Axis or header label; the column name when absent. */
  readonly label?: string;
  readonly format?: FieldFormat;
}

export type SortDirection = 'asc' | 'desc';

/** Grid cell of a visual: QuickSight's grid has 36 columns; a visual spans 1-36 columns and 1-21 rows. */
export interface VisualLayout {
  readonly columnSpan: number;
  readonly rowSpan: number;
}

interface VisualCommon {
  /** Unique in the dashboard; `^[\w-]+$`. */
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  /** Id of the dataset the visual reads. */
  readonly dataset: string;
  readonly layout: VisualLayout;
}

/** Bars, one per category value; `horizontal` puts categories on the vertical axis. */
export interface BarVisualModel extends VisualCommon {
  readonly kind: 'bar';
  readonly orientation: 'vertical' | 'horizontal';
  readonly category: FieldModel;
  readonly value: FieldModel;
  readonly sort?: { readonly by: 'category' | 'value'; readonly direction: SortDirection };
  /** Most bars shown. */
  readonly limit?: number;
}

/** One line per value field over an ordered x axis. */
export interface LineVisualModel extends VisualCommon {
  readonly kind: 'line';
  readonly x: FieldModel;
  readonly values: readonly FieldModel[];
}

/** Pie or donut slices, one per category value. */
export interface PieVisualModel extends VisualCommon {
  readonly kind: 'pie';
  readonly donut: boolean;
  readonly category: FieldModel;
  readonly value: FieldModel;
  readonly limit?: number;
}

/**
 * A histogram of buckets computed by the dataset's SQL (`binStart`..`binEnd`, `count`). QuickSight's own
 * HistogramVisual bins raw rows itself, which would make its buckets differ from the SQL's; it is compiled to
 * adjacent bars over the SQL's buckets instead, so both outputs show the same buckets.
 */
export interface HistogramVisualModel extends VisualCommon {
  readonly kind: 'histogram';
  readonly binStart: FieldModel;
  readonly binEnd: FieldModel;
  readonly count: FieldModel;
}

/** One number, large. */
export interface KpiVisualModel extends VisualCommon {
  readonly kind: 'kpi';
  readonly value: FieldModel;
}

/** Rows of the dataset as they come, in columns. */
export interface TableVisualModel extends VisualCommon {
  readonly kind: 'table';
  readonly columns: readonly FieldModel[];
  readonly sort?: { readonly column: string; readonly direction: SortDirection };
  readonly limit?: number;
}

export type VisualModel =
  | BarVisualModel
  | LineVisualModel
  | PieVisualModel
  | HistogramVisualModel
  | KpiVisualModel
  | TableVisualModel;
export type VisualKind = VisualModel['kind'];
export const VISUAL_KINDS: readonly VisualKind[] = ['bar', 'line', 'pie', 'histogram', 'kpi', 'table'];

export interface SheetModel {
  /** Unique in the dashboard; `^[\w-]+$`. */
  readonly id: string;
  readonly title: string;
  /** Visuals in reading order: the grid is filled left to right, then top to bottom. */
  readonly visuals: readonly VisualModel[];
  /** Ids of the controls shown on this sheet. */
  readonly controls: readonly string[];
}

export interface DashboardModel {
  /** `^[\w-]+$`; the component derives the analysis and dashboard ids from its own name, not from this. */
  readonly id: string;
  readonly title: string;
  readonly datasets: readonly DatasetModel[];
  readonly controls: readonly ControlModel[];
  readonly sheets: readonly SheetModel[];
}

/** The fields of a visual with their role, for validation and for renderers that treat them alike. */
export function visualFields(visual: VisualModel): { role: string; field: FieldModel; numeric: boolean }[] {
  switch (visual.kind) {
    case 'bar':
    case 'pie':
      return [
        { role: 'category', field: visual.category, numeric: false },
        { role: 'value', field: visual.value, numeric: true },
      ];
    case 'line':
      return [
        { role: 'x', field: visual.x, numeric: false },
        ...visual.values.map((field, i) => ({ role: `values[${i}]`, field, numeric: true })),
      ];
    case 'histogram':
      return [
        { role: 'binStart', field: visual.binStart, numeric: true },
        { role: 'binEnd', field: visual.binEnd, numeric: true },
        { role: 'count', field: visual.count, numeric: true },
      ];
    case 'kpi':
      return [{ role: 'value', field: visual.value, numeric: true }];
    case 'table':
      return visual.columns.map((field, i) => ({ role: `columns[${i}]`, field, numeric: false }));
  }
}

/** The label a field is shown with. */
export const fieldLabel = (field: FieldModel): string => field.label ?? field.column;

export const NUMERIC_TYPES: readonly LogicalType[] = ['int', 'bigint', 'double'];
