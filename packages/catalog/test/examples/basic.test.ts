import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ResourceRecorder, resolvedValue, setupPulumiMocks } from '../support/pulumi-mocks';

const LAKE_OUTPUTS = {
  dataBucketName: 'lake-data-1a2b',
  dataBucketArn: 'arn:aws:s3:::lake-data-1a2b',
  resultsBucketName: 'lake-results-3c4d',
  resultsBucketArn: 'arn:aws:s3:::lake-results-3c4d',
  kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/lake',
};

describe('examples/basic.ts', () => {
  let recorder: ResourceRecorder;
  let program: typeof import('../../examples/basic.js');

  beforeAll(async () => {
    recorder = await setupPulumiMocks({ stack: 'prod', stackReferenceOutputs: LAKE_OUTPUTS });
    pulumi.runtime.setAllConfig({
      'spotify-lake:lakeStack': 'acme/lake/prod',
      'spotify-lake:crawler': 'true',
    });
    // The program creates its resources on import, so it is imported after the mocks are set.
    program = await import('../../examples/basic.js');
    await recorder.settled();
  });

  it('builds the catalog over the lake read from the other stack', async () => {
    expect(await resolvedValue(program.databaseName)).toBe('catalog_prod');
    expect(await resolvedValue(program.workgroupName)).toBe('catalog-prod');
    expect(await resolvedValue(program.resultsLocation)).toBe('s3://lake-results-3c4d/athena-results/');
    expect(await resolvedValue(program.namedQueryNames)).toEqual(['rows-per-release-year']);
    expect(await resolvedValue(program.crawlerName)).toBe('catalog-crawler-physical');
  });

  it('applies its configuration: a 10 GiB cutoff, the lake key, protection in prod, its tags', () => {
    const workgroup = recorder.named('catalog-workgroup').inputs as {
      configuration: {
        bytesScannedCutoffPerQuery: number;
        resultConfiguration: { encryptionConfiguration: unknown };
      };
      tags: unknown;
    };
    expect(workgroup.configuration.bytesScannedCutoffPerQuery).toBe(10 * 1024 ** 3);
    expect(workgroup.configuration.resultConfiguration.encryptionConfiguration).toEqual({
      encryptionOption: 'SSE_KMS',
      kmsKeyArn: LAKE_OUTPUTS.kmsKeyArn,
    });
    expect(workgroup.tags).toMatchObject({ project: 'spotify-lake', stack: 'prod' });
    expect(recorder.named('catalog-crawler').inputs).toMatchObject({ schedule: 'cron(15 2 * * ? *)' });
    expect(recorder.named('catalog-workgroup').protect).toBe(true);
    expect(recorder.named('catalog-db').protect).toBe(false);
  });
});
