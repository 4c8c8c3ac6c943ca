import type * as aws from '@pulumi/aws';

/** Worker types Glue 5.0 runs `glueetl` jobs on (G.025X is for streaming, Z.2X for Ray, Standard is gone). */
export const GLUE_WORKER_TYPES = [
  'G.1X',
  'G.2X',
  'G.4X',
  'G.8X',
  'G.12X',
  'G.16X',
  'R.1X',
  'R.2X',
  'R.4X',
  'R.8X',
] as const;
export type GlueWorkerType = (typeof GLUE_WORKER_TYPES)[number];

export const GLUE_VERSION = '5.0';
export const MIN_WORKERS = 2;
export const MAX_WORKERS = 299;
export const MAX_TIMEOUT_MINUTES = 2880;
export const MAX_RETRIES = 10;

/** A Spark ETL job in Python 3: what the ETL is. */
export function glueEtlCommand(scriptLocation: string): aws.types.input.glue.JobCommand {
  return { name: 'glueetl', pythonVersion: '3', scriptLocation };
}

/** One run at a time: two runs would publish into the warehouse together. */
export function singleRunAtATime(): aws.types.input.glue.JobExecutionProperty {
  return { maxConcurrentRuns: 1 };
}

/**
 * Glue's own arguments: Python, metrics and observability metrics on, bookmarks off (every run rebuilds the
 * warehouse from all of `staging/`). Glue 5.0 streams logs to CloudWatch by itself (`/output` and `/error` log
 * groups), so `--enable-continuous-cloudwatch-log`, which only Glue 4.0 and earlier read, is not set.
 */
export function glueRuntimeArguments(): Record<string, string> {
  return {
    '--job-language': 'python',
    '--enable-metrics': 'true',
    '--enable-observability-metrics': 'true',
    '--job-bookmark-option': 'job-bookmark-disable',
  };
}

/**
 * What the security configuration encrypts: CloudWatch logs (SSE-KMS) and job bookmarks (CSE-KMS) with the job's
 * key, and what the job writes to S3 with the lake's key (SSE-KMS), or S3-managed keys on an SSE-S3 lake: the
 * lake's bucket policy refuses uploads that ask for any other encryption.
 */
export function jobEncryptionConfiguration(
  jobKeyArn: string,
  lakeKmsKeyArn: string | undefined,
): aws.types.input.glue.SecurityConfigurationEncryptionConfiguration {
  return {
    cloudwatchEncryption: { cloudwatchEncryptionMode: 'SSE-KMS', kmsKeyArn: jobKeyArn },
    jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'CSE-KMS', kmsKeyArn: jobKeyArn },
    s3Encryption: lakeKmsKeyArn
      ? { s3EncryptionMode: 'SSE-KMS', kmsKeyArn: lakeKmsKeyArn }
      : { s3EncryptionMode: 'SSE-S3' },
  };
}

/** Keys the component creates: symmetric, rotated yearly, 30 days between scheduling deletion and deletion. */
export function componentKeySettings(): Pick<
  aws.kms.KeyArgs,
  'enableKeyRotation' | 'deletionWindowInDays' | 'keyUsage' | 'customerMasterKeySpec'
> {
  return {
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    keyUsage: 'ENCRYPT_DECRYPT',
    customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
  };
}

/**
 * Glue names a job's log groups after its security configuration and role when the configuration encrypts them:
 * `/aws-glue/jobs/<configuration>-role/<role>/output` and `/error`. This is that prefix, ending in `/` (without a
 * role: every role's groups under the configuration).
 */
export function jobLogGroupPrefix(securityConfigurationName: string, roleName?: string): string {
  const base = `/aws-glue/jobs/${securityConfigurationName}-role/`;
  return roleName === undefined ? base : `${base}${roleName}/`;
}

/**
 * The security configuration's name: not auto-named, because the job key's policy must name the log groups, which
 * carry it. `<component>-<stack>-etl`, unique per instance and stack, in Glue's characters.
 */
export function defaultSecurityConfigurationName(component: string, stack: string): string {
  return `${component}-${stack}-etl`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 255);
}
