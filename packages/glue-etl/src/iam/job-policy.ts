import type { AwsEnvironment } from '@spotify-lake/component-kit';
import { LAKE_ZONES, type LakeZone, MANIFEST_FILE } from '@spotify-lake/contract';
import {
  mergePolicyDocuments,
  type PolicyDocument,
  type PolicyStatement,
  policyDocument,
  s3ViaService,
  zoneReadPolicy,
  zoneWritePolicy,
} from '@spotify-lake/lake';
import { jobLogGroupPrefix } from '../job/job-settings';

/** Zones the job reads: its inputs and code, plus what it overwrites (Spark lists a folder before replacing it). */
export const JOB_READ_ZONES: readonly LakeZone[] = ['staging', 'scripts', 'warehouse', 'quarantine', 'runs'];
/** Zones the job writes: its outputs, and `_runs/` where a run stages them before publishing. */
export const JOB_WRITE_ZONES: readonly LakeZone[] = ['warehouse', 'quarantine', 'runs'];
/** CloudWatch namespaces of Glue's job metrics (`--enable-metrics`, observability) and of data-quality results. */
export const METRIC_NAMESPACES = ['Glue', 'Glue Data Quality'];

export interface JobPolicyInputs extends AwsEnvironment {
  dataBucketArn: string;
  zones: { readonly [Zone in LakeZone]: string };
  /** The lake's key; `undefined` on an SSE-S3 lake. */
  lakeKmsKeyArn: string | undefined;
  /** The job's own key (log and bookmark encryption). */
  jobKeyArn: string;
  securityConfigurationName: string;
  roleName: string;
  databaseName: string;
}

/** The run summary at the lake's root: one object, written and read back. */
function manifestStatements(inputs: JobPolicyInputs): PolicyStatement[] {
  const manifestArn = `${inputs.dataBucketArn}/${MANIFEST_FILE}`;
  const statements: PolicyStatement[] = [
    {
      Sid: 'WriteManifest',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: manifestArn,
    },
  ];
  if (inputs.lakeKmsKeyArn !== undefined) {
    statements.push({
      Sid: 'EncryptManifest',
      Effect: 'Allow',
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: inputs.lakeKmsKeyArn,
      Condition: {
        StringEquals: { 'kms:ViaService': s3ViaService(inputs.region) },
        StringLike: { 'kms:EncryptionContext:aws:s3:arn': [inputs.dataBucketArn, manifestArn] },
      },
    });
  }
  return statements;
}

/**
 * The job role's whole policy, statement by statement:
 * - the lake, through the lake's own grant helpers: read `staging/`, `scripts/` and the folders it replaces, write
 *   `datawarehouse/`, `quarantine/` and `_runs/`, the manifest; the lake key only through S3;
 * - its own log groups (named after its security configuration and role), and the right to attach its key to them;
 * - its key for job bookmarks, which Glue encrypts client-side with the role's credentials;
 * - this catalog's database and its tables, read only;
 * - publishing data-quality results, and metrics in Glue's two namespaces only (PutMetricData takes no resource).
 */
export function jobPolicyDocument(inputs: JobPolicyInputs): PolicyDocument {
  const { partition, region, accountId } = inputs;
  const lake = { bucketArn: inputs.dataBucketArn, kmsKeyArn: inputs.lakeKmsKeyArn, region };
  const glueArn = `arn:${partition}:glue:${region}:${accountId}`;
  const logGroups = `arn:${partition}:logs:${region}:${accountId}:log-group:${jobLogGroupPrefix(
    inputs.securityConfigurationName,
    inputs.roleName,
  )}*`;
  return mergePolicyDocuments(
    ...JOB_READ_ZONES.map((zone) => zoneReadPolicy({ ...lake, prefix: inputs.zones[zone] })),
    ...JOB_WRITE_ZONES.map((zone) => zoneWritePolicy({ ...lake, prefix: inputs.zones[zone] })),
    policyDocument([
      ...manifestStatements(inputs),
      {
        Sid: 'WriteOwnLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:AssociateKmsKey'],
        Resource: logGroups,
      },
      {
        Sid: 'EncryptBookmarks',
        Effect: 'Allow',
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: inputs.jobKeyArn,
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
          `${glueArn}:catalog`,
          `${glueArn}:database/${inputs.databaseName}`,
          `${glueArn}:table/${inputs.databaseName}/*`,
        ],
      },
      {
        Sid: 'PublishDataQualityResults',
        Effect: 'Allow',
        Action: ['glue:PublishDataQuality'],
        Resource: `${glueArn}:dataQualityRuleset/*`,
      },
      {
        Sid: 'PutGlueMetrics',
        Effect: 'Allow',
        Action: ['cloudwatch:PutMetricData'],
        Resource: '*',
        Condition: { StringEquals: { 'cloudwatch:namespace': METRIC_NAMESPACES } },
      },
    ]),
  );
}

/** Default zones, for callers whose lake reference does not carry them. */
export const DEFAULT_ZONES = LAKE_ZONES;
