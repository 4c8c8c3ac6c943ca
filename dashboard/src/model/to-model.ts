import type { ControlModel, DashboardModel, DatasetModel, VisualModel } from '@spotify-lake/bi';
import { renderSql, type Sql, TRINO } from '@spotify-lake/queries';
import type { AnyControl } from '../spec/controls';
import type { DashboardSpec } from '../spec/dashboard-spec';
import { collectDatasets, type DatasetSource, datasetParams } from './dataset-sources';

/** The Glue database (and optionally table and catalog) the datasets' Athena SQL reads. */
export interface AthenaTarget {
  readonly database: string;
  readonly warehouseTable?: string;
  readonly catalog?: string;
}

/** `from-year` / `from_year` -> `fromYear`: QuickSight parameter names are letters and digits. */
export const parameterName = (id: string): string =>
  id.replace(/[-_]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/[^a-zA-Z0-9]/g, '');

type SqlPart = Sql['parts'][number];

/**
 * The query's Trino SQL with each parameter replaced: a parameter that follows a control becomes the dataset
 * parameter `<<$name>>`; any other becomes the Athena literal of its fixed (or default) value, exactly as the
 * Athena runner would send it in ExecutionParameters.
 */
function datasetSql(source: DatasetSource, target: AthenaTarget): string {
  const { query } = source;
  const values = datasetParams(source);
  const athena = query.forAthena(target, values as never);
  const order = renderSql(query.body, TRINO, target).parameterOrder;
  const literals = new Map(order.map((name, i) => [name, athena.executionParameters![i]!]));
  const replace = (sql: Sql): Sql => ({ kind: 'sql', parts: sql.parts.map(replacePart) });
  const replacePart = (part: SqlPart): SqlPart => {
    if (typeof part === 'string' || part.kind === 'table') return part;
    if (part.kind === 'param') {
      const control = source.controls[part.name];
      return control ? `<<$${parameterName(part.name)}>>` : literals.get(part.name)!;
    }
    return { ...part, args: part.args.map(replace) };
  };
  return renderSql(replace(query.body), TRINO, target).text;
}

function datasetModel(source: DatasetSource, target: AthenaTarget): DatasetModel {
  return {
    id: source.id,
    name: source.id.slice(0, 128),
    sql: datasetSql(source, target),
    columns: source.query.columns.map((c) => ({ name: c.name, type: c.type })),
    parameters: Object.entries(source.controls).map(([name, control]) => ({
      name: parameterName(name),
      type: control.kind === 'slider' ? ('integer' as const) : ('string' as const),
      defaultValue: control.defaultValue,
      control: control.id,
    })),
  };
}

function controlModel(control: AnyControl, choices: DatasetSource | undefined): ControlModel {
  const common = { id: control.id, parameter: parameterName(control.id), title: control.title };
  if (control.kind === 'slider') {
    const { min, max, step, defaultValue } = control;
    return { ...common, kind: 'slider', type: 'integer', defaultValue, min, max, step };
  }
  return {
    ...common,
    kind: 'dropdown',
    type: 'string',
    defaultValue: control.defaultValue,
    defaultLabel: control.defaultLabel,
    valuesFrom: { dataset: choices!.id, column: control.choices.field },
  };
}

export interface ToModelOptions {
  /**
   * Fix every control at its default and leave the controls out: what SPICE can hold, since a SPICE dataset runs
   * its SQL once per refresh and no control could change it. Default false.
   */
  readonly fixControls?: boolean;
}

/**
 * The dashboard model of a spec, for `LakeDashboard` of @spotify-lake/bi: one dataset per distinct query binding
 * (Athena SQL from the queries package's Trino rendering), the controls, and the sheets with their visuals. The
 * local renderer draws the same model, so both outputs show the same visuals.
 */
export function toModel(
  spec: DashboardSpec,
  target: AthenaTarget,
  options: ToModelOptions = {},
): DashboardModel {
  const { sources, visualDataset, choicesDataset } = collectDatasets(spec, options);
  const controls = new Map<string, AnyControl>();
  for (const source of sources)
    for (const control of Object.values(source.controls)) controls.set(control.id, control);
  // Without controls (fixControls), the sheets show none either.
  if (!options.fixControls) {
    for (const sheet of spec.sheets)
      for (const control of sheet.controls ?? []) controls.set(control.id, control);
  }
  return {
    id: spec.id,
    title: spec.title,
    datasets: sources.map((s) => datasetModel(s, target)),
    controls: [...controls.values()].map((c) => controlModel(c, choicesDataset.get(c.id))),
    sheets: spec.sheets.map((sheet) => ({
      id: sheet.id,
      title: sheet.title,
      controls: options.fixControls ? [] : (sheet.controls ?? []).map((c) => c.id),
      visuals: sheet.visuals.map(
        (v) => ({ ...v.visual, dataset: visualDataset.get(v.visual.id)!.id }) as VisualModel,
      ),
    })),
  };
}
