import type * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** Athena refuses a smaller per-query cutoff (10 MB). */
export const MIN_BYTES_SCANNED_CUTOFF_PER_QUERY = 10 * 1024 * 1024;
export const ATHENA_ENGINE_VERSION_3 = 'Athena engine version 3';
/** Default folder of the results bucket the workgroup writes to. */
export const DEFAULT_RESULTS_PREFIX = 'athena-results';

/** Throws when `bytes` is not a whole number of bytes at or above Athena's minimum. */
export function assertBytesScannedCutoff(
  bytes: unknown,
  option = 'bytesScannedCutoffPerQuery',
): asserts bytes is number {
  if (
    typeof bytes !== 'number' ||
    !Number.isSafeInteger(bytes) ||
    bytes < MIN_BYTES_SCANNED_CUTOFF_PER_QUERY
  ) {
    throw new Error(
      `${option} must be an integer of at least ${MIN_BYTES_SCANNED_CUTOFF_PER_QUERY} bytes (10 MB, Athena's minimum); got ${String(bytes)}`,
    );
  }
}

/** Throws when `prefix` is not a plain folder path (no leading or trailing slash, no `..`, no empty segment). */
export function assertResultsPrefix(prefix: string, option = 'resultsPrefix'): void {
  if (!/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/.test(prefix) || prefix.split('/').includes('..')) {
    throw new Error(
      `${option} "${prefix}" must be a folder path such as "athena-results" or "team/athena": safe S3 key characters, no leading or trailing "/"`,
    );
  }
}

/** `s3://<results bucket>/<prefix>/`. */
export function resultsOutputLocation(
  resultsBucketName: pulumi.Input<string>,
  prefix: string,
): pulumi.Output<string> {
  return pulumi.interpolate`s3://${resultsBucketName}/${prefix}/`;
}

/** Results encrypted with the lake's key when it has one, else with S3-managed keys: never unencrypted. */
export function resultsEncryption(
  kmsKeyArn: string | undefined,
): aws.types.input.athena.WorkgroupConfigurationResultConfigurationEncryptionConfiguration {
  return kmsKeyArn ? { encryptionOption: 'SSE_KMS', kmsKeyArn } : { encryptionOption: 'SSE_S3' };
}

export interface WorkgroupConfigurationInputs {
  bytesScannedCutoffPerQuery: pulumi.Input<number>;
  resultsBucketName: pulumi.Input<string>;
  resultsPrefix: string;
  kmsKeyArn: pulumi.Input<string | undefined> | undefined;
  /** Account expected to own the results bucket. */
  expectedBucketOwner: pulumi.Input<string>;
}

/**
 * Engine v3; the workgroup's settings enforced over clients' (so nobody writes results elsewhere or unencrypted);
 * results owned by the bucket owner; per-query cost cap; CloudWatch metrics for dashboards and alarms.
 */
export function workgroupConfiguration(
  inputs: WorkgroupConfigurationInputs,
): aws.types.input.athena.WorkgroupConfiguration {
  return {
    engineVersion: { selectedEngineVersion: ATHENA_ENGINE_VERSION_3 },
    enforceWorkgroupConfiguration: true,
    publishCloudwatchMetricsEnabled: true,
    bytesScannedCutoffPerQuery: inputs.bytesScannedCutoffPerQuery,
    resultConfiguration: {
      outputLocation: resultsOutputLocation(inputs.resultsBucketName, inputs.resultsPrefix),
      encryptionConfiguration: pulumi.output(inputs.kmsKeyArn).apply(resultsEncryption),
      expectedBucketOwner: inputs.expectedBucketOwner,
      aclConfiguration: { s3AclOption: 'BUCKET_OWNER_FULL_CONTROL' },
    },
  };
}
