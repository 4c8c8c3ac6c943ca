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
export const MOCK_PROJECT = 'spotify-lake';
export const MOCK_STACK = 'test';

/**
 * What a mock resource reports beyond its inputs: a physical name (`<logical name>-physical` unless one is given)
 * and an ARN of its service, which the snapshots and assertions show.
 */
const computedState: ComputedState = (type, name, inputs) => {
  const physical = (inputs.name as string | undefined) ?? `${name}-physical`;
  const [, service] = type.split(':');
  const arn =
    type === 'aws:iam/role:Role'
      ? `arn:aws:iam::${MOCK_ENVIRONMENT.accountId}:role/${physical}`
      : `arn:aws:${service?.split('/')[0]}:${MOCK_ENVIRONMENT.region}:${MOCK_ENVIRONMENT.accountId}:${physical}`;
  return { id: `${name}-id`, name: physical, arn };
};

export type MockOptions = Pick<RecordingMocksOptions, 'stack' | 'stackReferenceOutputs'>;

/** Sets the recording Pulumi mocks of @spotify-lake/testing (call before constructing any resource). */
export async function setupPulumiMocks(options: MockOptions = {}): Promise<ResourceRecorder> {
  return recordPulumiMocks({
    ...MOCK_ENVIRONMENT,
    project: MOCK_PROJECT,
    stack: options.stack ?? MOCK_STACK,
    ...(options.stackReferenceOutputs ? { stackReferenceOutputs: options.stackReferenceOutputs } : {}),
    computedState,
  });
}
