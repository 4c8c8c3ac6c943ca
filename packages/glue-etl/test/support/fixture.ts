import { join } from 'node:path';
import { glueJobAssets } from '@spotify-lake/etl/glue-job';
import { type ComponentResources, componentResources, type PulumiRecorder } from '@spotify-lake/testing';
import { GlueEtlJob, type GlueEtlJobArgs, type GlueEtlJobCode, type GlueEtlLakeRef } from '../../src';

export const TYPES = {
  component: 'spotify:etl:GlueEtlJob',
  object: 'aws:s3/bucketObjectv2:BucketObjectv2',
  job: 'aws:glue/job:Job',
  role: 'aws:iam/role:Role',
  rolePolicy: 'aws:iam/rolePolicy:RolePolicy',
  key: 'aws:kms/key:Key',
  securityConfiguration: 'aws:glue/securityConfiguration:SecurityConfiguration',
  workflow: 'aws:glue/workflow:Workflow',
  trigger: 'aws:glue/trigger:Trigger',
  rule: 'aws:cloudwatch/eventRule:EventRule',
  target: 'aws:cloudwatch/eventTarget:EventTarget',
  ruleset: 'aws:glue/dataQualityRuleset:DataQualityRuleset',
  topic: 'aws:sns/topic:Topic',
  topicPolicy: 'aws:sns/topicPolicy:TopicPolicy',
  subscription: 'aws:sns/topicSubscription:TopicSubscription',
} as const;

/** A small job tree committed with the tests: snapshots do not change when the real job's code does. */
const FIXTURE = join(__dirname, '..', 'fixtures', 'code');
export const FIXTURE_CODE: GlueEtlJobCode = {
  script: join(FIXTURE, 'job.py'),
  pythonModules: [join(FIXTURE, 'helpers.py')],
  files: [join(FIXTURE, 'etl.sql')],
};

export const BUCKET = 'lake-data-0000000';
export const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
export const LAKE_KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/lake';

/** A KMS lake with EventBridge notifications, as a DataLake's outputs. */
export const KMS_LAKE: GlueEtlLakeRef = {
  dataBucketName: BUCKET,
  dataBucketArn: BUCKET_ARN,
  kmsKeyArn: LAKE_KEY_ARN,
  eventBridgeNotifications: true,
};
export const SSE_S3_LAKE: GlueEtlLakeRef = { dataBucketName: BUCKET, dataBucketArn: BUCKET_ARN };

/** The minimum args: the lake, the catalog's database and the etl package's job files. */
export function baseArgs(over: Partial<GlueEtlJobArgs> = {}): GlueEtlJobArgs {
  return { lake: KMS_LAKE, catalog: { databaseName: 'spotify_test' }, code: glueJobAssets(), ...over };
}

export interface BuiltJob extends ComponentResources {
  component: GlueEtlJob;
  /** A JSON policy input of a resource, parsed. */
  policy(name: string, input?: string): { Statement: Record<string, unknown>[] };
}

export async function buildJob(mocks: PulumiRecorder, name: string, args: GlueEtlJobArgs): Promise<BuiltJob> {
  const component = new GlueEtlJob(name, args);
  await mocks.settled();
  const lookups = componentResources(mocks.under(name));
  return {
    ...lookups,
    component,
    policy: (n, input = 'policy') => JSON.parse(lookups.named(n).inputs[input] as string),
  };
}
