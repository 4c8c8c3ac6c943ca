import {
  type ComputedState,
  type MockedEnvironment,
  type PulumiRecorder,
  recordPulumiMocks,
} from '@spotify-lake/testing';

export { type RecordedResource, resolvedValue, settle } from '@spotify-lake/testing';

/**
 * What the AWS provider would compute for the resource types this package creates: auto-named resources get the
 * logical name plus a fixed suffix (the provider adds a random one), and ARNs in each service's format, so that
 * assertions and snapshots are stable.
 */
const computedState: ComputedState = (type, name, inputs, { partition, region, accountId }) => {
  const physical = (inputs.name as string | undefined) ?? `${name}-0000000`;
  const arn = (service: string, resource: string) =>
    `arn:${partition}:${service}:${region}:${accountId}:${resource}`;
  switch (type) {
    case 'aws:kms/key:Key':
      return { keyId: `key-${name}`, arn: arn('kms', `key/key-${name}`), id: `key-${name}` };
    case 'aws:iam/role:Role':
      return { name: physical, arn: `arn:${partition}:iam::${accountId}:role/${physical}`, id: physical };
    case 'aws:glue/job:Job':
      return { name: physical, arn: arn('glue', `job/${physical}`), id: physical };
    case 'aws:glue/workflow:Workflow':
      return { name: physical, arn: arn('glue', `workflow/${physical}`), id: physical };
    case 'aws:glue/trigger:Trigger':
      return { name: physical, arn: arn('glue', `trigger/${physical}`), id: physical };
    case 'aws:glue/dataQualityRuleset:DataQualityRuleset':
      return { name: physical, arn: arn('glue', `dataQualityRuleset/${physical}`), id: physical };
    case 'aws:sns/topic:Topic':
      return { name: physical, arn: arn('sns', physical), id: arn('sns', physical) };
    case 'aws:cloudwatch/eventRule:EventRule':
      return { name: physical, arn: arn('events', `rule/${physical}`), id: physical };
    default:
      return { name: physical, id: `${name}-id` };
  }
};

/** Sets the recording Pulumi mocks (call before constructing any resource). */
export function setupPulumiMocks(overrides: Partial<MockedEnvironment> = {}): PulumiRecorder {
  return recordPulumiMocks({ ...overrides, computedState });
}
