import { findCfnSchema, validate } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { baseArgs, buildJob } from './support/fixture';
import { setupPulumiMocks } from './support/pulumi-mocks';

const mocks = setupPulumiMocks();
const schema = findCfnSchema('aws-glue-job.json', __dirname);

/** The job's @pulumi/aws inputs as the AWS::Glue::Job properties they become; an unmapped field fails loudly. */
function jobToCfn(inputs: Record<string, unknown>): Record<string, unknown> {
  const names: Record<string, string> = {
    description: 'Description',
    roleArn: 'Role',
    glueVersion: 'GlueVersion',
    workerType: 'WorkerType',
    numberOfWorkers: 'NumberOfWorkers',
    timeout: 'Timeout',
    maxRetries: 'MaxRetries',
    securityConfiguration: 'SecurityConfiguration',
    defaultArguments: 'DefaultArguments',
    tags: 'Tags',
    name: 'Name',
  };
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (value === undefined) continue;
    if (key === 'command') {
      const command = value as { name: string; pythonVersion: string; scriptLocation: string };
      result.Command = {
        Name: command.name,
        PythonVersion: command.pythonVersion,
        ScriptLocation: command.scriptLocation,
      };
    } else if (key === 'executionProperty') {
      result.ExecutionProperty = {
        MaxConcurrentRuns: (value as { maxConcurrentRuns: number }).maxConcurrentRuns,
      };
    } else {
      if (!names[key]) throw new Error(`no CloudFormation mapping for the job's ${key}`);
      result[names[key]] = value;
    }
  }
  return result;
}

describe.skipIf(!schema)('the job against the AWS::Glue::Job schema (shared/schemas/cloudformation)', () => {
  it('conforms with default args and with the largest capacity', async () => {
    const small = await buildJob(mocks, 'cfn', baseArgs());
    expect(validate(schema!, jobToCfn(small.named('cfn-job').inputs))).toEqual([]);
    const large = await buildJob(
      mocks,
      'cfnbig',
      baseArgs({ workerType: 'R.8X', numberOfWorkers: 299, timeoutMinutes: 2880 }),
    );
    expect(validate(schema!, jobToCfn(large.named('cfnbig-job').inputs))).toEqual([]);
  });

  it("would catch a worker count over Glue's 299 and an unknown worker type", async () => {
    const { named } = await buildJob(mocks, 'cfnbad', baseArgs());
    const cfn = { ...jobToCfn(named('cfnbad-job').inputs), NumberOfWorkers: 300, WorkerType: 'G.025Y' };
    expect(validate(schema!, cfn).join('\n')).toMatch(/NumberOfWorkers: above 299[\s\S]*WorkerType/);
  });
});

describe.skipIf(schema)('without shared/schemas/cloudformation/aws-glue-job.json', () => {
  it('skips the schema checks: set SPOTIFY_SHARED_DATA or put shared/ beside the repository', () => {
    expect(schema).toBeUndefined();
  });
});
