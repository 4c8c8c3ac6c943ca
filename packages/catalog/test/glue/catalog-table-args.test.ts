import * as pulumi from '@pulumi/pulumi';
import { SOURCE_NAMES } from '@spotify-lake/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogTableArgs, s3Location } from '../../src/glue/catalog-table-args';
import {
  catalogTableDefinitions,
  stagingTableDefinition,
  warehouseTableDefinition,
} from '../../src/glue/table-definitions';
import { loadCfnSchema, validate } from '../support/cfn-schema';
import { catalogTableToCfn } from '../support/cfn-shapes';
import { MOCK_ENVIRONMENT, resolvedValue, setupPulumiMocks } from '../support/pulumi-mocks';

/** The args with every Output resolved, as the provider would receive them. */
async function resolvedArgs(definition = warehouseTableDefinition()): Promise<Record<string, unknown>> {
  const args = catalogTableArgs(definition, pulumi.output('lake_db'), 'lake-data');
  return (await resolvedValue(pulumi.output(args))) as unknown as Record<string, unknown>;
}

describe('catalogTableArgs', () => {
  beforeAll(async () => {
    await setupPulumiMocks();
  });

  it('points a table at its zone of the data bucket', async () => {
    expect(await resolvedValue(s3Location('lake-data', 'staging/albums/'))).toBe(
      's3://lake-data/staging/albums/',
    );
    const args = await resolvedArgs(stagingTableDefinition('tracks'));
    expect((args.storageDescriptor as { location: string }).location).toBe('s3://lake-data/staging/tracks/');
    expect(args.databaseName).toBe('lake_db');
  });

  it('makes a Parquet external table for the warehouse', async () => {
    const args = await resolvedArgs();
    expect(args).toMatchObject({
      name: 'datawarehouse',
      tableType: 'EXTERNAL_TABLE',
      parameters: { EXTERNAL: 'TRUE', classification: 'parquet' },
      storageDescriptor: {
        location: 's3://lake-data/datawarehouse/',
        inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
        serDeInfo: { serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
      },
    });
    expect(args.parameters).not.toHaveProperty('skip.header.line.count');
  });

  it('makes an OpenCSVSerde table that skips the header for staging', async () => {
    const args = await resolvedArgs(stagingTableDefinition('albums'));
    expect(args.parameters).toEqual({
      EXTERNAL: 'TRUE',
      classification: 'csv',
      'skip.header.line.count': '1',
    });
    expect(args.storageDescriptor).toMatchObject({
      inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
      outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
      serDeInfo: {
        serializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
        parameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
      },
    });
  });

  it('conforms to the CloudFormation AWS::Glue::Table schema, for every table', async () => {
    const schema = loadCfnSchema('aws-glue-table.json');
    for (const definition of catalogTableDefinitions()) {
      const cfn = catalogTableToCfn(await resolvedArgs(definition), MOCK_ENVIRONMENT.accountId);
      expect(validate(schema, cfn), definition.name).toEqual([]);
    }
    expect(catalogTableDefinitions()).toHaveLength(2 + SOURCE_NAMES.length);
  });

  it('is caught by the schema check when a shape is wrong', async () => {
    const schema = loadCfnSchema('aws-glue-table.json');
    const cfn = catalogTableToCfn(
      { ...(await resolvedArgs()), tableType: 'MANAGED' },
      MOCK_ENVIRONMENT.accountId,
    );
    expect(validate(schema, cfn)).toEqual([
      expect.stringContaining('$.TableInput.TableType: "MANAGED" not in'),
    ]);
  });
});
