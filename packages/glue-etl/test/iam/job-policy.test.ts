import { LAKE_ZONES } from '@spotify-lake/contract';
import { wildcardViolations } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { type JobPolicyInputs, jobPolicyDocument } from '../../src';

const B = 'arn:aws:s3:::lake';
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/lake';
const JOB_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/job';
const inputs: JobPolicyInputs = {
  partition: 'aws',
  region: 'eu-west-1',
  accountId: '123456789012',
  dataBucketArn: B,
  zones: LAKE_ZONES,
  lakeKmsKeyArn: KEY,
  jobKeyArn: JOB_KEY,
  securityConfigurationName: 'etl-prod-etl',
  roleName: 'etl-job-role-abc',
  databaseName: 'spotify_prod',
};
const viaS3 = (contexts: string[]) => ({
  StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' },
  StringLike: { 'kms:EncryptionContext:aws:s3:arn': contexts },
});
const read = (zone: string, sid: string) => [
  {
    Sid: `Read${sid}Objects`,
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:GetObjectVersion'],
    Resource: `${B}/${zone}*`,
  },
  {
    Sid: `List${sid}`,
    Effect: 'Allow',
    Action: ['s3:ListBucket'],
    Resource: B,
    Condition: { StringLike: { 's3:prefix': [zone, `${zone}*`] } },
  },
  { Sid: `Locate${sid}Bucket`, Effect: 'Allow', Action: ['s3:GetBucketLocation'], Resource: B },
  {
    Sid: `Decrypt${sid}`,
    Effect: 'Allow',
    Action: ['kms:Decrypt'],
    Resource: KEY,
    Condition: viaS3([B, `${B}/${zone}*`]),
  },
];
const write = (zone: string, sid: string) => [
  {
    Sid: `Write${sid}Objects`,
    Effect: 'Allow',
    Action: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
    Resource: `${B}/${zone}*`,
  },
  {
    Sid: `Encrypt${sid}`,
    Effect: 'Allow',
    Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
    Resource: KEY,
    Condition: viaS3([B, `${B}/${zone}*`]),
  },
];

describe('the job role policy', () => {
  it('is exactly these statements on a KMS lake: a widened permission fails here', () => {
    expect(jobPolicyDocument(inputs)).toEqual({
      Version: '2012-10-17',
      Statement: [
        ...read('staging/', 'Staging'),
        ...read('scripts/', 'Scripts'),
        ...read('datawarehouse/', 'Datawarehouse'),
        ...read('quarantine/', 'Quarantine'),
        ...read('_runs/', 'Runs'),
        ...write('datawarehouse/', 'Datawarehouse'),
        ...write('quarantine/', 'Quarantine'),
        ...write('_runs/', 'Runs'),
        {
          Sid: 'WriteManifest',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: `${B}/manifest.json`,
        },
        {
          Sid: 'EncryptManifest',
          Effect: 'Allow',
          Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
          Resource: KEY,
          Condition: viaS3([B, `${B}/manifest.json`]),
        },
        {
          Sid: 'WriteOwnLogs',
          Effect: 'Allow',
          Action: [
            'logs:CreateLogGroup',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
            'logs:AssociateKmsKey',
          ],
          Resource:
            'arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/jobs/etl-prod-etl-role/etl-job-role-abc/*',
        },
        {
          Sid: 'EncryptBookmarks',
          Effect: 'Allow',
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: JOB_KEY,
        },
        {
          Sid: 'ReadOwnCatalog',
          Effect: 'Allow',
          Action: [
            'glue:GetDatabase',
            'glue:GetTable',
            'glue:GetTables',
            'glue:GetPartition',
            'glue:GetPartitions',
          ],
          Resource: [
            'arn:aws:glue:eu-west-1:123456789012:catalog',
            'arn:aws:glue:eu-west-1:123456789012:database/spotify_prod',
            'arn:aws:glue:eu-west-1:123456789012:table/spotify_prod/*',
          ],
        },
        {
          Sid: 'PublishDataQualityResults',
          Effect: 'Allow',
          Action: ['glue:PublishDataQuality'],
          Resource: 'arn:aws:glue:eu-west-1:123456789012:dataQualityRuleset/*',
        },
        {
          Sid: 'PutGlueMetrics',
          Effect: 'Allow',
          Action: ['cloudwatch:PutMetricData'],
          Resource: '*',
          Condition: { StringEquals: { 'cloudwatch:namespace': ['Glue', 'Glue Data Quality'] } },
        },
      ],
    });
  });

  it('has no key statement for the lake on an SSE-S3 lake', () => {
    const document = jobPolicyDocument({ ...inputs, lakeKmsKeyArn: undefined });
    expect(document.Statement.filter((s) => s.Resource === KEY)).toEqual([]);
    expect(document.Statement.map((s) => s.Sid)).not.toContain('EncryptManifest');
  });

  it('never writes staging/ or scripts/, never deletes versions, and uses * only for PutMetricData', () => {
    const statements = jobPolicyDocument(inputs).Statement;
    const writes = statements.filter((s) =>
      s.Action.some((a) => a === 's3:PutObject' || a === 's3:DeleteObject'),
    );
    for (const s of writes) expect(JSON.stringify(s.Resource)).not.toMatch(/staging|scripts/);
    expect(statements.flatMap((s) => s.Action)).not.toContain('s3:DeleteObjectVersion');
    expect(statements.filter((s) => s.Resource === '*').map((s) => s.Sid)).toEqual(['PutGlueMetrics']);
    expect(
      wildcardViolations([{ name: 'policy', inputs: { policy: JSON.stringify(jobPolicyDocument(inputs)) } }]),
    ).toEqual([]);
  });
});
