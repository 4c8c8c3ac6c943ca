import { LOGICAL_TYPES } from '@spotify-lake/contract';
import {
  type ControlModel,
  DATE_PATTERNS,
  type DashboardModel,
  type DatasetModel,
  type FieldModel,
  NUMERIC_TYPES,
  VISUAL_KINDS,
  type VisualModel,
  visualFields,
} from './dashboard-model';
import { assertParameterName, assertQuickSightId, QUICKSIGHT_LIMITS } from './quicksight-limits';

/** How the datasets are read: imported into SPICE, or queried on Athena each time a visual loads. */
export type ImportMode = 'SPICE' | 'DIRECT_QUERY';

/** A model that breaks a rule; `problems` lists every one, each naming where it is. */
export class DashboardModelError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`dashboard model: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'DashboardModelError';
  }
}

const PARAMETER_REF = /<<\$([a-zA-Z0-9]+)>>/g;

/** Collects problems instead of stopping at the first, so one run shows everything to fix. */
class Problems {
  readonly list: string[] = [];
  add(problem: string): void {
    this.list.push(problem);
  }
  /** Runs a check that throws, recording its message. */
  check(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.add((error as Error).message);
    }
  }
}

function checkUnique(problems: Problems, ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.add(`${what} id "${id}" is used twice; ids must be unique in the dashboard`);
    seen.add(id);
  }
}

function checkDataset(problems: Problems, dataset: DatasetModel, controls: Map<string, ControlModel>): void {
  const where = `dataset "${dataset.id}"`;
  problems.check(() => assertQuickSightId(dataset.id, `dataset id`));
  if (typeof dataset.name !== 'string' || dataset.name.length === 0) {
    problems.add(`${where}: name is required`);
  } else if (dataset.name.length > QUICKSIGHT_LIMITS.datasetNameMaxLength) {
    problems.add(`${where}: name is longer than ${QUICKSIGHT_LIMITS.datasetNameMaxLength} characters`);
  }
  if (typeof dataset.sql !== 'string' || dataset.sql.trim() === '') {
    problems.add(`${where}: sql is required`);
    return;
  }
  if (dataset.sql.length > QUICKSIGHT_LIMITS.sqlMaxLength) {
    problems.add(`${where}: sql is longer than QuickSight's ${QUICKSIGHT_LIMITS.sqlMaxLength} characters`);
  }
  if (dataset.sql.includes('?')) {
    problems.add(
      `${where}: sql contains '?'; QuickSight custom SQL takes dataset parameters as <<$name>>, not placeholders`,
    );
  }
  if (dataset.columns.length === 0) problems.add(`${where}: declare at least one column`);
  checkUnique(
    problems,
    dataset.columns.map((c) => c.name),
    `${where}: column`,
  );
  for (const column of dataset.columns) {
    if (!LOGICAL_TYPES.includes(column.type)) {
      problems.add(
        `${where}: column "${column.name}" has type ${JSON.stringify(column.type)}; expected one of ${LOGICAL_TYPES.join(', ')}`,
      );
    }
  }
  const referenced = new Set([...dataset.sql.matchAll(PARAMETER_REF)].map((m) => m[1]!));
  for (const parameter of dataset.parameters) {
    const at = `${where}: parameter "${parameter.name}"`;
    problems.check(() => assertParameterName(parameter.name, `${where}: parameter name`));
    if (!referenced.has(parameter.name))
      problems.add(`${at} is not used in the sql as <<$${parameter.name}>>`);
    const control = controls.get(parameter.control);
    if (!control) {
      problems.add(`${at} follows control "${parameter.control}", which the dashboard does not declare`);
    } else if (control.type !== parameter.type) {
      problems.add(`${at} is ${parameter.type} but control "${control.id}" is ${control.type}`);
    }
  }
  const declared = new Set(dataset.parameters.map((p) => p.name));
  for (const name of referenced) {
    if (!declared.has(name))
      problems.add(`${where}: sql uses <<$${name}>>, which is not a declared parameter`);
  }
}

