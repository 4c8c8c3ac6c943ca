/**
 * QuickSight resource permissions: which users or groups (their ARNs) may do what with each asset. The action
 * sets are the ones QuickSight's console grants to an owner and to a viewer; nothing else is granted.
 */
export const DASHBOARD_VIEWER_ACTIONS = [
  'quicksight:DescribeDashboard',
  'quicksight:ListDashboardVersions',
  'quicksight:QueryDashboard',
] as const;

export const DASHBOARD_OWNER_ACTIONS = [
  ...DASHBOARD_VIEWER_ACTIONS,
  'quicksight:UpdateDashboard',
  'quicksight:DeleteDashboard',
  'quicksight:DescribeDashboardPermissions',
  'quicksight:UpdateDashboardPermissions',
  'quicksight:UpdateDashboardPublishedVersion',
] as const;

export const ANALYSIS_OWNER_ACTIONS = [
  'quicksight:DescribeAnalysis',
  'quicksight:QueryAnalysis',
  'quicksight:UpdateAnalysis',
  'quicksight:RestoreAnalysis',
  'quicksight:DeleteAnalysis',
  'quicksight:DescribeAnalysisPermissions',
  'quicksight:UpdateAnalysisPermissions',
] as const;

export const DATASET_OWNER_ACTIONS = [
  'quicksight:DescribeDataSet',
  'quicksight:DescribeDataSetPermissions',
  'quicksight:PassDataSet',
  'quicksight:DescribeIngestion',
  'quicksight:ListIngestions',
  'quicksight:CreateIngestion',
  'quicksight:CancelIngestion',
  'quicksight:UpdateDataSet',
  'quicksight:DeleteDataSet',
  'quicksight:UpdateDataSetPermissions',
] as const;

export const DATA_SOURCE_OWNER_ACTIONS = [
  'quicksight:DescribeDataSource',
  'quicksight:DescribeDataSourcePermissions',
  'quicksight:PassDataSource',
  'quicksight:UpdateDataSource',
  'quicksight:DeleteDataSource',
  'quicksight:UpdateDataSourcePermissions',
] as const;

export type QuickSightAsset = 'dataSource' | 'dataSet' | 'analysis' | 'dashboard';

const OWNER_ACTIONS: { readonly [A in QuickSightAsset]: readonly string[] } = {
  dataSource: DATA_SOURCE_OWNER_ACTIONS,
  dataSet: DATASET_OWNER_ACTIONS,
  analysis: ANALYSIS_OWNER_ACTIONS,
  dashboard: DASHBOARD_OWNER_ACTIONS,
};

/**
 * The permissions of one asset: owners get the owner actions of every asset; viewers see the dashboard only
 * (viewing a dashboard needs no right on its datasets or analysis).
 */
export function assetPermissions(
  asset: QuickSightAsset,
  principals: { owners: readonly string[]; viewers: readonly string[] },
): { principal: string; actions: string[] }[] {
  const owners = principals.owners.map((principal) => ({ principal, actions: [...OWNER_ACTIONS[asset]] }));
  const viewers =
    asset === 'dashboard'
      ? principals.viewers
          .filter((p) => !principals.owners.includes(p))
          .map((principal) => ({ principal, actions: [...DASHBOARD_VIEWER_ACTIONS] }))
      : [];
  return [...owners, ...viewers];
}

const QUICKSIGHT_PRINCIPAL_ARN =
  /^arn:aws[a-z-]*:quicksight:[a-z0-9-]+:\d{12}:(user|group)\/[^/\s]+\/[^\s]+$/;
/** `group/<name>` or `user/<name>`: a principal of the account's default namespace. */
const QUICKSIGHT_PRINCIPAL_NAME = /^(user|group)\/[\w+=,.@-]+$/;

/** Throws a message naming `where` unless `principal` is a QuickSight user or group ARN, or `group/<name>`. */
export function assertQuickSightPrincipal(principal: string, where: string): void {
  if (
    typeof principal !== 'string' ||
    !(QUICKSIGHT_PRINCIPAL_ARN.test(principal) || QUICKSIGHT_PRINCIPAL_NAME.test(principal))
  ) {
    throw new Error(
      `${where} must be a QuickSight user or group ARN (arn:aws:quicksight:eu-west-1:123456789012:group/default/analysts) or group/<name> / user/<name>; got ${JSON.stringify(principal)}`,
    );
  }
}

/**
 * The ARN of a principal: ARNs as given; `group/<name>` and `user/<name>` in the default namespace of the
 * account, in QuickSight's identity region (where its users and groups live, not necessarily the stack's).
 */
export function quickSightPrincipalArn(
  principal: string,
  where: { partition: string; identityRegion: string; accountId: string },
): string {
  if (principal.startsWith('arn:')) return principal;
  const [kind, name] = principal.split('/') as [string, string];
  return `arn:${where.partition}:quicksight:${where.identityRegion}:${where.accountId}:${kind}/default/${name}`;
}
