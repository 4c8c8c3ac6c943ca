/**
 * How Glue and Athena read each zone. Plain Hive class names: Athena, Glue Spark and the crawler all understand them.
 */
export interface StorageFormat {
  /** Value of the table parameter `classification`, which Glue and the Athena console read. */
  readonly classification: 'parquet' | 'csv';
  readonly serializationLibrary: string;
  readonly serdeParameters: Readonly<Record<string, string>>;
  readonly inputFormat: string;
  readonly outputFormat: string;
  /** Extra table parameters. */
  readonly tableParameters: Readonly<Record<string, string>>;
}

export const PARQUET_FORMAT: StorageFormat = {
  classification: 'parquet',
  serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
  serdeParameters: { 'serialization.format': '1' },
  inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  tableParameters: {},
};

/**
 * OpenCSVSerde, because the staging files quote fields that hold commas (album and track names) and
 * LazySimpleSerDe does not understand quotes. It reads every column as a string, hence all-string staging tables,
 * and it returns an empty field as '' rather than NULL.
 */
export const OPEN_CSV_FORMAT: StorageFormat = {
  classification: 'csv',
  serializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
  serdeParameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
  inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
  // Every staging file starts with its header line.
  tableParameters: { 'skip.header.line.count': '1' },
};
