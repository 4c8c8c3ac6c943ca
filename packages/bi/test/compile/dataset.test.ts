import { describe, expect, it } from 'vitest';
import { compileDataSet, QUICKSIGHT_COLUMN_TYPES } from '../../src/compile/dataset';
import { cfnViolations, SCHEMAS_MISSING } from '../support/cfn-schema';
import { sampleModel } from '../support/sample-model';

const dataSourceArn = 'arn:aws:quicksight:eu-west-1:123456789012:datasource/sample-athena';
const dataset = (id: string) => sampleModel().datasets.find((d) => d.id === id)!;

describe('compileDataSet', () => {
  it('is the custom SQL on the data source with columns typed from the contract', () => {
    expect(compileDataSet(dataset('summary'), { dataSourceArn, importMode: 'SPICE' })).toEqual({
      name: 'Summary',
      importMode: 'SPICE',
      physicalTableMap: {
        query: {
          customSql: {
            dataSourceArn,
            name: 'summary',
            sqlQuery: dataset('summary').sql,
            columns: [
              { name: 'track_count', type: 'INTEGER' },
              { name: 'first_release_date', type: 'DATETIME' },
            ],
          },
        },
      },
    });
    expect(QUICKSIGHT_COLUMN_TYPES).toEqual({
      string: 'STRING',
      int: 'INTEGER',
      bigint: 'INTEGER',
      double: 'DECIMAL',
      date: 'DATETIME',
    });
  });

  it('declares the dataset parameters of the SQL with their defaults', () => {
    const compiled = compileDataSet(dataset('releases'), { dataSourceArn, importMode: 'DIRECT_QUERY' });
    expect(compiled.datasetParameters).toEqual([
      {
        integerDatasetParameter: {
          id: 'fromYear',
          name: 'fromYear',
          valueType: 'SINGLE_VALUED',
          defaultValues: { staticValues: [1000] },
        },
      },
    ]);
    expect(
      compileDataSet(dataset('top-artists'), { dataSourceArn, importMode: 'DIRECT_QUERY' }).datasetParameters,
    ).toEqual([
      {
        stringDatasetParameter: {
          id: 'genre',
          name: 'genre',
          valueType: 'SINGLE_VALUED',
          defaultValues: { staticValues: [''] },
        },
      },
    ]);
  });

  it.skipIf(SCHEMAS_MISSING)('validates against the AWS::QuickSight::DataSet schema', () => {
    for (const d of sampleModel().datasets) {
      const compiled = compileDataSet(d, { dataSourceArn, importMode: 'DIRECT_QUERY' });
      expect(
        cfnViolations('aws-quicksight-dataset.json', {
          awsAccountId: '123456789012',
          dataSetId: `sample-${d.id}`,
          ...compiled,
        }),
        d.id,
      ).toEqual([]);
    }
  });
});
