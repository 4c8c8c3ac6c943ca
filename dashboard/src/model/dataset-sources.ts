import type { AnyQuery } from '@spotify-lake/queries';
import { type AnyControl, isControl } from '../spec/controls';
import { type DashboardSpec, specControls } from '../spec/dashboard-spec';

/**
 * A dataset of the dashboard: one query with its parameters bound. Visuals that ask the same query with the same
 * bindings share a dataset, so QuickSight and the local page each run it once.
 */
export interface DatasetSource {
  readonly id: string;
  readonly query: AnyQuery;
  /** Parameters given a fixed value (the others take the query's default or follow a control). */
  readonly fixed: Readonly<Record<string, unknown>>;
  /** Parameters that follow a control: parameter name to control. */
  readonly controls: Readonly<Record<string, AnyControl>>;
}

/** A stable text of a binding, for grouping (bigints as text). */
const bindingKey = (query: AnyQuery, fixed: Record<string, unknown>, controls: Record<string, AnyControl>) =>
  JSON.stringify([
    query.name,
    Object.entries(fixed)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, typeof v === 'bigint' ? `${v}n` : v]),
    Object.entries(controls)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, c]) => [k, c.id]),
  ]);

/**
 * Collects the datasets of a spec: one per distinct (query, bindings) of its visuals and of its drop-downs'
 * choices, in order of first use. Ids are the query's name, `-2`, `-3`... when a query is bound twice apart.
 */
export class DatasetCollector {
  private readonly byKey = new Map<string, DatasetSource>();
  private readonly perQuery = new Map<string, number>();

  /** `fixControls`: bind every control's parameters to the control's default instead (see toModel). */
  constructor(private readonly fixControls = false) {}

  add(query: AnyQuery, params: Readonly<Record<string, unknown>>): DatasetSource {
    const fixed: Record<string, unknown> = {};
    const controls: Record<string, AnyControl> = {};
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      if (!Object.hasOwn(query.params, name)) {
        throw new Error(
          `query "${query.name}" has no parameter "${name}" (its parameters: ${Object.keys(query.params).join(', ') || 'none'})`,
        );
      }
      if (isControl(value) && !this.fixControls) controls[name] = value;
      else fixed[name] = isControl(value) ? value.defaultValue : value;
    }
    const key = bindingKey(query, fixed, controls);
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const count = (this.perQuery.get(query.name) ?? 0) + 1;
    this.perQuery.set(query.name, count);
    const source: DatasetSource = {
      id: count === 1 ? query.name : `${query.name}-${count}`,
      query,
      fixed,
      controls,
    };
    this.byKey.set(key, source);
    return source;
  }

  get sources(): DatasetSource[] {
    return [...this.byKey.values()];
  }
}

/** The datasets of a spec and, for each visual (by id) and each drop-down (by control id), its dataset. */
export function collectDatasets(
  spec: DashboardSpec,
  options: { fixControls?: boolean } = {},
): {
  sources: DatasetSource[];
  visualDataset: Map<string, DatasetSource>;
  choicesDataset: Map<string, DatasetSource>;
} {
  const collector = new DatasetCollector(options.fixControls);
  const visualDataset = new Map<string, DatasetSource>();
  for (const sheet of spec.sheets) {
    for (const visual of sheet.visuals) {
      const where = `dashboard "${spec.id}", visual "${visual.visual.id}"`;
      try {
        visualDataset.set(visual.visual.id, collector.add(visual.query, visual.params));
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
    }
  }
  const choicesDataset = new Map<string, DatasetSource>();
  for (const control of options.fixControls ? [] : specControls(spec)) {
    if (control.kind === 'dropdown')
      choicesDataset.set(control.id, collector.add(control.choices.query, control.choices.params));
  }
  return { sources: collector.sources, visualDataset, choicesDataset };
}

/** The values a dataset's query runs with: its fixed ones and the controls' current (or default) values. */
export function datasetParams(
  source: DatasetSource,
  controlValues: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const params: Record<string, unknown> = { ...source.fixed };
  for (const [name, control] of Object.entries(source.controls)) {
    params[name] = controlValues[control.id] ?? control.defaultValue;
  }
  return params;
}
