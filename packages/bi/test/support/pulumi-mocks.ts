import {
  type ComputedState,
  type PulumiRecorder,
  type RecordingMocksOptions,
  recordPulumiMocks,
} from '@spotify-lake/testing';

export { type RecordedResource, resolvedValue, settle } from '@spotify-lake/testing';
export type ResourceRecorder = PulumiRecorder;

/** The account the mocks pretend to deploy to. */
export const MOCK_ENVIRONMENT = { partition: 'aws', region: 'eu-west-1', accountId: '123456789012' } as const;
export const MOCK_STACK = 'test';

/** QuickSight resource types and the id input that names each (their ARNs end with it). */
const QUICKSIGHT_IDS: Record<string, [string, string]> = {
  'aws-native:quicksight:DataSource': ['datasource', 'dataSourceId'],
  'aws-native:quicksight:DataSet': ['dataset', 'dataSetId'],
  'aws-native:quicksight:Analysis': ['analysis', 'analysisId'],
  'aws-native:quicksight:Dashboard': ['dashboard', 'dashboardId'],
};

/** What the provider would compute: QuickSight ARNs from the given ids, IAM role ARNs from the physical name. */
const computedState: ComputedState = (type, name, inputs, { partition, region, accountId }) => {
  const quicksight = QUICKSIGHT_IDS[type];
  if (quicksight) {
    const [kind, idInput] = quicksight;
    return {
      id: `${name}-id`,
      arn: `arn:${partition}:quicksight:${region}:${accountId}:${kind}/${inputs[idInput]}`,
    };
  }
  const physical = (inputs.name as string | undefined) ?? `${name}-physical`;
  if (type === 'aws:iam/role:Role') {
    return { id: physical, name: physical, arn: `arn:${partition}:iam::${accountId}:role/${physical}` };
  }
  return { id: `${name}-id`, name: physical };
};

export type MockOptions = Pick<RecordingMocksOptions, 'stack'>;

/** Sets the recording Pulumi mocks of @spotify-lake/testing (call before constructing any resource). */
export function setupPulumiMocks(options: MockOptions = {}): ResourceRecorder {
  return recordPulumiMocks({ ...MOCK_ENVIRONMENT, stack: options.stack ?? MOCK_STACK, computedState });
}
