import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ResourceRecorder, resolvedValue, setupPulumiMocks } from '../support/pulumi-mocks';

const OWNER = 'arn:aws:quicksight:eu-west-1:123456789012:group/default/authors';

describe('examples/basic.ts', () => {
  let recorder: ResourceRecorder;
  let program: typeof import('../../examples/basic.js');

  beforeAll(async () => {
    recorder = setupPulumiMocks({ stack: 'prod' });
    pulumi.runtime.setAllConfig({
      'spotify-lake:workgroupName': 'spotify-prod',
      'spotify-lake:databaseName': 'spotify_prod',
      'spotify-lake:dataBucketArn': 'arn:aws:s3:::lake-data',
      'spotify-lake:resultsBucketArn': 'arn:aws:s3:::lake-results',
      'spotify-lake:owners': JSON.stringify([OWNER]),
    });
    // The program creates its resources on import, so it is imported after the mocks are set.
    program = await import('../../examples/basic.js');
    await recorder.settled();
  });

  it('deploys the dashboard, its dataset with the year parameter, and grants the owner', async () => {
    expect(program.dashboardId).toBe('releases-prod');
    expect(await resolvedValue(program.dashboardArn)).toBe(
      'arn:aws:quicksight:eu-west-1:123456789012:dashboard/releases-prod',
    );
    const dataset = recorder.named('releases-dataset-per-year').inputs as {
      physicalTableMap: { query: { customSql: { sqlQuery: string } } };
    };
    expect(dataset.physicalTableMap.query.customSql.sqlQuery).toContain('"spotify_prod"."datawarehouse"');
    expect(recorder.named('releases-dashboard').inputs.permissions).toEqual([
      expect.objectContaining({ principal: OWNER }),
    ]);
  });
});
