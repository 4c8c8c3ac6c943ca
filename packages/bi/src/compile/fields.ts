import type { LogicalType } from '@spotify-lake/contract';
import type { DatasetModel, FieldFormat, FieldModel, NumberFormat } from '../model/dashboard-model';

/** JSON as aws-native takes it: camelCase property names, QuickSight's enum strings. */
export type Json = { [key: string]: unknown };

/** The field id of a column in a visual: unique in the visual, stable across compilations. */
export const fieldId = (visualId: string, column: string): string => `${visualId}.${column}`;

export function columnType(dataset: DatasetModel, column: string): LogicalType {
  const found = dataset.columns.find((c) => c.name === column);
  if (!found) throw new Error(`dataset "${dataset.id}" has no column "${column}"`);
  return found.type;
}

/** QuickSight's numeric display settings for a number format. */
export function numberDisplay(format: NumberFormat): Json {
  return {
    ...(format.prefix ? { prefix: format.prefix } : {}),
    ...(format.suffix ? { suffix: format.suffix } : {}),
    ...(format.decimals === undefined
      ? {}
      : { decimalPlacesConfiguration: { decimalPlaces: format.decimals } }),
    numberScale: format.compact ? 'AUTO' : 'NONE',
    separatorConfiguration: {
      decimalSeparator: 'DOT',
      thousandsSeparator: { symbol: 'COMMA', visibility: format.thousands === false ? 'HIDDEN' : 'VISIBLE' },
    },
  };
}

/** NumberFormatConfiguration of a numeric field, when the field has a number format. */
function numberFormatConfiguration(format: FieldFormat | undefined): Json | undefined {
  if (format?.kind !== 'number') return undefined;
  return { formatConfiguration: { numberDisplayFormatConfiguration: numberDisplay(format) } };
}

function dateFormatConfiguration(format: FieldFormat | undefined): Json | undefined {
  if (format?.kind !== 'date') return undefined;
  return { dateTimeFormat: format.pattern };
}

const withFormat = (base: Json, format: Json | undefined): Json =>
  format === undefined ? base : { ...base, formatConfiguration: format };

/**
 * A dimension (what a chart groups by), typed from the column: text is categorical, numbers numerical, dates
 * date dimensions, as QuickSight requires.
 */
export function dimensionField(
  visualId: string,
  datasetId: string,
  dataset: DatasetModel,
  field: FieldModel,
): Json {
  const base = {
    fieldId: fieldId(visualId, field.column),
    column: { dataSetIdentifier: datasetId, columnName: field.column },
  };
  const type = columnType(dataset, field.column);
  if (type === 'string') return { categoricalDimensionField: base };
  if (type === 'date') return { dateDimensionField: withFormat(base, dateFormatConfiguration(field.format)) };
  return { numericalDimensionField: withFormat(base, numberFormatConfiguration(field.format)) };
}

/**
 * A measure. The datasets' SQL already aggregates to one row per category, so SUM over a category is the value
 * the SQL computed.
 */
export function measureField(visualId: string, datasetId: string, field: FieldModel): Json {
  return {
    numericalMeasureField: withFormat(
      {
        fieldId: fieldId(visualId, field.column),
        column: { dataSetIdentifier: datasetId, columnName: field.column },
        aggregationFunction: { simpleNumericalAggregation: 'SUM' },
      },
      numberFormatConfiguration(field.format),
    ),
  };
}

/** A table cell as the rows come (no aggregation), with its format. */
export function unaggregatedField(visualId: string, datasetId: string, field: FieldModel): Json {
  const format =
    field.format?.kind === 'date'
      ? { dateTimeFormatConfiguration: dateFormatConfiguration(field.format) }
      : field.format?.kind === 'number'
        ? { numberFormatConfiguration: numberFormatConfiguration(field.format) }
        : undefined;
  return withFormat(
    {
      fieldId: fieldId(visualId, field.column),
      column: { dataSetIdentifier: datasetId, columnName: field.column },
    },
    format,
  );
}

/** An axis title naming the field it applies to. */
export function axisLabel(visualId: string, datasetId: string, field: FieldModel): Json {
  return {
    axisLabelOptions: [
      {
        customLabel: field.label ?? field.column,
        applyTo: {
          fieldId: fieldId(visualId, field.column),
          column: { dataSetIdentifier: datasetId, columnName: field.column },
        },
      },
    ],
  };
}
