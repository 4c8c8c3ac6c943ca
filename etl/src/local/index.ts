export { FAULT_POINTS, type FaultPoint } from '../lake/fault-points';
export { LakeFolderError } from '../lake/lake-errors';
export { EtlInputError, type EtlInputErrorLocation } from './errors';
export { ETL_SQL_PATH } from './etl-sql-file';
export type {
  EtlManifest,
  OutputSummary,
  QuarantineSummary,
  ReasonCounts,
  SourceSummary,
  StepTiming,
} from './manifest';
export type { EtlProgress, EtlProgressListener } from './progress';
export {
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_MEMORY_LIMIT,
  DEFAULT_THREADS,
  isMemoryLimit,
  type RunEtlOptions,
  runEtl,
} from './run-etl';
