import type * as aws from '@pulumi/aws';
import {
  type AwsEnvironment,
  accountAdministersKey,
  logGroupArn,
  logsUseKeyFor,
  serviceTrustPolicy,
} from '@spotify-lake/component-kit';
import type { DeleteBehavior, UpdateBehavior } from './crawler-settings';

/**
 * A crawler with a security configuration that encrypts CloudWatch logs writes them to its own log group,
 * `/aws-glue/crawlers-role/<role name>-<security configuration name>` (one stream per crawler), rather than the
 * shared `/aws-glue/crawlers`. The role and the security configuration are this crawler's own, so the group is.
 */
export const CRAWLER_ROLE_LOG_GROUP_PREFIX = '/aws-glue/crawlers-role/';

/** The log group of the crawler that runs as `roleName` with `securityConfigurationName`. */
export function crawlerLogGroupName(roleName: string, securityConfigurationName: string): string {
  return `${CRAWLER_ROLE_LOG_GROUP_PREFIX}${roleName}-${securityConfigurationName}`;
}

/**
 * Glue may assume the role, on behalf of this account only (confused-deputy guard). `IfExists`: AWS Glue does not
 * document that it sends `aws:SourceAccount` when it assumes a crawler role, and a plain `StringEquals` on a missing
 * key would deny the assumption and fail CreateCrawler ("Service is unable to assume role"). Passing the role to a
 * crawler needs `iam:PassRole`, which never crosses accounts, so the condition is a second guard, not the only one.
 */
export function glueTrustPolicy(accountId: string): aws.iam.PolicyDocument {
  return serviceTrustPolicy({
    sid: 'GlueAssumesRoleForThisAccount',
    service: 'glue.amazonaws.com',
    condition: { StringEqualsIfExists: { 'aws:SourceAccount': accountId } },
  });
}

export interface CrawlerPolicyInputs extends AwsEnvironment {
  dataBucketArn: string;
  /** Folders the crawler reads, with their trailing slash. */
  prefixes: readonly string[];
  databaseName: string;
  /** Tables the crawler creates start with this; writes are allowed to them only. */
  tablePrefix: string;
  updateBehavior: UpdateBehavior;
  deleteBehavior: DeleteBehavior;
  /** The lake's key, when its objects are SSE-KMS encrypted. */
  lakeKmsKeyArn?: string | undefined;
  /** The crawler's role and security configuration, which name its log group (`crawlerLogGroupName`). */
  roleName: string;
  securityConfigurationName: string;
}

/** Glue actions a crawler needs to read the catalog and to add tables and partitions. */
const GLUE_READ_ACTIONS = [
  'glue:GetDatabase',
  'glue:GetTable',
  'glue:GetTables',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
];
const GLUE_CREATE_ACTIONS = ['glue:CreateTable', 'glue:CreatePartition', 'glue:BatchCreatePartition'];
const GLUE_UPDATE_ACTIONS = ['glue:UpdateTable', 'glue:UpdatePartition', 'glue:BatchUpdatePartition'];
const GLUE_DELETE_ACTIONS = [
  'glue:DeleteTable',
  'glue:BatchDeleteTable',
  'glue:DeletePartition',
  'glue:BatchDeletePartition',
];

/** Glue actions the schema change policy can make the crawler use on its own tables. */
export function glueWriteActions(updateBehavior: UpdateBehavior, deleteBehavior: DeleteBehavior): string[] {
  const actions = [...GLUE_CREATE_ACTIONS];
  // Deprecating a table is an UpdateTable that marks it.
  if (updateBehavior === 'UPDATE_IN_DATABASE' || deleteBehavior === 'DEPRECATE_IN_DATABASE') {
    actions.push(...GLUE_UPDATE_ACTIONS);
  }
  if (deleteBehavior === 'DELETE_FROM_DATABASE') actions.push(...GLUE_DELETE_ACTIONS);
  return actions;
}

/**
 * The crawler's permissions, instead of the AWSGlueServiceRole managed policy, which grants glue:*, s3 reads of every
 * `aws-glue-*` bucket, ec2 and iam reads, and more than a crawler over three folders needs: read the target folders,
 * read the catalog, write only its own (`<tablePrefix>*`) tables, write its own log group, decrypt the lake's objects.
 * Listing is allowed under each target folder with its trailing slash, so `staging/albums/` never lets it list
 * `staging/albums-old/`.
 */
export function crawlerPolicyDocument(inputs: CrawlerPolicyInputs): aws.iam.PolicyDocument {
  const { partition, region, accountId, dataBucketArn, databaseName } = inputs;
  const glueArn = `arn:${partition}:glue:${region}:${accountId}`;
  const catalogArn = `${glueArn}:catalog`;
  const databaseArn = `${glueArn}:database/${databaseName}`;
  const logGroup = logGroupArn(
    inputs,
    crawlerLogGroupName(inputs.roleName, inputs.securityConfigurationName),
  );
  const statements: aws.iam.PolicyStatement[] = [
    {
      Sid: 'ReadTargetObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: inputs.prefixes.map((prefix) => `${dataBucketArn}/${prefix}*`),
    },
    {
      Sid: 'ListTargetFolders',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [dataBucketArn],
      Condition: {
        StringLike: {
          's3:prefix': inputs.prefixes.flatMap((prefix) => [prefix, `${prefix}*`]),
        },
      },
    },
    { Sid: 'LocateBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation'], Resource: [dataBucketArn] },
    {
      Sid: 'ReadCatalog',
      Effect: 'Allow',
      Action: GLUE_READ_ACTIONS,
      Resource: [catalogArn, databaseArn, `${glueArn}:table/${databaseName}/*`],
    },
    {
      Sid: 'WriteOwnTables',
      Effect: 'Allow',
      Action: glueWriteActions(inputs.updateBehavior, inputs.deleteBehavior),
      Resource: [catalogArn, databaseArn, `${glueArn}:table/${databaseName}/${inputs.tablePrefix}*`],
    },
    {
      Sid: 'WriteCrawlerLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:AssociateKmsKey'],
      Resource: [logGroup, `${logGroup}:log-stream:*`],
    },
  ];
  if (inputs.lakeKmsKeyArn) {
    statements.push({
      Sid: 'DecryptLakeObjects',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [inputs.lakeKmsKeyArn],
      Condition: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * Policy of the key that encrypts the crawler's logs: the account administers it through IAM, and CloudWatch Logs
 * may use it for this crawler's log groups only (the encryption context names the log group): those of its role,
 * `/aws-glue/crawlers-role/<role name>-*`. The security configuration's name is not in the pattern because the
 * configuration needs this key first.
 */
export function crawlerLogsKeyPolicy(env: AwsEnvironment, roleName: string): aws.iam.PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      accountAdministersKey(env),
      logsUseKeyFor(
        env,
        'CloudWatchLogsEncryptsCrawlerLogs',
        logGroupArn(env, `${CRAWLER_ROLE_LOG_GROUP_PREFIX}${roleName}-*`),
      ),
    ],
  };
}
