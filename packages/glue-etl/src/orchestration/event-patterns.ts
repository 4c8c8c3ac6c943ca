/** An EventBridge event pattern, as JSON. */
export type EventPattern = Record<string, unknown>;

/** Objects created under `staging/` in the lake's bucket (S3's EventBridge events, `eventbridge: true`). */
export function stagingUploadPattern(bucket: string, stagingPrefix: string): EventPattern {
  return {
    source: ['aws.s3'],
    'detail-type': ['Object Created'],
    detail: { bucket: { name: [bucket] }, object: { key: [{ prefix: stagingPrefix }] } },
  };
}

/** Run states that end a run without its outputs: each one alerts. */
export const FAILED_JOB_STATES = ['FAILED', 'TIMEOUT', 'STOPPED', 'ERROR'] as const;

/** This job's runs that ended badly ("Glue Job State Change", source aws.glue). */
export function jobFailurePattern(jobName: string): EventPattern {
  return {
    source: ['aws.glue'],
    'detail-type': ['Glue Job State Change'],
    detail: { jobName: [jobName], state: [...FAILED_JOB_STATES] },
  };
}

/** Failed data-quality evaluations published by this job's runs (source aws.glue-dataquality). */
export function dataQualityFailurePattern(jobName: string): EventPattern {
  return {
    source: ['aws.glue-dataquality'],
    'detail-type': ['Data Quality Evaluation Results Available'],
    detail: { state: ['FAILED'], context: { contextType: ['GLUE_JOB'], jobName: [jobName] } },
  };
}
