import type { LogicalType } from '@spotify-lake/contract';
import type { DatasetModel, DatasetParameterModel } from '../model/dashboard-model';
import type { ImportMode } from '../model/validate-model';
import type { Json } from './fields';

/** QuickSight's input column type of each logical type of the contract. */
export const QUICKSIGHT_COLUMN_TYPES: {
  readonly [T in LogicalType]: 'STRING' | 'INTEGER' | 'DECIMAL' | 'DATETIME';
} = {
  string: 'STRING',
  int: 'INTEGER',
  bigint: 'INTEGER',
  double: 'DECIMAL',
  date: 'DATETIME',
};

/** Key of the one physical table of a dataset (its custom SQL). */
export const PHYSICAL_TABLE_KEY = 'query';

function datasetParameter(parameter: DatasetParameterModel): Json {
  const common = {
    // Ids are unique per dataset; the name already is, and matches the id rule ([a-zA-Z0-9-]).
    id: parameter.name,
    name: parameter.name,
    valueType: 'SINGLE_VALUED',
    defaultValues: { staticValues: [parameter.defaultValue] },
  };
  return parameter.type === 'integer'
    ? { integerDatasetParameter: common }
    : { stringDatasetParameter: common };
}

/**
 * The parts of an `aws-native.quicksight.DataSet` that come from the model: its custom SQL on the data source,
 * columns typed from the contract, and one dataset parameter per `<<$name>>` of the SQL.
 */
export function compileDataSet(
  dataset: DatasetModel,
  options: { dataSourceArn: string; importMode: ImportMode },
): Json {
  return {
    name: dataset.name,
    importMode: options.importMode,
    physicalTableMap: {
      [PHYSICAL_TABLE_KEY]: {
        customSql: {
          dataSourceArn: options.dataSourceArn,
          name: dataset.id.slice(0, 128),
          sqlQuery: dataset.sql,
          columns: dataset.columns.map((c) => ({ name: c.name, type: QUICKSIGHT_COLUMN_TYPES[c.type] })),
        },
      },
    },
    ...(dataset.parameters.length > 0 ? { datasetParameters: dataset.parameters.map(datasetParameter) } : {}),
  };
}
