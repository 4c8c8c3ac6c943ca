export { DUCKDB_SHIMS } from './engine-shims';
export { etlStatements } from './etl-statements';
export { parseEtlSql, renderEtlSql } from './file-format';
export {
  checkedView,
  ETL_OUTPUTS,
  RAW_VIEW_COLUMNS,
  rawView,
  SOURCE_COUNTS_VIEW,
  typedValueColumn,
} from './names';
export { originalText } from './original-text';
export type { EtlStatement } from './statement';
export { cleanedText, renderedText, typedExpression } from './typed-values';
