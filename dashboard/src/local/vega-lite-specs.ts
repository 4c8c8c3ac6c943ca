import type { DatasetModel, FieldModel, SortDirection, VisualModel } from '@spotify-lake/bi';
import { fieldLabel } from '@spotify-lake/bi';
import { d3NumberFormat, d3TimeFormat } from './value-format';

/** A Vega-Lite spec, as JSON: compiled and drawn by the page's bundled Vega (SVG renderer). */
export type VegaLiteSpec = Record<string, unknown>;

/** Name of the data set every spec reads; the page inserts the dataset's rows under it. */
export const ROWS = 'rows';

/** Spotify green, and a palette for series and slices. */
const COLOR = '#1db954';

const order = (direction: SortDirection) => (direction === 'asc' ? 'ascending' : 'descending');

function typeOf(dataset: DatasetModel, column: string) {
  return dataset.columns.find((c) => c.name === column)?.type ?? 'string';
}

/**
 * An encoding channel of a field: its Vega-Lite type from the contract's type and its role (a measure is
 * quantitative; a category of text is nominal, of numbers ordinal; a continuous axis of numbers quantitative),
 * its title (the field's label) and its axis format.
 */
function channel(
  dataset: DatasetModel,
  field: FieldModel,
  role: 'measure' | 'category' | 'continuous',
): { field: string; type: string; title: string; axis: Record<string, unknown> } {
  const type = typeOf(dataset, field.column);
  const vegaType =
    type === 'date'
      ? 'temporal'
      : type === 'string'
        ? 'nominal'
        : role === 'category'
          ? 'ordinal'
          : 'quantitative';
  const format = d3NumberFormat(field.format) ?? d3TimeFormat(field.format);
  return {
    field: field.column,
    type: vegaType,
    title: fieldLabel(field),
    axis: { labelLimit: 160, ...(format ? { format } : {}) },
  };
}

function tooltip(dataset: DatasetModel, fields: FieldModel[]) {
  return fields.map((f) => {
    const format = d3NumberFormat(f.format) ?? d3TimeFormat(f.format);
    const type = typeOf(dataset, f.column);
    return {
      field: f.column,
      title: fieldLabel(f),
      type: type === 'date' ? 'temporal' : type === 'string' ? 'nominal' : 'quantitative',
      ...(format ? { format } : {}),
    };
  });
}

/** The first `limit` rows in `direction` order of `field`, as Vega-Lite transforms. */
function topRows(
  field: string,
  direction: SortDirection,
  limit: number | undefined,
): Record<string, unknown>[] {
  if (limit === undefined) return [];
  return [
    { window: [{ op: 'row_number', as: '__rank' }], sort: [{ field, order: order(direction) }] },
    { filter: `datum.__rank <= ${limit}` },
  ];
}

const base = (extra: Record<string, unknown>): VegaLiteSpec => ({
  data: { name: ROWS },
  width: 'container',
  height: 'container',
  autosize: { type: 'fit', contains: 'padding' },
  config: {
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12 },
    legend: { labelFontSize: 11 },
  },
  ...extra,
});

/**
 * The Vega-Lite spec of a chart visual; `undefined` for KPIs and tables, which the page draws as HTML. Titles are
 * drawn by the page above each chart; axis titles are the fields' labels.
 */
export function vegaLiteSpec(visual: VisualModel, dataset: DatasetModel): VegaLiteSpec | undefined {
  switch (visual.kind) {
    case 'bar': {
      const sort = visual.sort ?? { by: 'value', direction: 'desc' };
      const sortField = sort.by === 'value' ? visual.value.column : visual.category.column;
      const category = {
        ...channel(dataset, visual.category, 'category'),
        sort: { field: sortField, order: order(sort.direction) },
      };
      const value = channel(dataset, visual.value, 'measure');
      const horizontal = visual.orientation === 'horizontal';
      return base({
        transform: topRows(sortField, sort.direction, visual.limit),
        mark: { type: 'bar', color: COLOR },
        encoding: {
          x: horizontal ? value : { ...category, axis: { ...category.axis, labelAngle: -40 } },
          y: horizontal ? category : value,
          tooltip: tooltip(dataset, [visual.category, visual.value]),
        },
      });
    }
    case 'histogram':
      return base({
        mark: { type: 'bar', color: COLOR },
        encoding: {
          x: { ...channel(dataset, visual.binStart, 'measure'), bin: { binned: true } },
          x2: { field: visual.binEnd.column },
          y: channel(dataset, visual.count, 'measure'),
          tooltip: tooltip(dataset, [visual.binStart, visual.binEnd, visual.count]),
        },
      });
    case 'line': {
      const labels = Object.fromEntries(visual.values.map((f) => [f.column, fieldLabel(f)]));
      return base({
        transform: [
          { fold: visual.values.map((f) => f.column), as: ['__column', '__value'] },
          { calculate: `${JSON.stringify(labels)}[datum.__column]`, as: '__series' },
        ],
        mark: { type: 'line', point: true },
        encoding: {
          x: { ...channel(dataset, visual.x, 'continuous'), sort: 'ascending' },
          y: {
            field: '__value',
            type: 'quantitative',
            title: visual.values.map(fieldLabel).join(', '),
            ...(d3NumberFormat(visual.values[0]?.format)
              ? { axis: { format: d3NumberFormat(visual.values[0]?.format) } }
              : {}),
          },
          color: {
            field: '__series',
            type: 'nominal',
            title: null,
            legend: { orient: 'top' },
            scale: { range: [COLOR, '#535353', '#b3b3b3', '#509bf5'] },
          },
          tooltip: [
            ...tooltip(dataset, [visual.x]),
            { field: '__series', title: 'Series' },
            { field: '__value', title: 'Value', type: 'quantitative' },
          ],
        },
      });
    }
    case 'pie':
      return base({
        transform: topRows(visual.value.column, 'desc', visual.limit),
        mark: { type: 'arc', innerRadius: visual.donut ? 45 : 0, stroke: '#fff' },
        encoding: {
          theta: { field: visual.value.column, type: 'quantitative', stack: true },
          color: {
            field: visual.category.column,
            type: 'nominal',
            title: fieldLabel(visual.category),
            sort: { field: visual.value.column, order: 'descending' },
            legend: { labelLimit: 160 },
          },
          order: { field: visual.value.column, sort: 'descending' },
          tooltip: tooltip(dataset, [visual.category, visual.value]),
        },
      });
    case 'kpi':
    case 'table':
      return undefined;
  }
}