function checkControl(problems: Problems, control: ControlModel, datasets: Map<string, DatasetModel>): void {
  const where = `control "${control.id}"`;
  problems.check(() => assertQuickSightId(control.id, 'control id'));
  problems.check(() => assertParameterName(control.parameter, `${where}: parameter`));
  if (typeof control.title !== 'string' || control.title.trim() === '')
    problems.add(`${where}: title is required`);
  if (control.kind === 'slider') {
    const { min, max, step, defaultValue } = control;
    if (![min, max, step, defaultValue].every(Number.isSafeInteger) || min > max || step < 1) {
      problems.add(
        `${where}: min, max, step and defaultValue must be integers with min <= max and step >= 1`,
      );
    } else if (defaultValue < min || defaultValue > max) {
      problems.add(`${where}: defaultValue ${defaultValue} is outside ${min}..${max}`);
    }
  } else if (control.kind === 'dropdown') {
    const source = datasets.get(control.valuesFrom.dataset);
    if (!source) {
      problems.add(
        `${where}: valuesFrom names dataset "${control.valuesFrom.dataset}", which is not declared`,
      );
    } else if (!source.columns.some((c) => c.name === control.valuesFrom.column)) {
      problems.add(
        `${where}: valuesFrom column "${control.valuesFrom.column}" is not a column of dataset "${source.id}" (${source.columns.map((c) => c.name).join(', ')})`,
      );
    }
  } else {
    problems.add(
      `${where}: kind must be slider or dropdown; got ${JSON.stringify((control as { kind: unknown }).kind)}`,
    );
  }
}

function checkField(
  problems: Problems,
  where: string,
  field: FieldModel,
  dataset: DatasetModel,
  numeric: boolean,
) {
  const column = dataset.columns.find((c) => c.name === field.column);
  if (!column) {
    problems.add(
      `${where}: "${field.column}" is not a column of dataset "${dataset.id}" (${dataset.columns.map((c) => c.name).join(', ')})`,
    );
    return;
  }
  if (numeric && !NUMERIC_TYPES.includes(column.type)) {
    problems.add(`${where}: "${field.column}" is ${column.type}; this role needs a number`);
  }
  if (field.format?.kind === 'date') {
    if (column.type !== 'date')
      problems.add(`${where}: a date format on "${field.column}", which is ${column.type}`);
    if (!DATE_PATTERNS.includes(field.format.pattern)) {
      problems.add(
        `${where}: date pattern ${JSON.stringify(field.format.pattern)} is not one of ${DATE_PATTERNS.join(', ')}`,
      );
    }
  }
  if (field.format?.kind === 'number') {
    if (!NUMERIC_TYPES.includes(column.type)) {
      problems.add(`${where}: a number format on "${field.column}", which is ${column.type}`);
    }
    const { decimals } = field.format;
    if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)) {
      problems.add(`${where}: decimals must be an integer from 0 to 20; got ${decimals}`);
    }
  }
}

function checkVisual(problems: Problems, visual: VisualModel, datasets: Map<string, DatasetModel>): void {
  const where = `visual "${visual.id}"`;
  problems.check(() => assertQuickSightId(visual.id, 'visual id'));
  if (!VISUAL_KINDS.includes(visual.kind)) {
    problems.add(
      `${where}: kind must be one of ${VISUAL_KINDS.join(', ')}; got ${JSON.stringify(visual.kind)}`,
    );
    return;
  }
  if (typeof visual.title !== 'string' || visual.title.trim() === '')
    problems.add(`${where}: title is required`);
  else if (visual.title.length > QUICKSIGHT_LIMITS.titleMaxLength) {
    problems.add(`${where}: title is longer than ${QUICKSIGHT_LIMITS.titleMaxLength} characters`);
  }
  const { columnSpan, rowSpan } = visual.layout ?? {};
  if (!Number.isInteger(columnSpan) || columnSpan < 1 || columnSpan > QUICKSIGHT_LIMITS.gridColumns) {
    problems.add(
      `${where}: layout.columnSpan must be an integer from 1 to ${QUICKSIGHT_LIMITS.gridColumns}; got ${columnSpan}`,
    );
  }
  if (!Number.isInteger(rowSpan) || rowSpan < 1 || rowSpan > QUICKSIGHT_LIMITS.maxRowSpan) {
    problems.add(
      `${where}: layout.rowSpan must be an integer from 1 to ${QUICKSIGHT_LIMITS.maxRowSpan}; got ${rowSpan}`,
    );
  }
  const limit = 'limit' in visual ? visual.limit : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    problems.add(`${where}: limit must be a whole number of at least 1; got ${limit}`);
  }
  const dataset = datasets.get(visual.dataset);
  if (!dataset) {
    problems.add(`${where}: dataset "${visual.dataset}" is not declared`);
    return;
  }
  for (const { role, field, numeric } of visualFields(visual)) {
    checkField(problems, `${where} ${role}`, field, dataset, numeric);
  }
  if (
    visual.kind === 'table' &&
    visual.sort &&
    !visual.columns.some((c) => c.column === visual.sort!.column)
  ) {
    problems.add(`${where}: sorts by "${visual.sort.column}", which is not one of its columns`);
  }
}

