import * as pulumi from '@pulumi/pulumi';
import { recordPulumiMocks, resolvedValue } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { awsEnvironment } from '../src/aws-environment';

recordPulumiMocks({
  computedState: (_t, name) => ({ id: `${name}-id` }),
  accountId: '111122223333',
  region: 'us-east-2',
});

describe('awsEnvironment', () => {
  it('reads partition, region and account from the provider', async () => {
    class Probe extends pulumi.ComponentResource {
      constructor() {
        super('test:probe:Probe', 'probe');
      }
    }
    expect(await resolvedValue(awsEnvironment(new Probe()))).toEqual({
      partition: 'aws',
      region: 'us-east-2',
      accountId: '111122223333',
    });
  });
});
