import { explicitDenies, wildcardViolations } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { athenaRolePolicyDocument, quickSightTrustPolicy } from '../../src/access/athena-role-policy';

const inputs = {
  partition: 'aws',
  region: 'eu-west-1',
  accountId: '123456789012',
  workgroupName: 'spotify-prod',
  databaseName: 'spotify_prod',
  tables: ['datawarehouse'],
  dataBucketArn: 'arn:aws:s3:::data',
  readPrefixes: ['datawarehouse/'],
  resultsBucketArn: 'arn:aws:s3:::results',
  resultsPrefix: 'athena-results/',
};
const statement = (sid: string, doc = athenaRolePolicyDocument(inputs)) =>
  (doc.Statement as { Sid: string }[]).find((s) => s.Sid === sid) as Record<string, unknown> | undefined;

describe('athenaRolePolicyDocument', () => {
  it('runs queries in the one workgroup and reads only the catalog of the datasets', () => {
    expect(statement('RunQueriesInTheWorkgroup')!.Resource).toBe(
      'arn:aws:athena:eu-west-1:123456789012:workgroup/spotify-prod',
    );
    expect(statement('ReadTheCatalogOfTheDatasets')!.Resource).toEqual([
      'arn:aws:glue:eu-west-1:123456789012:catalog',
      'arn:aws:glue:eu-west-1:123456789012:database/spotify_prod',
      'arn:aws:glue:eu-west-1:123456789012:table/spotify_prod/datawarehouse',
    ]);
    expect(wildcardViolations([{ name: 'role-policy', inputs: athenaRolePolicyDocument(inputs) }])).toEqual(
      [],
    );
  });

  it('reads the warehouse folder and writes only under the results folder', () => {
    expect(statement('ReadTheWarehouse')).toMatchObject({
      Action: 's3:GetObject',
      Resource: ['arn:aws:s3:::data/datawarehouse/*'],
    });
    expect(statement('ListTheWarehouse')).toMatchObject({
      Condition: { StringLike: { 's3:prefix': ['datawarehouse/', 'datawarehouse/*'] } },
    });
    expect(statement('WriteQueryResults')).toMatchObject({
      Resource: 'arn:aws:s3:::results/athena-results/*',
    });
    const writes = (athenaRolePolicyDocument(inputs).Statement as { Action: string | string[] }[]).filter(
      (s) => [s.Action].flat().some((a) => a === 's3:PutObject'),
    );
    expect(writes).toHaveLength(1);
  });

  it('uses the lake key through S3 only, and only when there is one', () => {
    expect(statement('UseTheLakeKeyThroughS3')).toBeUndefined();
    const withKey = athenaRolePolicyDocument({
      ...inputs,
      kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k',
    });
    expect(statement('UseTheLakeKeyThroughS3', withKey)).toMatchObject({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
    });
  });
});

describe('quickSightTrustPolicy', () => {
  it('lets QuickSight assume the role for this account only', () => {
    const trust = quickSightTrustPolicy('123456789012');
    expect(trust.Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: 'quicksight.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      }),
    ]);
    expect(explicitDenies(trust as never, { action: 'sts:AssumeRole', resource: '*', context: {} })).toEqual(
      [],
    );
  });
});