/**
 * Checks a model against the rules of QuickSight and of the model itself: ids, limits (20 sheets, 50 visuals a
 * sheet, 50 datasets, grid spans 1-36 by 1-21), every field a column of its visual's dataset and numeric where a
 * measure is needed, every parameter bound to a declared control of its type. With `importMode: 'SPICE'` a
 * dataset whose SQL follows a control is refused: SPICE runs the SQL once per refresh, so a control could not
 * change it per viewer (QuickSight applies dataset parameters in custom SQL to direct queries only).
 * Throws a DashboardModelError listing every problem.
 */
export function validateDashboardModel(
  model: DashboardModel,
  options: { importMode?: ImportMode } = {},
): void {
  const problems = new Problems();
  if (typeof model !== 'object' || model === null)
    throw new DashboardModelError(['the model must be an object']);
  problems.check(() => assertQuickSightId(model.id, 'dashboard id'));
  if (typeof model.title !== 'string' || model.title.trim() === '')
    problems.add('dashboard title is required');
  const datasets = new Map(model.datasets.map((d) => [d.id, d]));
  const controls = new Map(model.controls.map((c) => [c.id, c]));
  checkUnique(
    problems,
    model.datasets.map((d) => d.id),
    'dataset',
  );
  checkUnique(
    problems,
    model.controls.map((c) => c.id),
    'control',
  );
  checkUnique(
    problems,
    model.controls.map((c) => c.parameter),
    'control parameter',
  );
  checkUnique(
    problems,
    model.sheets.map((s) => s.id),
    'sheet',
  );
  const visuals = model.sheets.flatMap((s) => s.visuals);
  // QuickSight identifies sheets, visuals and controls in one namespace of element ids.
  checkUnique(
    problems,
    [...visuals.map((v) => v.id), ...model.controls.map((c) => c.id)],
    'visual or control',
  );
  if (model.datasets.length > QUICKSIGHT_LIMITS.maxDatasets) {
    problems.add(
      `${model.datasets.length} datasets; a QuickSight definition takes at most ${QUICKSIGHT_LIMITS.maxDatasets}`,
    );
  }
  if (model.sheets.length === 0 || model.sheets.length > QUICKSIGHT_LIMITS.maxSheets) {
    problems.add(`a dashboard has 1 to ${QUICKSIGHT_LIMITS.maxSheets} sheets; got ${model.sheets.length}`);
  }
  for (const dataset of model.datasets) checkDataset(problems, dataset, controls);
  for (const control of model.controls) checkControl(problems, control, datasets);
  for (const sheet of model.sheets) {
    const where = `sheet "${sheet.id}"`;
    problems.check(() => assertQuickSightId(sheet.id, 'sheet id'));
    if (sheet.visuals.length === 0 || sheet.visuals.length > QUICKSIGHT_LIMITS.maxVisualsPerSheet) {
      problems.add(
        `${where} has ${sheet.visuals.length} visuals; a sheet holds 1 to ${QUICKSIGHT_LIMITS.maxVisualsPerSheet}`,
      );
    }
    for (const id of sheet.controls) {
      if (!controls.has(id)) problems.add(`${where} shows control "${id}", which is not declared`);
    }
    for (const visual of sheet.visuals) checkVisual(problems, visual, datasets);
  }
  if (options.importMode === 'SPICE') {
    for (const dataset of model.datasets.filter((d) => d.parameters.length > 0)) {
      problems.add(
        `dataset "${dataset.id}" follows control(s) ${dataset.parameters.map((p) => `"${p.control}"`).join(', ')} in its SQL, which SPICE cannot express (the SQL runs once per refresh, not per viewer); use importMode DIRECT_QUERY or fix those parameters`,
      );
    }
  }
  if (problems.list.length > 0) throw new DashboardModelError(problems.list);
}
