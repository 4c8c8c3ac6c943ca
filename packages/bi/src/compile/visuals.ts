import type {
  BarVisualModel,
  DatasetModel,
  FieldModel,
  HistogramVisualModel,
  KpiVisualModel,
  LineVisualModel,
  PieVisualModel,
  SortDirection,
  TableVisualModel,
  VisualModel,
} from '../model/dashboard-model';
import { axisLabel, dimensionField, fieldId, type Json, measureField, unaggregatedField } from './fields';

const direction = (d: SortDirection) => (d === 'asc' ? 'ASC' : 'DESC');
const text = (plainText: string): Json => ({ visibility: 'VISIBLE', formatText: { plainText } });

function labels(visual: VisualModel): Json {
  return {
    visualId: visual.id,
    title: text(visual.title),
    ...(visual.subtitle ? { subtitle: text(visual.subtitle) } : {}),
  };
}

const itemsLimit = (limit: number | undefined): Json =>
  limit === undefined ? {} : { categoryItemsLimit: { itemsLimit: limit, otherCategories: 'EXCLUDE' } };

/** A bar chart of one measure by one category, sorted by `sortBy` and limited to `limit` bars. */
function bars(
  visual: VisualModel,
  dataset: DatasetModel,
  parts: {
    category: FieldModel;
    value: FieldModel;
    orientation: 'HORIZONTAL' | 'VERTICAL';
    sortBy: FieldModel;
    sortDirection: SortDirection;
    limit: number | undefined;
  },
): Json {
  return {
    barChartVisual: {
      ...labels(visual),
      chartConfiguration: {
        fieldWells: {
          barChartAggregatedFieldWells: {
            category: [dimensionField(visual.id, dataset.id, dataset, parts.category)],
            values: [measureField(visual.id, dataset.id, parts.value)],
          },
        },
        orientation: parts.orientation,
        barsArrangement: 'CLUSTERED',
        sortConfiguration: {
          categorySort: [
            {
              fieldSort: {
                fieldId: fieldId(visual.id, parts.sortBy.column),
                direction: direction(parts.sortDirection),
              },
            },
          ],
          ...itemsLimit(parts.limit),
        },
        categoryLabelOptions: axisLabel(visual.id, dataset.id, parts.category),
        valueLabelOptions: axisLabel(visual.id, dataset.id, parts.value),
        legend: { visibility: 'HIDDEN' },
      },
    },
  };
}

function barChart(visual: BarVisualModel, dataset: DatasetModel): Json {
  const sort = visual.sort ?? { by: 'value', direction: 'desc' };
  return bars(visual, dataset, {
    category: visual.category,
    value: visual.value,
    orientation: visual.orientation === 'horizontal' ? 'HORIZONTAL' : 'VERTICAL',
    sortBy: sort.by === 'category' ? visual.category : visual.value,
    sortDirection: sort.direction,
    limit: visual.limit,
  });
}

/** The SQL's buckets as adjacent bars in bucket order (see HistogramVisualModel for why not HistogramVisual). */
function histogram(visual: HistogramVisualModel, dataset: DatasetModel): Json {
  return bars(visual, dataset, {
    category: visual.binStart,
    value: visual.count,
    orientation: 'VERTICAL',
    sortBy: visual.binStart,
    sortDirection: 'asc',
    limit: undefined,
  });
}

function lineChart(visual: LineVisualModel, dataset: DatasetModel): Json {
  return {
    lineChartVisual: {
      ...labels(visual),
      chartConfiguration: {
        fieldWells: {
          lineChartAggregatedFieldWells: {
            category: [dimensionField(visual.id, dataset.id, dataset, visual.x)],
            values: visual.values.map((field) => measureField(visual.id, dataset.id, field)),
          },
        },
        type: 'LINE',
        sortConfiguration: {
          categorySort: [{ fieldSort: { fieldId: fieldId(visual.id, visual.x.column), direction: 'ASC' } }],
        },
        xAxisLabelOptions: axisLabel(visual.id, dataset.id, visual.x),
        // One axis title for every line: the legend names each.
        primaryYAxisLabelOptions: {
          axisLabelOptions: [{ customLabel: visual.values.map((f) => f.label ?? f.column).join(', ') }],
        },
        legend: { visibility: visual.values.length > 1 ? 'VISIBLE' : 'HIDDEN' },
      },
    },
  };
}

function pieChart(visual: PieVisualModel, dataset: DatasetModel): Json {
  return {
    pieChartVisual: {
      ...labels(visual),
      chartConfiguration: {
        fieldWells: {
          pieChartAggregatedFieldWells: {
            category: [dimensionField(visual.id, dataset.id, dataset, visual.category)],
            values: [measureField(visual.id, dataset.id, visual.value)],
          },
        },
        sortConfiguration: {
          categorySort: [
            { fieldSort: { fieldId: fieldId(visual.id, visual.value.column), direction: 'DESC' } },
          ],
          ...itemsLimit(visual.limit),
        },
        donutOptions: { arcOptions: { arcThickness: visual.donut ? 'MEDIUM' : 'WHOLE' } },
        categoryLabelOptions: axisLabel(visual.id, dataset.id, visual.category),
        valueLabelOptions: axisLabel(visual.id, dataset.id, visual.value),
        legend: { visibility: 'VISIBLE' },
      },
    },
  };
}

function kpi(visual: KpiVisualModel, dataset: DatasetModel): Json {
  return {
    kpiVisual: {
      ...labels(visual),
      chartConfiguration: { fieldWells: { values: [measureField(visual.id, dataset.id, visual.value)] } },
    },
  };
}

function table(visual: TableVisualModel, dataset: DatasetModel): Json {
  return {
    tableVisual: {
      ...labels(visual),
      chartConfiguration: {
        fieldWells: {
          tableUnaggregatedFieldWells: {
            values: visual.columns.map((field) => unaggregatedField(visual.id, dataset.id, field)),
          },
        },
        fieldOptions: {
          selectedFieldOptions: visual.columns.map((field) => ({
            fieldId: fieldId(visual.id, field.column),
            customLabel: field.label ?? field.column,
          })),
        },
        sortConfiguration: {
          ...(visual.sort
            ? {
                rowSort: [
                  {
                    fieldSort: {
                      fieldId: fieldId(visual.id, visual.sort.column),
                      direction: direction(visual.sort.direction),
                    },
                  },
                ],
              }
            : {}),
          ...(visual.limit === undefined
            ? {}
            : { paginationConfiguration: { pageSize: visual.limit, pageNumber: 1 } }),
        },
      },
    },
  };
}

/** One QuickSight visual (`{ barChartVisual: ... }`, `{ kpiVisual: ... }`, ...) from a model visual. */
export function compileVisual(visual: VisualModel, dataset: DatasetModel): Json {
  switch (visual.kind) {
    case 'bar':
      return barChart(visual, dataset);
    case 'histogram':
      return histogram(visual, dataset);
    case 'line':
      return lineChart(visual, dataset);
    case 'pie':
      return pieChart(visual, dataset);
    case 'kpi':
      return kpi(visual, dataset);
    case 'table':
      return table(visual, dataset);
  }
}
