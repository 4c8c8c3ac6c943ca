import { describe, expect, it } from 'vitest';
import { OPEN_CSV_FORMAT, PARQUET_FORMAT } from '../../src/glue/storage-formats';

describe('storage formats', () => {
  it('reads CSV with OpenCSVSerde: comma, double quote, backslash escape, header skipped', () => {
    expect(OPEN_CSV_FORMAT).toEqual({
      classification: 'csv',
      serializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
      serdeParameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
      inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
      outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
      tableParameters: { 'skip.header.line.count': '1' },
    });
  });

  it('reads Parquet with the Hive Parquet SerDe and formats', () => {
    expect(PARQUET_FORMAT.classification).toBe('parquet');
    expect(PARQUET_FORMAT.serializationLibrary).toBe(
      'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    );
    expect(PARQUET_FORMAT.inputFormat).toBe('org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat');
    expect(PARQUET_FORMAT.outputFormat).toBe(
      'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
    );
    expect(PARQUET_FORMAT.tableParameters).toEqual({});
  });
});
