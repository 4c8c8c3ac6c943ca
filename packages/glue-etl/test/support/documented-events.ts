/**
 * Events as the AWS documentation shows them (EventBridge event reference for Amazon S3, AWS Glue and AWS Glue Data
 * Quality), with this test's names. The patterns and input transformers are checked against these shapes.
 */
export const S3_OBJECT_CREATED = {
  version: '0',
  id: '17793124-05d4-b198-2fde-7ededc63b103',
  'detail-type': 'Object Created',
  source: 'aws.s3',
  account: '123456789012',
  time: '2026-11-12T00:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:s3:::lake-data-0000000'],
  detail: {
    version: '0',
    bucket: { name: 'lake-data-0000000' },
    object: {
      key: 'staging/albums/albums.csv',
      size: 5,
      etag: 'b1946ac92492d2347c6235b4d2611184',
      'version-id': 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
      sequencer: '617f08299329d189',
    },
    'request-id': 'N4N7GDK58NMKJ12R',
    requester: '123456789012',
    'source-ip-address': '1.2.3.4',
    reason: 'PutObject',
  },
};

export const GLUE_JOB_FAILED = {
  version: '0',
  id: 'abcdef00-1234-5678-9abc-def012345678',
  'detail-type': 'Glue Job State Change',
  source: 'aws.glue',
  account: '123456789012',
  time: '2026-11-12T03:14:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: {
    jobName: 'etl-job-0000000',
    severity: 'ERROR',
    state: 'FAILED',
    jobRunId: 'jr_0123456789abcdef',
    message: 'EtlInputError: staging/artists/: no file for source artists',
  },
};

export const GLUE_DATA_QUALITY_FAILED = {
  version: '0',
  id: '9d2a5bb5-1e8e-4f8b-8e5f-1f0d1e2c3b4a',
  'detail-type': 'Data Quality Evaluation Results Available',
  source: 'aws.glue-dataquality',
  account: '123456789012',
  time: '2026-11-12T03:20:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: {
    context: { contextType: 'GLUE_JOB', jobId: 'jr_0123456789abcdef', jobName: 'etl-job-0000000' },
    resultID: 'dqresult-0123456789abcdef',
    rulesetNames: ['spotify_warehouse'],
    resultIds: ['dqresult-0123456789abcdef'],
    state: 'FAILED',
    score: 0.95,
    rulesSucceeded: 21,
    rulesFailed: 1,
    rulesSkipped: 0,
  },
};

/** Data-quality results of a ruleset run on the table from the console: not a run of the job. */
export const CATALOG_DATA_QUALITY_FAILED = {
  ...GLUE_DATA_QUALITY_FAILED,
  detail: {
    ...GLUE_DATA_QUALITY_FAILED.detail,
    context: {
      contextType: 'GLUE_DATA_CATALOG',
      runId: 'dqrun-0123',
      databaseName: 'spotify_prod',
      tableName: 'datawarehouse',
      catalogId: '123456789012',
    },
  },
};
