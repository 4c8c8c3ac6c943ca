export { DERIVED_FILE_FAULT_POINTS, FAULT_POINTS, type FaultPoint, faultPoint } from '../lake/fault-points';
export { LakeFolderError } from '../lake/lake-errors';
/**
 * Reading a CSV file's header (`readCsvHeader`) and matching it to a source's contract fields by name
 * (`matchHeader`): which file column holds which field, which are ignored, and the EtlInputError the ETL would
 * give. Public so that a caller can check a file before a run, and read a file's columns as the ETL maps them
 * (the benchmark's baselines, in tools/bench).
 */
export { readCsvHeader } from './csv-header';
export { DataQualityError, DEFAULT_DATA_QUALITY_FAILURE } from './data-quality';
/**
 * How the ETL opens DuckDB (threads, memory limit, spill folder, insertion order, allocator flushing). Public so
 * that a baseline measured against the ETL runs in the same engine settings (the benchmark).
 */
export { type DuckDbSession, type DuckDbSettings, openDuckDb } from './duckdb-session';
/**
 * The DuckDB session settings the ETL SQL is written for (with the contract's DUCKDB_SHIMS). Public so that
 * anything running statements of `sql/etl.sql` on DuckDB runs them as the ETL does (the benchmark's checked join).
 */
export { DUCKDB_SETTINGS } from './duckdb-settings';
export { EtlInputError, type EtlInputErrorLocation } from './errors';
export { ETL_SQL_PATH } from './etl-sql-file';
/** See readCsvHeader. */
export { type HeaderMatch, matchHeader } from './header-match';
export type {
  EtlManifest,
  OutputSummary,
  QuarantineSummary,
  ReasonCounts,
  SourceSummary,
  StepTiming,
} from './manifest';
export type { EtlProgress, EtlProgressListener } from './progress';
/**
 * How the ETL reads a CSV file with DuckDB: a fixed RFC 4180 dialect and a 4 MiB read buffer. Public so that
 * whatever reads the same files to compare with the ETL, or to look at staging, reads them as the ETL does
 * (the benchmark's baselines).
 */
export { CSV_READER_OPTIONS } from './raw-source';
export {
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_MEMORY_LIMIT,
  DEFAULT_SPARK_MEMORY_LIMIT,
  DEFAULT_THREADS,
  ETL_ENGINES,
  type EtlEngine,
  isMemoryLimit,
  type LakeFileWriter,
  type RunEtlOptions,
  runEtl,
} from './run-etl';
