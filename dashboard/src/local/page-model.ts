import {
  type DashboardModel,
  type FieldModel,
  type GridPlacement,
  placeOnGrid,
  type SortDirection,
  type VisualKind,
} from '@spotify-lake/bi';
import { type VegaLiteSpec, vegaLiteSpec } from './vega-lite-specs';

/** A row as JSON: bigints become numbers when exact, else text. */
export type JsonRow = Record<string, string | number | null>;

export interface PageControl {
  readonly id: string;
  readonly title: string;
  readonly kind: 'slider' | 'dropdown';
  readonly value: number | string;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

export interface PageVisual {
  readonly id: string;
  readonly kind: VisualKind;
  readonly title: string;
  readonly subtitle?: string;
  readonly dataset: string;
  readonly grid: GridPlacement;
  /** Charts: the Vega-Lite spec. */
  readonly spec?: VegaLiteSpec;
  /** KPIs and tables: the fields shown. */
  readonly fields?: readonly FieldModel[];
  readonly sort?: { readonly column: string; readonly direction: SortDirection };
  readonly limit?: number;
}

export interface PageSheet {
  readonly id: string;
  readonly title: string;
  readonly controls: readonly string[];
  readonly visuals: readonly PageVisual[];
}

/** Everything the page's script draws, embedded in the page as JSON. */
export interface PageModel {
  readonly title: string;
  /** `static`: a file with the data as of `generatedAt`; `live`: served, controls re-run the queries. */
  readonly mode: 'static' | 'live';
  readonly generatedAt: string;
  readonly lake: string;
  readonly controls: readonly PageControl[];
  readonly sheets: readonly PageSheet[];
  /** Rows by dataset id. */
  readonly data: Readonly<Record<string, readonly JsonRow[]>>;
}

/** The distinct non-empty values of a column, sorted: a drop-down's choices. */
export function choicesOf(rows: readonly JsonRow[], column: string): string[] {
  const values = new Set<string>();
  for (const row of rows) {
    const value = row[column];
    if (typeof value === 'string' && value !== '') values.add(value);
  }
  return [...values].sort((a, b) => a.localeCompare(b));
}

/**
 * The page of a dashboard model: each sheet's visuals at their places on the same 36-column grid as QuickSight,
 * charts as Vega-Lite specs, KPIs and tables as fields, and the controls with their current values.
 */
export function buildPageModel(options: {
  model: DashboardModel;
  data: Readonly<Record<string, readonly JsonRow[]>>;
  controlValues: Readonly<Record<string, number | string>>;
  mode: 'static' | 'live';
  lake: string;
  generatedAt?: Date;
}): PageModel {
  const { model, data, controlValues } = options;
  const datasets = new Map(model.datasets.map((d) => [d.id, d]));
  return {
    title: model.title,
    mode: options.mode,
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    lake: options.lake,
    controls: model.controls.map((control) => {
      const value = controlValues[control.id] ?? control.defaultValue;
      if (control.kind === 'slider') {
        const { id, title, kind, min, max, step } = control;
        return { id, title, kind, value, min, max, step };
      }
      const choices = choicesOf(data[control.valuesFrom.dataset] ?? [], control.valuesFrom.column);
      return {
        id: control.id,
        title: control.title,
        kind: control.kind,
        value,
        options: [
          { value: control.defaultValue, label: control.defaultLabel },
          ...choices.filter((c) => c !== control.defaultValue).map((c) => ({ value: c, label: c })),
        ],
      };
    }),
    sheets: model.sheets.map((sheet) => {
      const placements = new Map(placeOnGrid(sheet.visuals).map((p) => [p.id, p]));
      return {
        id: sheet.id,
        title: sheet.title,
        controls: sheet.controls,
        visuals: sheet.visuals.map((visual) => {
          const spec = vegaLiteSpec(visual, datasets.get(visual.dataset)!);
          return {
            id: visual.id,
            kind: visual.kind,
            title: visual.title,
            ...(visual.subtitle ? { subtitle: visual.subtitle } : {}),
            dataset: visual.dataset,
            grid: placements.get(visual.id)!,
            ...(spec ? { spec } : {}),
            ...(visual.kind === 'kpi' ? { fields: [visual.value] } : {}),
            ...(visual.kind === 'table'
              ? {
                  fields: visual.columns,
                  ...(visual.sort ? { sort: visual.sort } : {}),
                  ...(visual.limit === undefined ? {} : { limit: visual.limit }),
                }
              : {}),
          };
        }),
      };
    }),
    data,
  };
}
