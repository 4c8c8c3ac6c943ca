import * as pulumi from '@pulumi/pulumi';
import { wildcardViolations } from '@spotify-lake/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RecordedResource, resolvedValue, setupPulumiMocks } from '../support/pulumi-mocks';

describe('examples/basic.ts', () => {
  const mocks = setupPulumiMocks({ stack: 'prod' });
  let program: typeof import('../../examples/basic.js');
  let resources: RecordedResource[];

  beforeAll(async () => {
    pulumi.runtime.setAllConfig({ 'spotify-lake:alertEmails': '["ops@example.com"]' });
    // The program creates its resources on import, so it is imported after the mocks are set.
    program = await import('../../examples/basic.js');
    resources = await mocks.settled();
  });

  it('deploys the job, its workflow with both triggers, the ruleset and the alerts over a DataLake', async () => {
    expect(await resolvedValue(program.jobName)).toBe('spotify-job-0000000');
    expect(await resolvedValue(program.workflowName)).toBe('spotify-workflow-0000000');
    expect(await resolvedValue(program.alertsTopicArn)).toBe(
      'arn:aws:sns:eu-west-1:123456789012:spotify-alerts-0000000',
    );
    const names = resources.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'spotify-schedule-trigger',
        'spotify-upload-trigger',
        'spotify-dq-ruleset',
        'spotify-alert-ops-example-com',
        'spotify-data-notification',
      ]),
    );
    const job = resources.find((r) => r.name === 'spotify-job')!;
    expect(job.inputs).toMatchObject({ workerType: 'G.2X', numberOfWorkers: 4 });
    expect(wildcardViolations(resources)).toEqual([]);
  });
});
