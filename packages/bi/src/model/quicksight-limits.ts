/**
 * QuickSight's rules for the parts of a definition this package writes, as the CloudFormation schemas of
 * AWS::QuickSight::Analysis / Dashboard / DataSet state them. Checked before anything is deployed, because the
 * service reports a broken definition only at creation, after minutes.
 */
export const QUICKSIGHT_LIMITS = {
  /** Sheet, visual, control, layout element, dashboard and dataset ids. */
  idPattern: /^[\w-]+$/,
  idMaxLength: 512,
  /** Parameter names (analysis and dataset parameters). */
  parameterNamePattern: /^[a-zA-Z0-9]+$/,
  maxSheets: 20,
  maxVisualsPerSheet: 50,
  /** DataSetIdentifierDeclarations of one definition. */
  maxDatasets: 50,
  gridColumns: 36,
  maxRowSpan: 21,
  /** CustomSql.Name. */
  datasetNameMaxLength: 128,
  /** CustomSql.SqlQuery. */
  sqlMaxLength: 168_000,
  /** Visual titles and subtitles (ShortFormatText.PlainText). */
  titleMaxLength: 512,
} as const;

/** Throws a message naming `where` unless `id` is a QuickSight id. */
export function assertQuickSightId(id: unknown, where: string): asserts id is string {
  const { idPattern, idMaxLength } = QUICKSIGHT_LIMITS;
  if (typeof id !== 'string' || id.length === 0 || id.length > idMaxLength || !idPattern.test(id)) {
    throw new Error(
      `${where} must be 1-${idMaxLength} letters, digits, '_' or '-' (QuickSight ids match ^[\\w\\-]+$); got ${JSON.stringify(id)}`,
    );
  }
}

/** Throws a message naming `where` unless `name` is a QuickSight parameter name. */
export function assertParameterName(name: unknown, where: string): asserts name is string {
  if (typeof name !== 'string' || !QUICKSIGHT_LIMITS.parameterNamePattern.test(name)) {
    throw new Error(
      `${where} must be letters and digits only (QuickSight parameter names match ^[a-zA-Z0-9]+$); got ${JSON.stringify(name)}`,
    );
  }
}
