import type * as aws from '@pulumi/aws';
import { type AwsEnvironment, serviceTrustPolicy } from '@spotify-lake/component-kit';

/**
 * QuickSight may assume the data source's role, for this account only (confused-deputy guard). QuickSight sends
 * `aws:SourceAccount` when it assumes a data source role, so the plain `StringEquals` holds.
 */
export function quickSightTrustPolicy(accountId: string): aws.iam.PolicyDocument {
  return serviceTrustPolicy({
    sid: 'QuickSightAssumesRoleForThisAccount',
    service: 'quicksight.amazonaws.com',
    condition: { StringEquals: { 'aws:SourceAccount': accountId } },
  });
}

export interface AthenaRolePolicyInputs extends AwsEnvironment {
  workgroupName: string;
  databaseName: string;
  /** Glue tables the datasets' SQL reads. */
  tables: readonly string[];
  dataBucketArn: string;
  /** Folders of the data bucket the tables read, with their trailing slash (`datawarehouse/`). */
  readPrefixes: readonly string[];
  resultsBucketArn: string;
  /** Folder of the results bucket the workgroup writes to, with its trailing slash (`athena-results/`). */
  resultsPrefix: string;
  /** The lake's key, when its objects are SSE-KMS encrypted. */
  kmsKeyArn?: string | undefined;
}

/** Athena actions to run a query in one workgroup and read its results. */
export const ATHENA_QUERY_ACTIONS = [
  'athena:GetWorkGroup',
  'athena:StartQueryExecution',
  'athena:GetQueryExecution',
  'athena:GetQueryResults',
  'athena:GetQueryResultsStream',
  'athena:StopQueryExecution',
];
const GLUE_READ_ACTIONS = [
  'glue:GetDatabase',
  'glue:GetTable',
  'glue:GetTables',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
];
const RESULT_OBJECT_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
];

/** `s3:prefix` values that let ListBucket list a folder and everything under it. */
const listPrefixes = (prefixes: readonly string[]) => prefixes.flatMap((p) => [p, `${p}*`]);

/**
 * The data source role's permissions, in place of the broad rights QuickSight's account-wide service role is
 * usually given (AWSQuicksightAthenaAccess allows athena:* and every `aws-athena-query-results-*` bucket): run
 * queries in the catalog's workgroup only, read the catalog's database and the tables the datasets read, read
 * the warehouse folder, write only under the workgroup's results folder, and use the lake's key through S3 only.
 */
export function athenaRolePolicyDocument(inputs: AthenaRolePolicyInputs): aws.iam.PolicyDocument {
  const { partition, region, accountId } = inputs;
  const glue = (resource: string) => `arn:${partition}:glue:${region}:${accountId}:${resource}`;
  const statements: aws.iam.PolicyStatement[] = [
    {
      Sid: 'RunQueriesInTheWorkgroup',
      Effect: 'Allow',
      Action: ATHENA_QUERY_ACTIONS,
      Resource: `arn:${partition}:athena:${region}:${accountId}:workgroup/${inputs.workgroupName}`,
    },
    {
      Sid: 'ReadTheCatalogOfTheDatasets',
      Effect: 'Allow',
      Action: GLUE_READ_ACTIONS,
      Resource: [
        glue('catalog'),
        glue(`database/${inputs.databaseName}`),
        ...inputs.tables.map((table) => glue(`table/${inputs.databaseName}/${table}`)),
      ],
    },
    {
      Sid: 'ReadTheWarehouse',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: inputs.readPrefixes.map((prefix) => `${inputs.dataBucketArn}/${prefix}*`),
    },
    {
      Sid: 'ListTheWarehouse',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: inputs.dataBucketArn,
      Condition: { StringLike: { 's3:prefix': listPrefixes(inputs.readPrefixes) } },
    },
    {
      Sid: 'WriteQueryResults',
      Effect: 'Allow',
      Action: RESULT_OBJECT_ACTIONS,
      Resource: `${inputs.resultsBucketArn}/${inputs.resultsPrefix}*`,
    },
    {
      Sid: 'ListQueryResults',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: inputs.resultsBucketArn,
      Condition: { StringLike: { 's3:prefix': listPrefixes([inputs.resultsPrefix]) } },
    },
    {
      Sid: 'LocateTheBuckets',
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'],
      Resource: [inputs.dataBucketArn, inputs.resultsBucketArn],
    },
  ];
  if (inputs.kmsKeyArn) {
    statements.push({
      Sid: 'UseTheLakeKeyThroughS3',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: inputs.kmsKeyArn,
      Condition: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}
